import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MEDIA_START_WAIT_MS, useMediaStartGate, type StartingMedia } from './useMediaStartGate';

/** A timeline fed and asked to play, its audio not yet started: what the player sees on its first render. */
class StartingTimeline extends EventTarget implements StartingMedia {
  elementCount = 1;
  error: { code: number; message: string } | null = null;
  paused = false;
  readyState = 1;
  currentTime = 0;

  start() {
    this.readyState = 4;
    this.currentTime = 0.02;
    this.dispatchEvent(new Event('playing'));
  }
}

function Gate(props: { media: StartingMedia | null; active: boolean; autoPlay: boolean }) {
  const open = useMediaStartGate(props.media, props.active, props.autoPlay);
  return <p>{open ? 'player' : 'skeleton'}</p>;
}

const shows = () => screen.getByRole('paragraph').textContent;

describe('useMediaStartGate', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 5, 9) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the full player back while an autoplaying timeline starts, and opens once it plays', () => {
    const media = new StartingTimeline();
    const { rerender } = render(<Gate media={media} active={false} autoPlay />);
    expect(shows()).toBe('skeleton');
    rerender(<Gate media={media} active autoPlay />);
    act(() => vi.advanceTimersByTime(MEDIA_START_WAIT_MS / 2));
    expect(shows()).toBe('skeleton');
    act(() => media.start());
    expect(shows()).toBe('player');
    // Stays open: a later pause or buffering is the player's to show.
    act(() => vi.advanceTimersByTime(MEDIA_START_WAIT_MS * 2));
    expect(shows()).toBe('player');
  });

  it('renders at once without autoPlay, and when the timeline has nothing to play or has started', () => {
    render(<Gate media={new StartingTimeline()} active autoPlay={false} />);
    expect(shows()).toBe('player');
    const empty = Object.assign(new StartingTimeline(), { elementCount: 0 });
    const { unmount } = render(<Gate media={empty} active autoPlay />);
    expect(screen.getAllByRole('paragraph').map((p) => p.textContent)).toEqual(['player', 'player']);
    unmount();
    const playing = Object.assign(new StartingTimeline(), { readyState: 4, currentTime: 3 });
    render(<Gate media={playing} active autoPlay />);
    render(<Gate media={null} active autoPlay />);
    expect(screen.getAllByRole('paragraph').map((p) => p.textContent)).toEqual([
      'player',
      'player',
      'player',
    ]);
  });

  it('sees a start it missed at the next timeupdate', () => {
    const media = new StartingTimeline();
    render(<Gate media={media} active autoPlay />);
    act(() => {
      media.readyState = 4;
      media.currentTime = 0.25;
      media.dispatchEvent(new Event('timeupdate'));
    });
    expect(shows()).toBe('player');
  });

  it('opens when the browser refuses to autoplay or the audio fails', () => {
    const refused = new StartingTimeline();
    const failed = new StartingTimeline();
    render(
      <>
        <Gate media={refused} active autoPlay />
        <Gate media={failed} active autoPlay />
      </>,
    );
    const both = () => screen.getAllByRole('paragraph').map((p) => p.textContent);
    expect(both()).toEqual(['skeleton', 'skeleton']);
    act(() => {
      refused.paused = true;
      refused.dispatchEvent(new Event('pause'));
    });
    expect(both()).toEqual(['player', 'skeleton']);
    act(() => {
      failed.error = { code: 2, message: 'Media error 2' };
      failed.dispatchEvent(new Event('error'));
    });
    expect(both()).toEqual(['player', 'player']);
  });

  it('renders the player after MEDIA_START_WAIT_MS when the audio never starts (a stalled network)', () => {
    const media = new StartingTimeline();
    render(<Gate media={media} active autoPlay />);
    act(() => vi.advanceTimersByTime(MEDIA_START_WAIT_MS - 1));
    expect(shows()).toBe('skeleton');
    act(() => vi.advanceTimersByTime(1));
    expect(shows()).toBe('player');
    // Released what it listened to: events after it opened change nothing and leak nothing.
    act(() => media.start());
    expect(shows()).toBe('player');
  });
});
