import { recordingQueryKey } from '@ambient-audio/react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createAuditLog } from './auditLog';
import { AuditTrail } from './AuditTrail';
import { adminOffered, recordingApiUrl } from './config';
import { visits, type Visit } from './notes';
import { ScenariosPanel } from './ScenariosPanel';
import { useTheme } from './theme';
import { ThemeSwitch } from './ThemeSwitch';
import { VisitList } from './VisitList';
import { VisitReview } from './VisitReview';

/** The note-review screen: visits on the left; the selected visit's note with its recording docked below. */
export function App() {
  const { choice, theme, setChoice } = useTheme();
  const [list] = useState(visitsWithRequested);
  const [selected, setSelected] = useState(list[0]?.sessionId ?? 'visit-demo');
  // Bumped to mount the open visit's player afresh (a scenario changed what the server answers).
  const [generation, setGeneration] = useState(0);
  const [audit] = useState(createAuditLog);
  const queryClient = useQueryClient();
  const visit = list.find((v) => v.sessionId === selected) ?? openedById(selected);
  const [offerScenarios] = useState(adminOffered);

  return (
    <div className="nr-layout">
      <header className="nr-header">
        <div className="nr-header-bar">
          <h1>Note review</h1>
          <ThemeSwitch choice={choice} onChange={setChoice} />
        </div>
        {offerScenarios && (
          <ScenariosPanel
            apiUrl={recordingApiUrl()}
            openVisit={visit.patient}
            onProcessingRestarted={(sessionId) => {
              // Forget what the list and the player were told (ready), so both ask again and see 404.
              void queryClient.resetQueries({ queryKey: recordingQueryKey(sessionId, 'stream').slice(0, 3) });
              if (list.some((v) => v.sessionId === sessionId)) setSelected(sessionId);
              setGeneration((n) => n + 1);
            }}
            onCorsChanged={() => setGeneration((n) => n + 1)}
          />
        )}
      </header>
      <div className="nr-body">
        <VisitList visits={list} selected={selected} onSelect={setSelected} />
        <VisitReview key={`${selected}#${generation}`} visit={visit} theme={theme} onAuditEvent={audit.push}>
          <AuditTrail log={audit} />
        </VisitReview>
      </div>
    </div>
  );
}

function openedById(sessionId: string): Visit {
  return { sessionId, patient: sessionId, when: 'Opened by id', reason: 'Reference catalogue' };
}

/** `?visit=<session id>` opens any session of the reference server first, e.g. its WAV variants. */
function visitsWithRequested(): Visit[] {
  const requested = new URLSearchParams(window.location.search).get('visit');
  if (!requested) return visits;
  const known = visits.find((visit) => visit.sessionId === requested);
  return [known ?? openedById(requested), ...visits.filter((visit) => visit !== known)];
}
