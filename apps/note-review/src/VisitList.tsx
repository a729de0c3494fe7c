import { useRecording } from '@ambient-audio/react';
import type { Visit } from './notes';

const stateText = {
  loading: 'Checking…',
  processing: 'Processing',
  'not-found': 'Not found',
  ready: 'Recording ready',
  gone: 'Recording expired',
  error: 'Unavailable',
} as const;

function VisitState({ sessionId }: { sessionId: string }) {
  const { state } = useRecording(sessionId);
  return <span className={`nr-badge nr-badge-${state.status}`}>{stateText[state.status]}</span>;
}

export function VisitList({
  visits,
  selected,
  onSelect,
}: {
  visits: Visit[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  return (
    <nav aria-label="Visits" className="nr-visits">
      <h2 className="nr-visits-heading">Today's visits</h2>
      <ul>
        {visits.map((visit) => (
          <li key={visit.sessionId}>
            <button
              type="button"
              className="nr-visit"
              aria-current={visit.sessionId === selected ? 'page' : undefined}
              onClick={() => onSelect(visit.sessionId)}
            >
              <span className="nr-visit-patient">{visit.patient}</span>
              <span className="nr-visit-meta">
                {visit.when} · {visit.reason}
              </span>
              <VisitState sessionId={visit.sessionId} />
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
