import { RecordingPlayer, usePlayerControls, useRecording, type AuditEvent } from '@ambient-audio/react';
import { useMemo, useState, type ReactNode } from 'react';
import { useDockHeight, useFollowPlayback } from './follow';
import { NoteView } from './NoteView';
import { syntheticSentences } from './config';
import { notes, syntheticNote, type Visit } from './notes';
import { noteCues } from './soapNote';
import type { Theme } from './theme';

/** Lengths of the long catalogue visits, for `?sentences=` notes. */
const LONG_VISITS: Record<string, number> = { 'visit-60min': 3600, 'visit-120min': 7200, 'visit-demo': 136 };

export interface VisitReviewProps {
  visit: Visit;
  theme: Theme;
  onAuditEvent: (event: AuditEvent) => void;
  /** Below the dock (the access log). */
  children?: ReactNode;
}

/**
 * One visit under review: its note, its recording docked below the note, and follow mode. Mounted
 * per visit (and per reload), so the position, the highlight and following start afresh.
 */
export function VisitReview({ visit, theme, onAuditEvent, children }: VisitReviewProps) {
  const { sessionId } = visit;
  const controls = usePlayerControls();
  const { attach } = controls;
  const [stopAtEnd, setStopAtEnd] = useState(false);
  // The player's own query (one request for both): the note says when its sentences cannot play.
  const { state } = useRecording(sessionId);
  // Once the recording has played here, a failing refresh is the player's to ride out (it keeps
  // playing and reconnects): the sentences stay playable.
  const [everReady, setEverReady] = useState(false);
  if (state.status === 'ready' && !everReady) setEverReady(true);
  const status = everReady && state.status === 'error' ? 'ready' : state.status;
  const { following, resume } = useFollowPlayback();
  const dockRef = useDockHeight();
  const [synthetic] = useState(syntheticSentences);
  const note = useMemo(
    () => (synthetic ? syntheticNote(sessionId, synthetic, LONG_VISITS[sessionId] ?? 120) : notes[sessionId]),
    [synthetic, sessionId],
  );
  // The note's sentences are the player's cues: drawn on the waveform, stepped with N and P.
  const cues = useMemo(() => (note ? noteCues(note) : []), [note]);

  return (
    <main className="nr-main" aria-labelledby="visit-heading">
      <h2 id="visit-heading">
        {visit.patient} <span className="nr-subtle">· {visit.reason}</span>
      </h2>
      {note && (
        <label className="nr-option">
          <input
            type="checkbox"
            checked={stopAtEnd}
            onChange={(event) => setStopAtEnd(event.target.checked)}
          />
          Stop at the end of each sentence
        </label>
      )}
      <NoteView
        note={note}
        controls={controls}
        stopAtEnd={stopAtEnd}
        following={following}
        status={status}
        onSentence={resume}
      />
      <div className="nr-dock" ref={dockRef}>
        {note && !following && (
          <div className="nr-follow">
            <button type="button" className="nr-button nr-follow-button" onClick={resume}>
              Follow playback
            </button>
          </div>
        )}
        <RecordingPlayer
          sessionId={sessionId}
          theme={theme}
          ref={attach}
          cues={cues}
          onAuditEvent={onAuditEvent}
        />
      </div>
      {children}
    </main>
  );
}
