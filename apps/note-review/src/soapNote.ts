/** A note sentence and the span of the recording it was written from. */
export interface NoteSentence {
  text: string;
  /** Seconds into the recording. */
  start: number;
  end: number;
}

export interface NoteSection {
  heading: 'Subjective' | 'Objective' | 'Assessment' | 'Plan';
  sentences: NoteSentence[];
}

export interface SoapNote {
  sessionId: string;
  sections: NoteSection[];
}

/** The sentence being heard at `time`, if any: the last one that has started and not yet ended. */
export function sentenceAt(note: SoapNote, time: number): NoteSentence | null {
  let found: NoteSentence | null = null;
  for (const section of note.sections) {
    for (const sentence of section.sentences) {
      if (sentence.start <= time && time < sentence.end) found = sentence;
    }
  }
  return found;
}
