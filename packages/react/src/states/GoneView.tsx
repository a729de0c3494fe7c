import type { PlayerLabels } from '../labels';
import { StateMessage } from './StateMessage';

/** 410: past the 7-day retention, the recording is gone for good; there is nothing to retry. */
export function GoneView({
  labels,
  className,
  theme,
}: {
  labels: PlayerLabels;
  className?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
}) {
  return (
    <StateMessage
      tone="warning"
      regionLabel={labels.region}
      className={className}
      theme={theme}
      title={labels.gone}
      detail={labels.goneDetail}
    />
  );
}
