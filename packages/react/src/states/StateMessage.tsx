import type { ReactNode } from 'react';

export interface StateMessageProps {
  tone: 'info' | 'warning' | 'error';
  title: string;
  detail?: ReactNode;
  action?: ReactNode;
  regionLabel: string;
  className?: string | undefined;
}

/**
 * The frame every non-playing state shares (processing, gone, error): the player's footprint with a
 * message in a polite live region, so a screen reader hears the change without losing its place.
 */
export function StateMessage({ tone, title, detail, action, regionLabel, className }: StateMessageProps) {
  return (
    <section
      className={['aa-player aa-state', `aa-state-${tone}`, className].filter(Boolean).join(' ')}
      aria-label={regionLabel}
    >
      <div role="status" aria-live="polite" className="aa-state-body">
        <p className="aa-state-title">{title}</p>
        {detail && <p className="aa-state-detail">{detail}</p>}
      </div>
      {action && <div className="aa-state-action">{action}</div>}
    </section>
  );
}
