import { formatTime } from '@ambient-audio/react';
import { useSyncExternalStore } from 'react';
import type { AuditLog } from './auditLog';

// One formatter for every entry: `toLocaleTimeString` builds a new one per call.
const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/**
 * The host's own audit trail of who listened to what, as clinical apps keep one: fed by the player's
 * `onAuditEvent`, which carries session, recording, action and position, never the URL.
 */
export function AuditTrail({ log }: { log: AuditLog }) {
  const events = useSyncExternalStore(log.subscribe, log.events, log.events);
  return (
    <section className="nr-audit" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Access log</h2>
      {events.length === 0 ? (
        <p className="nr-empty">Nothing played yet.</p>
      ) : (
        <ol className="nr-audit-list">
          {events.slice(-8).map((event) => (
            <li key={`${event.at}-${event.type}-${event.position}`}>
              <time dateTime={new Date(event.at).toISOString()}>{timeOfDay.format(event.at)}</time>{' '}
              {event.type}
              {event.cueId ? ` (sentence ${event.cueId})` : ''} · {event.sessionId} ·{' '}
              {event.recordingId ?? '—'} · {formatTime(event.position)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
