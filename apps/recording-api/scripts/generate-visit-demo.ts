/**
 * Generates fixtures/visit-demo.wav (16 kHz mono 16-bit PCM) and fixtures/visit-demo.transcript.json
 * from visit-demo-script.json with espeak-ng (two voices) and sox. Run by hand when the script
 * changes: `pnpm --filter @ambient-audio/recording-api exec tsx scripts/generate-visit-demo.ts`.
 * The outputs are committed, so neither tool is needed to run or test the server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Script {
  title: string;
  voices: Record<string, string>;
  lines: { speaker: string; text: string }[];
}

const here = fileURLToPath(new URL('.', import.meta.url));
const script = JSON.parse(readFileSync(join(here, 'visit-demo-script.json'), 'utf8')) as Script;
const work = mkdtempSync(join(tmpdir(), 'visit-demo-'));
const PAUSE = 0.45;

try {
  const pieces: string[] = [];
  const lines: { speaker: string; text: string; start: number; end: number }[] = [];
  let time = 0.5;
  const silence = join(work, 'pause.wav');
  execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', silence, 'trim', '0', String(PAUSE)]);
  const lead = join(work, 'lead.wav');
  execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', lead, 'trim', '0', '0.5']);
  pieces.push(lead);
  script.lines.forEach((line, index) => {
    const raw = join(work, `raw-${index}.wav`);
    const out = join(work, `line-${index}.wav`);
    const voice = script.voices[line.speaker] ?? 'en-us';
    execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', raw, line.text]);
    execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', out, 'norm', '-3']);
    const seconds = Number(execFileSync('soxi', ['-D', out]).toString().trim());
    lines.push({ speaker: line.speaker, text: line.text, start: round(time), end: round(time + seconds) });
    time += seconds + PAUSE;
    pieces.push(out, silence);
  });
  const fixtures = join(here, '..', 'fixtures');
  execFileSync('sox', [...pieces, join(fixtures, 'visit-demo.wav')]);
  writeFileSync(
    join(fixtures, 'visit-demo.transcript.json'),
    `${JSON.stringify({ sessionId: 'visit-demo', title: script.title, durationSeconds: round(time), lines }, null, 2)}\n`,
  );
  console.log(`visit-demo: ${lines.length} lines, ${round(time)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
