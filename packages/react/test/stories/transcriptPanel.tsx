import type { Cue } from '@ambient-audio/core';
import type { ReactNode } from 'react';
import { formatTime } from '../../src/formatTime';
import { useIsActiveCue, type PlayerControls } from '../../src/hooks/usePlayerControls';
import type { TranscriptLine } from './speech';

/** The transcript's lines as the player's cues: one per line, labelled with what was said. */
export function transcriptCues(lines: readonly TranscriptLine[]): Cue[] {
  return lines.map((line, index) => ({
    id: `line-${index + 1}`,
    start: line.start,
    end: line.end,
    label: line.text,
  }));
}

type Handle = Pick<PlayerControls, 'handle'>;

function Line({
  line,
  cue,
  controls,
  playCue,
}: {
  line: TranscriptLine;
  cue: Cue;
  controls: Handle;
  playCue: PlayerControls['playCue'];
}) {
  // Re-renders only when this line starts or stops being heard.
  const heard = useIsActiveCue(controls, cue.id);
  return (
    <li>
      <button
        type="button"
        aria-current={heard}
        onClick={() => playCue(cue.id)}
        style={{
          display: 'flex',
          gap: 10,
          width: '100%',
          padding: '4px 6px',
          border: 0,
          borderRadius: 4,
          background: heard ? 'var(--story-highlight)' : 'transparent',
          color: 'inherit',
          font: 'inherit',
          textAlign: 'left',
          cursor: 'pointer',
        }}
      >
        <span style={{ color: 'var(--story-muted)', minWidth: '3.5em', fontVariantNumeric: 'tabular-nums' }}>
          {formatTime(line.start)}
        </span>
        <span>
          <strong style={{ fontWeight: 600 }}>
            {line.speaker === 'clinician' ? 'Clinician' : 'Patient'}:
          </strong>{' '}
          {line.text}
        </span>
      </button>
    </li>
  );
}

/**
 * The transcript beside the player, as the note-review screen shows it: each line is a cue of the
 * player; pressing it plays the line from its start, and the line being heard is highlighted.
 */
export function TranscriptPanel({
  lines,
  cues,
  handle,
  playCue,
  children,
}: {
  lines: readonly TranscriptLine[];
  cues: readonly Cue[];
  handle: PlayerControls['handle'];
  playCue: PlayerControls['playCue'];
  children: ReactNode;
}) {
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 760 }}>
      <ol
        aria-label="Transcript"
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 2 }}
      >
        {lines.map((line, index) => {
          const cue = cues[index];
          return cue ? (
            <Line key={cue.id} line={line} cue={cue} controls={{ handle }} playCue={playCue} />
          ) : null;
        })}
      </ol>
      {children}
    </div>
  );
}
