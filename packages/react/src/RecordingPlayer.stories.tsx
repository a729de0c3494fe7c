import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { horizontalOverflow, narrowColumn } from '../test/narrowColumn';
import { apiRequests, storyApi, type StoryApiOptions } from '../test/storyApi';
import { StoryProviders } from '../test/StoryProviders';
import { recordingPlayerArgTypes } from '../test/stories/playerArgTypes';
import { loadSpeech, loadTranscript, type TranscriptLine } from '../test/stories/speech';
import { TranscriptPanel, transcriptCues } from '../test/stories/transcriptPanel';
import type { RecordingQueryConfig } from './hooks/recordingQueryOptions';
import { RecordingPlayer, type RecordingPlayerProps } from './RecordingPlayer';
import { usePlayerControls } from './hooks/usePlayerControls';

/**
 * Each story plays one session: its own session id (`args.sessionId`), its own msw handlers for that
 * id (API and storage, `storyApi`), its own QueryClient (`StoryProviders`). So on the Docs page, where
 * every story renders at once, each shows its own state.
 */
const meta = {
  title: 'Player/RecordingPlayer',
  component: RecordingPlayer,
  args: { onAuditEvent: fn(), onWaveformProgress: fn() },
  argTypes: recordingPlayerArgTypes,
  decorators: [
    (Story, { args, parameters }) => {
      const config = parameters['recordingQuery'] as RecordingQueryConfig | undefined;
      return (
        <StoryProviders prefetch={config ? { sessionId: args.sessionId, config } : undefined}>
          <Story />
        </StoryProviders>
      );
    },
  ],
  parameters: {
    docs: {
      description: {
        component: `The drop-in player. Give it a session id inside a \`QueryClientProvider\` and a \`RecordingClientProvider\`:

\`\`\`tsx
<RecordingPlayer sessionId="01KFJZTJWZH28GRHQXVCGW4Y47" onAuditEvent={(event) => audit.record(event)} />
\`\`\`

It fetches and refreshes the presigned URLs, streams with a progressive waveform, downloads first when the
recording cannot stream, and shows a view for every other state. Drive it from the page with
\`usePlayerControls()\`: \`const { attach, seek } = usePlayerControls()\`, \`<RecordingPlayer ref={attach} />\`, then
\`seek(63, { play: true })\`; give it the note's sentences as \`cues\` and play one with \`playCue(id)\`.

The stories play a real 2¼-minute doctor–patient dialogue (the reference server's fixture), served with
Range requests by msw on Storybook's own origin.`,
      },
    },
  },
} satisfies Meta<typeof RecordingPlayer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story's API and storage, answering for its session id only. */
const recording = (sessionId: string, options?: StoryApiOptions) => ({
  msw: { handlers: storyApi(sessionId, options) },
});

const LONG_SECONDS = 65 * 60;
const wait = { timeout: 10_000 };

const slider = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('slider', { name: 'Seek' }, wait);

/** The seek slider once the whole timeline's length is known. */
async function readySlider(canvasElement: HTMLElement, seconds: number) {
  const seek = await slider(canvasElement);
  await waitFor(() => expect(seek).toHaveAttribute('aria-valuemax', String(Math.round(seconds))), wait);
  return seek;
}

export const Ready: Story = {
  args: { sessionId: 'story-ready' },
  parameters: recording('story-ready'),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const { seconds } = await loadSpeech();
    const seek = await readySlider(canvasElement, seconds);
    await expect(canvasElement.querySelector('.aa-time-total')).toHaveTextContent('2:16');
    // The waveform comes from Range reads of the storage, in the peak worker.
    await waitFor(() => expect(args.onWaveformProgress).toHaveBeenCalled(), wait);
    await expect(canvas.getByRole('button', { name: 'Play' })).toBeEnabled();
    seek.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() =>
      expect(args.onAuditEvent).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'seek', sessionId: 'story-ready' }),
      ),
    );
    await userEvent.keyboard('{Home}');
    await expect(seek).toHaveAttribute('aria-valuenow', '0');
  },
};

export const Loading: Story = {
  args: { sessionId: 'story-loading' },
  parameters: recording('story-loading', { hang: true }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = canvas.getByRole('region', { name: 'Loading recording…' });
    await expect(region).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading recording…');
    // The API was asked and has not answered: still loading, no controls yet.
    await waitFor(() => expect(apiRequests('story-loading')).toBeGreaterThan(0), wait);
    await expect(canvas.queryByRole('slider')).toBeNull();
    await expect(canvas.getByRole('region', { name: 'Loading recording…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

export const Processing: Story = {
  name: 'Processing (404, checking again)',
  args: { sessionId: 'story-processing' },
  parameters: recording('story-processing', { status: 404 }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('The recording is still being processed.', {}, wait);
    await canvas.findByText(/^Checking again in \d+ seconds?\.$/, {}, wait);
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const NotFound: Story = {
  name: 'Not found (404 past the processing wait)',
  args: { sessionId: 'story-not-found' },
  parameters: {
    ...recording('story-not-found', { status: 404 }),
    // RecordingPlayer takes no retry options: the query is started as a host's prefetch would, with
    // a processing wait of 3 s instead of 2 minutes, and the player joins it.
    recordingQuery: { retry: { processingBaseDelayMs: 1_000, processingMaxWaitMs: 3_000 } },
    docs: {
      description: {
        story:
          'The API answers 404 for ever. The player polls while the audio may still be processing, then says nothing was found and offers a manual check. Here the wait is 3 s (`recordingQueryOptions(client, id, "stream", { retry: { processingMaxWaitMs: 3_000 } })`, prefetched); by default it is 2 minutes.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('The recording is still being processed.', {}, wait);
    await canvas.findByText('No recording was found for this session.', {}, { timeout: 15_000 });
    const asked = apiRequests('story-not-found');
    await expect(asked).toBeGreaterThanOrEqual(3);
    // The manual check is offered. (That polling stops, and what the check does, is tested with a
    // controlled clock in useRecording.test.tsx and states.test.tsx.)
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const StorageUnreachable: Story = {
  name: 'Storage unreachable (offline as it starts)',
  args: { sessionId: 'story-storage-unreachable' },
  parameters: {
    ...recording('story-storage-unreachable', { storageUnreachable: true }),
    docs: {
      description: {
        story:
          'The API answers, but no request to the storage gets through. Chromium reports that as it does a file that is not audio; the player loads it once more, then reads the first bytes itself, and says the storage could not be reached, with "Try again".',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const reason = await canvas.findByText(
      'The recording’s storage could not be reached.',
      {},
      { timeout: 15_000 },
    );
    await expect(reason.closest('[role="alert"]')).toHaveTextContent('This recording could not be played.');
    await expect(canvas.queryByText(/not audio/)).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const Gone: Story = {
  name: 'Gone (older than 7 days)',
  args: { sessionId: 'story-gone' },
  parameters: recording('story-gone', { status: 410 }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('This recording is no longer available.', {}, wait);
    await expect(canvas.getByRole('status')).toHaveTextContent(/kept for 7 days after the visit/);
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const AuthError: Story = {
  name: 'Auth error',
  args: { sessionId: 'story-auth-error' },
  parameters: recording('story-auth-error', { status: 401 }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/Sign in again to play this recording\./, {}, wait);
    const retry = canvas.getByRole('button', { name: 'Try again' });
    const asked = apiRequests('story-auth-error');
    await userEvent.click(retry);
    await waitFor(() => expect(apiRequests('story-auth-error')).toBe(asked + 1), wait);
    await canvas.findByText(/Sign in again to play this recording\./, {}, wait);
  },
};

export const NotStreamable: Story = {
  name: 'Not streamable (download mode)',
  args: { sessionId: 'story-not-streamable' },
  parameters: recording('story-not-streamable', { streamable: false, downloadMs: 2_500 }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const { seconds } = await loadSpeech();
    await canvas.findByText('This recording cannot be streamed; it is downloaded before it plays.', {}, wait);
    await canvas.findByRole('progressbar', { name: 'Downloading recording' }, wait);
    await canvas.findByText(/^\d+\.\d MB of 4\.4 MB$/, {}, wait);
    // Then the downloaded file plays, with its exact waveform.
    await readySlider(canvasElement, seconds);
    await expect(canvas.queryByRole('progressbar')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Play' })).toBeEnabled();
  },
};

export const MultiChunk: Story = {
  name: 'Multi-chunk recording',
  args: { sessionId: 'story-multi-chunk' },
  parameters: recording('story-multi-chunk', { chunks: [45, 50, 'rest'] }),
  play: async ({ canvasElement }) => {
    const { seconds } = await loadSpeech();
    // The three files play as one timeline, the whole dialogue, with a marker where each part starts.
    await readySlider(canvasElement, seconds);
    await waitFor(() => expect(canvasElement.querySelectorAll('.aa-marker')).toHaveLength(2), wait);
    const markers = [...canvasElement.querySelectorAll<HTMLElement>('.aa-marker')];
    await expect(markers.map((marker) => marker.title)).toEqual(['Part 2 starts', 'Part 3 starts']);
    await expect(parseFloat(markers[0]?.style.left ?? '')).toBeCloseTo((45 / seconds) * 100, 1);
    await expect(parseFloat(markers[1]?.style.left ?? '')).toBeCloseTo((95 / seconds) * 100, 1);
  },
};

export const LongRecording: Story = {
  name: 'Long recording (1 h 5 min)',
  args: { sessionId: 'story-long' },
  parameters: {
    ...recording('story-long', { chunks: [LONG_SECONDS] }),
    docs: {
      description: {
        story:
          'An hour-long visit (the dialogue over and over, 125 MB of WAV): it plays at once and draws its waveform from a few megabytes of Range reads, refining while it plays.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const seek = await readySlider(canvasElement, LONG_SECONDS);
    await expect(canvasElement.querySelector('.aa-time-total')).toHaveTextContent(/^1:05:00$/);
    seek.focus();
    await userEvent.keyboard('{End}');
    await expect(seek).toHaveAttribute('aria-valuetext', '1 hour 5 minutes of 1 hour 5 minutes');
    await expect(canvasElement.querySelector('.aa-time-current')).toHaveTextContent(/^1:05:00$/);
    await userEvent.keyboard('{Home}');
  },
};

export const Dark: Story = {
  name: 'Dark theme',
  args: { sessionId: 'story-dark', theme: 'dark' },
  parameters: recording('story-dark'),
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    const { seconds } = await loadSpeech();
    await readySlider(canvasElement, seconds);
    const player = within(canvasElement).getByRole('region', { name: 'Recording player' });
    await expect(player).toHaveAttribute('data-theme', 'dark');
    await expect(getComputedStyle(player).backgroundColor).toBe('rgb(22, 27, 34)');
  },
};

export const NarrowColumn: Story = {
  name: 'Narrow column (320 px)',
  args: { sessionId: 'story-narrow' },
  parameters: recording('story-narrow'),
  decorators: [narrowColumn],
  play: async ({ canvasElement }) => {
    const { seconds } = await loadSpeech();
    await readySlider(canvasElement, seconds);
    const player = within(canvasElement).getByRole('region', { name: 'Recording player' });
    await expect(player.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    await expect(horizontalOverflow(canvasElement)).toEqual([]);
  },
};

/** A note-review screen in small: the transcript's lines are the player's cues, played through its ref. */
function WithTranscript({ lines, ...props }: RecordingPlayerProps & { lines: readonly TranscriptLine[] }) {
  // Destructured, as the demo does: the compiler's lint would take a whole object passed as a ref for one.
  const { attach, handle, playCue } = usePlayerControls();
  const cues = useMemo(() => transcriptCues(lines), [lines]);
  return (
    <TranscriptPanel lines={lines} cues={cues} handle={handle} playCue={playCue}>
      <RecordingPlayer {...props} cues={cues} ref={attach} />
    </TranscriptPanel>
  );
}

export const Transcript: Story = {
  name: 'Transcript as cues (ref)',
  args: { sessionId: 'story-transcript' },
  parameters: {
    ...recording('story-transcript'),
    docs: {
      description: {
        story:
          'The player is a `forwardRef` component: `usePlayerControls()` attaches to it (`ref={attach}`). The transcript lines are its `cues` (drawn on the waveform, stepped through with N and P); a line calls `playCue(id)`, and `useIsActiveCue` highlights the line being heard.',
      },
    },
  },
  loaders: [async () => ({ transcript: (await loadTranscript()).slice(0, 6) })],
  render: (args, { loaded }) => (
    <WithTranscript {...args} lines={(loaded as { transcript: TranscriptLine[] }).transcript} />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const { seconds } = await loadSpeech();
    const seek = await readySlider(canvasElement, seconds);
    // Each line is a cue, drawn on the waveform.
    await waitFor(() => expect(canvasElement.querySelectorAll('.aa-cue')).toHaveLength(6), wait);
    const line = canvas.getByRole('button', { name: /Is the cough dry/ });
    await userEvent.click(line);
    await waitFor(() => expect(Number(seek.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(13), wait);
    await waitFor(() => expect(line).toHaveAttribute('aria-current', 'true'), wait);
    await expect(args.onAuditEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'play', sessionId: 'story-transcript', cueId: 'line-3' }),
    );
    // N steps to the next cue: the patient's answer.
    seek.focus();
    await userEvent.keyboard('n');
    await waitFor(
      () =>
        expect(canvas.getByRole('button', { name: /Mostly dry/ })).toHaveAttribute('aria-current', 'true'),
      wait,
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Pause' }));
  },
};
