/**
 * A note sentence as a cue: the span of the recording it was written from, in seconds on the
 * session's whole timeline (every chunk end to end), and the sentence itself as its label: the
 * library's `Cue`, handed to the player as `cues`.
 */
export interface NoteCue {
  /** Unique within its note; also names the sentence's element. */
  id: string;
  start: number;
  end: number;
  /** The sentence as the note reads. */
  label: string;
}

export interface NoteSection {
  heading: 'Subjective' | 'Objective' | 'Assessment' | 'Plan';
  sentences: NoteCue[];
}

export interface SoapNote {
  sessionId: string;
  sections: NoteSection[];
}

/** Every sentence of a note, in reading order. */
export function noteCues(note: SoapNote): NoteCue[] {
  return note.sections.flatMap((section) => section.sentences);
}
