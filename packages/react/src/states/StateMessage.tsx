import type { ReactNode } from 'react';

export interface StateMessageProps {
  tone: 'info' | 'warning' | 'error';
  title: string;
  /** Announced with the title when the state appears. */
  detail?: ReactNode;
  /** Shown, not announced: text that changes on its own (a countdown) would be read out every time. */
  aside?: ReactNode;
  action?: ReactNode;
  regionLabel: string;
  /** `alert` for failures the listener must know about at once; `status` (polite) otherwise. */
  role?: 'status' | 'alert';
  className?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
}

/**
 * The frame every non-playing state shares (processing, gone, error): the player's footprint with a
 * message in a live region, so a screen reader hears the change once without losing its place.
 */
export function StateMessage({
  tone,
  title,
  detail,
  aside,
  action,
  regionLabel,
  role = 'status',
  className,
  theme,
}: StateMessageProps) {
  return (
    <section
      className={['aa-player aa-state', `aa-state-${tone}`, className].filter(Boolean).join(' ')}
      aria-label={regionLabel}
      data-theme={theme}
    >
      <div className="aa-state-body">
        <div role={role} aria-live={role === 'alert' ? 'assertive' : 'polite'}>
          <p className="aa-state-title">{title}</p>
          {detail && <p className="aa-state-detail">{detail}</p>}
        </div>
        {aside && <p className="aa-state-detail">{aside}</p>}
      </div>
      {action && <div className="aa-state-action">{action}</div>}
    </section>
  );
}
