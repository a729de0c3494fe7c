import { RecordingPlayer, usePlayerControls, type AuditEvent } from '@ambient-audio/react';
import { useState } from 'react';
import { AuditTrail } from './AuditTrail';
import { NoteView } from './NoteView';
import { VisitList } from './VisitList';
import { notes, visits, type Visit } from './notes';

/** The note-review screen: visits on the left; the selected visit's note with its recording docked below. */
export function App() {
  const [list] = useState(visitsWithRequested);
  const [selected, setSelected] = useState(list[0]?.sessionId ?? 'visit-demo');
  const { attach, seek, currentTime } = usePlayerControls();
  const visit = list.find((v) => v.sessionId === selected);
  const [audit, setAudit] = useState<AuditEvent[]>([]);

  return (
    <div className="nr-layout">
      <header className="nr-header">
        <h1>Note review</h1>
      </header>
      <div className="nr-body">
        <VisitList visits={list} selected={selected} onSelect={setSelected} />
        <main className="nr-main" aria-labelledby="visit-heading">
          <h2 id="visit-heading">
            {visit?.patient} <span className="nr-subtle">· {visit?.reason}</span>
          </h2>
          <NoteView
            note={notes[selected]}
            currentTime={currentTime}
            onSentence={(sentence) => seek(sentence.start, { play: true })}
          />
          <div className="nr-dock">
            <RecordingPlayer
              key={selected}
              sessionId={selected}
              ref={attach}
              onAuditEvent={(event) => setAudit((events) => [...events, event])}
            />
          </div>
          <AuditTrail events={audit} />
        </main>
      </div>
    </div>
  );
}

/** `?visit=<session id>` opens any session of the reference server first, e.g. its WAV variants. */
function visitsWithRequested(): Visit[] {
  const requested = new URLSearchParams(window.location.search).get('visit');
  if (!requested) return visits;
  const known = visits.find((visit) => visit.sessionId === requested);
  const first: Visit = known ?? {
    sessionId: requested,
    patient: requested,
    when: 'Opened by id',
    reason: 'Reference catalogue',
  };
  return [first, ...visits.filter((visit) => visit !== known)];
}
