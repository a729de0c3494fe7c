import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TimeDisplay } from './TimeDisplay';

describe('TimeDisplay', () => {
  it('shows elapsed and total time, hours past an hour', () => {
    const { container } = render(<TimeDisplay currentTime={3909} duration={7200} />);
    expect(container).toHaveTextContent('1:05:09 / 2:00:00');
  });

  it('shows zero total before the duration is known', () => {
    const { container } = render(<TimeDisplay currentTime={0} duration={Number.NaN} />);
    expect(container).toHaveTextContent('0:00 / 0:00');
  });
});
