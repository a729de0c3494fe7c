import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultLabels } from '../labels';
import { DownloadProgress } from './DownloadProgress';
import { ErrorView } from './ErrorView';
import { GoneView } from './GoneView';
import { PlayerSkeleton } from './PlayerSkeleton';
import { NotFoundView, ProcessingView } from './ProcessingView';

describe('state views', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      now: 1_000_000,
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loading is a busy region of the player footprint with a polite status', () => {
    render(<PlayerSkeleton label={defaultLabels.loading} />);
    expect(screen.getByRole('region', { name: defaultLabels.loading })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading recording');
  });

  it('processing counts down to the next automatic check, outside the live region', () => {
    render(<ProcessingView labels={defaultLabels} nextRetryAt={1_000_000 + 5_000} />);
    const live = screen.getByRole('status');
    expect(live).toHaveTextContent('still being processed');
    // The countdown changes every second: shown, never announced.
    expect(live).not.toHaveTextContent('Checking again');
    expect(screen.getByText('Checking again in 5 seconds.')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByText('Checking again in 3 seconds.')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByText('Checking again in 1 second.')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByText('Checking now…')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('processing only ever counts down: a later check announced mid-count waits for this one', () => {
    const seen: string[] = [];
    const { rerender } = render(<ProcessingView labels={defaultLabels} nextRetryAt={1_000_000 + 3_000} />);
    const read = () => seen.push(document.querySelector('.aa-countdown')?.textContent ?? '');
    read();
    act(() => vi.advanceTimersByTime(1_000));
    read();
    // The backoff grew while counting: 2 must not jump to 4.
    rerender(<ProcessingView labels={defaultLabels} nextRetryAt={1_000_000 + 1_000 + 4_000} />);
    read();
    act(() => vi.advanceTimersByTime(2_000));
    read();
    act(() => vi.advanceTimersByTime(1_000));
    read();
    expect(seen).toEqual([
      'Checking again in 3 seconds.',
      'Checking again in 2 seconds.',
      'Checking again in 2 seconds.',
      'Checking now…',
      'Checking again in 1 second.',
    ]);
  });

  it('not found (404 past the bounded wait) says so and offers a manual check', async () => {
    vi.useRealTimers();
    const onRetry = vi.fn();
    render(<NotFoundView labels={defaultLabels} onRetry={onRetry} />);
    expect(screen.getByRole('status')).toHaveTextContent('No recording was found for this session.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('gone explains the 7-day retention and offers nothing to retry', () => {
    render(<GoneView labels={defaultLabels} />);
    expect(screen.getByRole('status')).toHaveTextContent('no longer available');
    expect(screen.getByRole('status')).toHaveTextContent('kept for 7 days');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('auth and generic errors say what happened and offer a retry', async () => {
    vi.useRealTimers();
    const onRetry = vi.fn();
    const { rerender } = render(<ErrorView labels={defaultLabels} kind="auth" onRetry={onRetry} />);
    expect(screen.getByRole('status')).toHaveTextContent('Sign in again');
    rerender(<ErrorView labels={defaultLabels} kind="error" onRetry={onRetry} />);
    expect(screen.getByRole('status')).toHaveTextContent('could not be loaded');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('download mode shows progress against the total', () => {
    render(<DownloadProgress labels={defaultLabels} loaded={2_500_000} total={10_000_000} />);
    const bar = screen.getByRole('progressbar', { name: 'Downloading recording' });
    expect(bar).toHaveAttribute('value', '2500000');
    expect(screen.getByText('2.5 MB of 10.0 MB')).toBeInTheDocument();
  });
});
