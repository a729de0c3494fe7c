import { useEffect, useState } from 'react';
import type { PlayerLabels } from '../labels';
import { StateMessage } from './StateMessage';

export interface ProcessingViewProps {
  labels: PlayerLabels;
  /** Epoch ms of the next automatic check, when one is scheduled. */
  nextRetryAt: number | null;
  /** Offered once automatic checks have stopped. */
  onRetry?: (() => void) | undefined;
  className?: string | undefined;
}

function secondsUntil(at: number | null): number | null {
  return at === null ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** The session's audio was uploaded and is still being processed (404): say so, and when we look again. */
export function ProcessingView({ labels, nextRetryAt, onRetry, className }: ProcessingViewProps) {
  const [seconds, setSeconds] = useState(() => secondsUntil(nextRetryAt));
  useEffect(() => {
    const tick = () => setSeconds(secondsUntil(nextRetryAt));
    tick();
    if (nextRetryAt === null) return;
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [nextRetryAt]);
  return (
    <StateMessage
      tone="info"
      regionLabel={labels.region}
      className={className}
      title={labels.processing}
      detail={seconds !== null ? labels.processingRetry(seconds) : undefined}
      action={
        seconds === null && onRetry ? (
          <button type="button" className="aa-button aa-text-button" onClick={onRetry}>
            {labels.retry}
          </button>
        ) : undefined
      }
    />
  );
}
