import { RecordingPlayer, usePlayerControls, type AuditEvent } from '@ambient-audio/react';
import { useState } from 'react';
import { AuditTrail } from './AuditTrail';
import { NoteView } from './NoteView';
import { VisitList } from './VisitList';
import { notes, visits } from './notes';

/** The note-review screen: visits on the left; the selected visit's note with its recording docked below. */
export function App() {
  const [selected, setSelected] = useState(visits[0]?.sessionId ?? 'visit-demo');
  const { attach, seek, currentTime } = usePlayerControls();
  const visit = visits.find((v) => v.sessionId === selected);
  const [audit, setAudit] = useState<AuditEvent[]>([]);

  return (
    <div className="nr-layout">
      <header className="nr-header">
        <h1>Note review</h1>
      </header>
      <div className="nr-body">
        <VisitList visits={visits} selected={selected} onSelect={setSelected} />
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
