import { clock } from '@ambient-audio/core';
import { useEffect, useRef, useState } from 'react';
import type { PlayerLabels } from '../labels';
import { StateMessage } from './StateMessage';

export interface ProcessingViewProps {
  labels: PlayerLabels;
  /** Epoch ms of the next automatic check, when one is scheduled. */
  nextRetryAt: number | null;
  className?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
}

const secondsUntil = (at: number) => Math.max(0, Math.ceil((at - clock.now()) / 1000));

/**
 * Counts down to `nextRetryAt`, one second at a time, never up: a later check announced while the
 * count runs (the backoff grew) is taken on only once this one has reached zero, so the listener sees
 * 3, 2, 1, "checking now", then the next count. Reads the clock in effects only, never in render.
 */
function useCountdown(nextRetryAt: number | null): number | null {
  const [seconds, setSeconds] = useState<number | null>(null);
  // The check being counted down to, and the latest one announced.
  const targetRef = useRef<number | null>(null);
  const latestRef = useRef<number | null>(null);
  useEffect(() => {
    latestRef.current = nextRetryAt;
    if (nextRetryAt === null) {
      targetRef.current = null;
      return;
    }
    if (targetRef.current === null || secondsUntil(targetRef.current) === 0) targetRef.current = nextRetryAt;
    let handle: ReturnType<typeof clock.setTimeout> | null = null;
    const tick = () => {
      const target = targetRef.current;
      if (target === null) return;
      const value = secondsUntil(target);
      setSeconds(value);
      if (value > 0) {
        // Wake at the next whole second of the countdown.
        handle = clock.setTimeout(tick, (target - clock.now()) % 1000 || 1000);
        return;
      }
      // Zero: "checking now" for a moment, then the later check announced meanwhile, if any.
      const latest = latestRef.current;
      if (latest !== null && latest > target) {
        targetRef.current = latest;
        handle = clock.setTimeout(tick, 1000);
      }
    };
    tick();
    return () => clock.clearTimeout(handle);
  }, [nextRetryAt]);
  return nextRetryAt === null ? null : seconds;
}

/**
 * The session's audio was uploaded and is still being processed (404): say so once (the live region
 * holds the sentence only), and show, without announcing every second, when it looks again.
 */
export function ProcessingView({ labels, nextRetryAt, className, theme }: ProcessingViewProps) {
  const seconds = useCountdown(nextRetryAt);
  return (
    <StateMessage
      tone="info"
      regionLabel={labels.region}
      className={className}
      theme={theme}
      title={labels.processing}
      aside={
        seconds === null ? undefined : (
          <span className="aa-countdown">
            {seconds > 0 ? labels.processingRetry(seconds) : labels.processingChecking}
          </span>
        )
      }
    />
  );
}

export interface NotFoundViewProps {
  labels: PlayerLabels;
  onRetry: () => void;
  className?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
}

/**
 * The API kept answering 404 beyond the bounded wait for processing (`processingMaxWaitMs`, 2 min):
 * a mistyped session id looks exactly like audio still processing, so after that wait the player
 * stops polling and says so, with a manual check.
 */
export function NotFoundView({ labels, onRetry, className, theme }: NotFoundViewProps) {
  return (
    <StateMessage
      tone="warning"
      regionLabel={labels.region}
      className={className}
      theme={theme}
      title={labels.notFound}
      detail={labels.notFoundDetail}
      action={
        <button type="button" className="aa-button aa-text-button" onClick={onRetry}>
          {labels.retry}
        </button>
      }
    />
  );
}
