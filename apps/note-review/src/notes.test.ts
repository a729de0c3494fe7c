import { createCatalogue } from '../../recording-api/src/catalogue.ts';
import transcript from '../../recording-api/fixtures/visit-demo.transcript.json';
import { describe, expect, it } from 'vitest';
import { notes, visits } from './notes';
import { activeCueAt, prepareCues } from '@ambient-audio/core';
import { noteCues, type NoteCue } from './soapNote';

/** What is wrong with a note's cues against its recording's length; empty when nothing is. */
function problems(cues: readonly NoteCue[], durationSeconds: number): string[] {
  const found: string[] = [];
  for (const cue of cues) {
    const name = `"${cue.label}" (${cue.id}, ${cue.start}–${cue.end} s)`;
    if (!Number.isFinite(cue.start) || !Number.isFinite(cue.end)) found.push(`${name} has no time`);
    if (cue.start < 0) found.push(`${name} starts before 0`);
    if (cue.end <= cue.start) found.push(`${name} ends before it starts`);
    if (cue.end > durationSeconds) found.push(`${name} ends after the recording (${durationSeconds} s)`);
  }
  const ids = cues.map((cue) => cue.id);
  for (const id of new Set(ids)) {
    if (ids.filter((other) => other === id).length > 1) found.push(`id ${id} is used twice`);
  }
  return found;
}

/** Pairs of cues that claim the same moment (touching, one ending where the next starts, is fine). */
function overlaps(cues: readonly NoteCue[]): string[] {
  const sorted = [...cues].sort((a, b) => a.start - b.start);
  return sorted.flatMap((cue, index) => {
    const next = sorted[index + 1];
    return next && next.start < cue.end ? [`"${cue.label}" overlaps "${next.label}"`] : [];
  });
}

const cue = (id: string, start: number, end: number): NoteCue => ({ id, start, end, label: id });
const catalogue = createCatalogue();

describe('the checks themselves', () => {
  it('catch a sentence before 0, one that ends before it starts, one past the end, and a shared id', () => {
    expect(problems([cue('a', -1, 2)], 10)).toEqual(['"a" (a, -1–2 s) starts before 0']);
    expect(problems([cue('b', 5, 4)], 10)).toEqual(['"b" (b, 5–4 s) ends before it starts']);
    expect(problems([cue('c', 8, 10.5)], 10)).toEqual(['"c" (c, 8–10.5 s) ends after the recording (10 s)']);
    expect(problems([cue('d', 1, 2), cue('d', 3, 4)], 10)).toEqual(['id d is used twice']);
    expect(problems([cue('e', 0, 10)], 10)).toEqual([]);
  });

  it('catch two sentences that claim the same moment, in any order, and let touching ones be', () => {
    expect(overlaps([cue('late', 5, 9), cue('early', 1, 6)])).toEqual(['"early" overlaps "late"']);
    expect(overlaps([cue('a', 1, 5), cue('b', 5, 9)])).toEqual([]);
  });
});

describe('note data', () => {
  const all = Object.values(notes);

  it.each(all.map((note) => [note.sessionId, note] as const))(
    '%s: every sentence lies inside its recording (catalogue durationSeconds)',
    (sessionId, note) => {
      const session = catalogue.get(sessionId);
      expect(session, `${sessionId} is in the reference catalogue`).toBeDefined();
      expect(noteCues(note).length).toBeGreaterThan(0);
      expect(problems(noteCues(note), session?.durationSeconds ?? 0)).toEqual([]);
    },
  );

  it('visit-demo: no two sentences claim the same moment', () => {
    const demo = notes['visit-demo'];
    expect(demo).toBeDefined();
    expect(overlaps(demo ? noteCues(demo) : [])).toEqual([]);
  });

  it('visit-demo: every sentence is timed from what was said, inside one spoken line or a run of them', () => {
    expect(catalogue.get('visit-demo')?.durationSeconds).toBe(transcript.durationSeconds);
    const lines = transcript.lines;
    const lineAt = (time: number) => lines.findIndex((line) => line.start <= time && time <= line.end);
    for (const sentence of noteCues(notes['visit-demo'] ?? { sessionId: '', sections: [] })) {
      expect(lineAt(sentence.start), `${sentence.id} starts while someone speaks`).toBeGreaterThanOrEqual(0);
      expect(lineAt(sentence.end), `${sentence.id} ends while someone speaks`).toBeGreaterThanOrEqual(0);
    }
  });

  it('visit-demo: "Hypertension near goal." and "Continue lisinopril…" come from one line, each its own part', () => {
    const demo = noteCues(notes['visit-demo'] ?? { sessionId: '', sections: [] });
    const goal = demo.find((sentence) => sentence.id === 'hypertension');
    const lisinopril = demo.find((sentence) => sentence.id === 'lisinopril');
    const line = transcript.lines[19];
    expect(goal?.start).toBe(line?.start);
    expect(lisinopril?.end).toBe(line?.end);
    expect(goal && lisinopril && goal.end <= lisinopril.start).toBe(true);
    // 1:52 is the blood-pressure sentence only; 1:57 is the lisinopril one.
    expect(activeCueAt(prepareCues(demo).cues, 112.5)?.id).toBe('hypertension');
    expect(activeCueAt(prepareCues(demo).cues, 117)?.id).toBe('lisinopril');
  });

  it('visit-multichunk: the sentences are spread over all three 30 s recordings', () => {
    const cues = noteCues(notes['visit-multichunk'] ?? { sessionId: '', sections: [] });
    for (const chunkStart of [0, 30, 60]) {
      expect(cues.some((c) => c.start >= chunkStart && c.start < chunkStart + 30)).toBe(true);
    }
  });

  it('every listed visit is a session of the reference catalogue', () => {
    for (const visit of visits) expect(catalogue.has(visit.sessionId), visit.sessionId).toBe(true);
  });
});
