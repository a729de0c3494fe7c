import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DETAIL_SETTLE_MS, useDetailRequest } from './useDetailRequest';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const view = (start: number, length: number) => ({ start, length, zoomed: true, byUser: false });

describe('useDetailRequest', () => {
  it('asks for the window the view settled on, with the playhead of that moment', () => {
    const showDetail = vi.fn();
    let playhead = 100;
    const { result, rerender } = renderHook(() => useDetailRequest(showDetail, () => playhead));
    // Three zoom steps in quick succession: only the last is read.
    act(() => {
      result.current(view(0, 1800));
      result.current(view(0, 900));
      result.current(view(50, 450));
    });
    playhead = 230;
    rerender();
    act(() => {
      vi.advanceTimersByTime(DETAIL_SETTLE_MS - 1);
    });
    expect(showDetail).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(showDetail).toHaveBeenCalledTimes(1);
    expect(showDetail).toHaveBeenLastCalledWith(50, 500, 230);
  });

  it('reads nothing for the whole recording, and no focus without a playhead', () => {
    const showDetail = vi.fn();
    const { result } = renderHook(() => useDetailRequest(showDetail));
    act(() => {
      result.current({ start: 0, length: 3600, zoomed: false, byUser: false });
      vi.advanceTimersByTime(1000);
    });
    expect(showDetail).not.toHaveBeenCalled();
    act(() => {
      result.current(view(60, 60));
      vi.advanceTimersByTime(DETAIL_SETTLE_MS);
    });
    expect(showDetail).toHaveBeenLastCalledWith(60, 120, undefined);
  });
});
