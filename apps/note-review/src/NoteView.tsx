import { formatTime, useIsActiveCue, type PlayerControls, type RecordingState } from '@ambient-audio/react';
import { memo, useEffect, useRef } from 'react';
import { measuring } from './config';
import { scrollBehavior } from './follow';
import type { NoteCue, SoapNote } from './soapNote';

export interface NoteViewProps {
  note: SoapNote | undefined;
  /** The docked player's controls: each sentence plays through them and asks whether it is heard. */
  controls: PlayerControls;
  /** Play only the sentence clicked, stopping at its end. */
  stopAtEnd: boolean;
  /** A sentence was clicked (following comes back on). */
  onSentence: () => void;
  /** Keep the sentence being heard in view. */
  following: boolean;
  /** The recording's state: its sentences cannot play while it is processing, gone or failed. */
  status: RecordingState['status'];
}

const MEASURING = measuring();

/** Why a sentence cannot play now, by recording state; nothing when it can. */
const unplayable: Partial<Record<RecordingState['status'], string>> = {
  processing: 'Its audio is still being prepared: the sentences play once it is ready.',
  'not-found': 'No audio was found for this visit, so its sentences cannot play.',
  gone: 'Its audio is past the 7-day retention: the note stays, its sentences no longer play.',
  error: 'Its audio could not be loaded, so its sentences cannot play for now.',
};

interface SentenceProps {
  sentence: NoteCue;
  controls: PlayerControls;
  stopAtEnd: boolean;
  following: boolean;
  disabled: boolean;
  onSentence: () => void;
}

/**
 * One sentence: a button that plays the moment it was written from, marked with `aria-current`
 * while it is heard. It re-renders only when it starts or stops being heard (`useIsActiveCue`), so
 * playback redraws two sentences per sentence change, not the note four times a second.
 */
const Sentence = memo(function Sentence({
  sentence,
  controls,
  stopAtEnd,
  following,
  disabled,
  onSentence,
}: SentenceProps) {
  const heard = useIsActiveCue(controls, sentence.id);
  const ref = useRef<HTMLButtonElement | null>(null);
  // `?measure=1`: each commit of this sentence counted, for the end-to-end test of the note's renders.
  useEffect(() => {
    if (!MEASURING) return;
    const counts = ((
      window as unknown as { __sentenceCommits?: Record<string, number> }
    ).__sentenceCommits ??= {});
    counts[sentence.id] = (counts[sentence.id] ?? 0) + 1;
  });
  // Follow mode: the sentence now heard (or following again) is scrolled into view, above the dock.
  useEffect(() => {
    if (heard && following) ref.current?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }, [heard, following]);
  return (
    <li>
      <button
        ref={ref}
        type="button"
        className="nr-sentence"
        data-cue={sentence.id}
        aria-current={heard ? 'true' : undefined}
        aria-disabled={disabled ? 'true' : undefined}
        aria-label={`${sentence.label} Play from ${formatTime(sentence.start)}`}
        onClick={() => {
          if (disabled) return;
          onSentence();
          controls.playCue(sentence.id, { stopAtEnd });
        }}
      >
        <span className="nr-sentence-time" aria-hidden="true">
          {formatTime(sentence.start)}
        </span>
        <span>{sentence.label}</span>
      </button>
    </li>
  );
});

/** The AI-written note: each sentence is a cue of the recording, played and highlighted by the player. */
export function NoteView({ note, controls, stopAtEnd, onSentence, following, status }: NoteViewProps) {
  if (!note) return <p className="nr-empty">No note sentences are linked to this recording.</p>;
  const why = unplayable[status];
  const longVisit = note.sections.some((section) =>
    section.sentences.some((sentence) => sentence.start >= 3600),
  );
  return (
    <div className={longVisit ? 'nr-note nr-note-hours' : 'nr-note'}>
      {why && <p className="nr-note-hint">{why}</p>}
      {note.sections.map((section) => (
        <section key={section.heading} aria-labelledby={`note-${section.heading}`}>
          <h3 id={`note-${section.heading}`}>{section.heading}</h3>
          <ul className="nr-sentences">
            {section.sentences.map((sentence) => (
              <Sentence
                key={sentence.id}
                sentence={sentence}
                controls={controls}
                stopAtEnd={stopAtEnd}
                following={following}
                disabled={Boolean(why)}
                onSentence={onSentence}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
