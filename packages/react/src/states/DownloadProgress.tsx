import type { PlayerLabels } from '../labels';
import { StateMessage } from './StateMessage';

export interface DownloadProgressProps {
  labels: PlayerLabels;
  loaded: number;
  total: number | null;
  onCancel?: (() => void) | undefined;
  className?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
}

/** Not streamable: the file downloads before it plays; show how far along that is. */
export function DownloadProgress({ labels, loaded, total, className, theme }: DownloadProgressProps) {
  return (
    <StateMessage
      tone="info"
      regionLabel={labels.region}
      className={className}
      theme={theme}
      title={labels.notStreamable}
      detail={
        <>
          <progress
            className="aa-progress"
            aria-label={labels.downloadingForPlayback}
            max={total ?? undefined}
            value={total ? loaded : undefined}
          />
          <span className="aa-progress-text">{labels.downloadProgress(loaded, total)}</span>
        </>
      }
    />
  );
}
