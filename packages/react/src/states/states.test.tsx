import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultLabels } from '../labels';
import { DownloadProgress } from './DownloadProgress';
import { ErrorView } from './ErrorView';
import { GoneView } from './GoneView';
import { PlayerSkeleton } from './PlayerSkeleton';
import { ProcessingView } from './ProcessingView';

describe('state views', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loading is a busy region of the player footprint with a polite status', () => {
    render(<PlayerSkeleton label={defaultLabels.loading} />);
    expect(screen.getByRole('region', { name: defaultLabels.loading })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading recording');
  });

  it('processing counts down to the next automatic check', () => {
    render(<ProcessingView labels={defaultLabels} nextRetryAt={1_000_000 + 5_000} />);
    expect(screen.getByRole('status')).toHaveTextContent('still being processed');
    expect(screen.getByRole('status')).toHaveTextContent('Checking again in 5 seconds.');
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByRole('status')).toHaveTextContent('Checking again in 3 seconds.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('processing offers a manual check once automatic checks have stopped', async () => {
    vi.useRealTimers();
    const onRetry = vi.fn();
    render(<ProcessingView labels={defaultLabels} nextRetryAt={null} onRetry={onRetry} />);
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
