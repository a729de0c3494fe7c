import type { PlayerLabels } from '../labels';
import { StateMessage } from './StateMessage';

export interface ErrorViewProps {
  labels: PlayerLabels;
  /** `auth`: the host's token was refused; anything else is a generic failure. */
  kind: 'auth' | 'error';
  onRetry: () => void;
  className?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
}

export function ErrorView({ labels, kind, onRetry, className, theme }: ErrorViewProps) {
  return (
    <StateMessage
      tone="error"
      regionLabel={labels.region}
      className={className}
      theme={theme}
      title={kind === 'auth' ? labels.authError : labels.error}
      action={
        <button type="button" className="aa-button aa-text-button" onClick={onRetry}>
          {labels.retry}
        </button>
      }
    />
  );
}
