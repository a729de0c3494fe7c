import { formatTime } from '@ambient-audio/react';
import { sentenceAt, type NoteSentence, type SoapNote } from './soapNote';

export interface NoteViewProps {
  note: SoapNote | undefined;
  currentTime: number;
  onSentence: (sentence: NoteSentence) => void;
}

/** The AI-written note: each sentence is a button that plays the moment it was written from. */
export function NoteView({ note, currentTime, onSentence }: NoteViewProps) {
  if (!note) return <p className="nr-empty">No note sentences are linked to this recording.</p>;
  const heard = sentenceAt(note, currentTime);
  return (
    <div className="nr-note">
      {note.sections.map((section) => (
        <section key={section.heading} aria-labelledby={`note-${section.heading}`}>
          <h3 id={`note-${section.heading}`}>{section.heading}</h3>
          <ul className="nr-sentences">
            {section.sentences.map((sentence) => (
              <li key={`${sentence.start}-${sentence.text}`}>
                <button
                  type="button"
                  className="nr-sentence"
                  aria-current={sentence === heard ? 'true' : undefined}
                  aria-label={`${sentence.text} Play from ${formatTime(sentence.start)}`}
                  onClick={() => onSentence(sentence)}
                >
                  <span className="nr-sentence-time" aria-hidden="true">
                    {formatTime(sentence.start)}
                  </span>
                  <span>{sentence.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
