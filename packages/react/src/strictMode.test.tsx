import { render, renderHook } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';

describe('the test setup', () => {
  it('renders every component and hook inside <StrictMode> (effects run twice)', () => {
    let mounts = 0;
    function Probe() {
      useEffect(() => {
        mounts += 1;
      }, []);
      return null;
    }
    render(<Probe />);
    expect(mounts).toBe(2);
    let hookMounts = 0;
    renderHook(() =>
      useEffect(() => {
        hookMounts += 1;
      }, []),
    );
    expect(hookMounts).toBe(2);
  });
});
