import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { horizontalOverflow, narrowColumn } from '../test/narrowColumn';
import { waveformPlayerArgTypes } from '../test/stories/playerArgTypes';
import { loadSpeech } from '../test/stories/speech';
import {
  loadedSpeech,
  speechLoader,
  speechRecording,
  SpeechWaveformPlayer,
} from '../test/stories/waveformStory';
import { spokenDuration } from './labels';
import { WaveformPlayer } from './WaveformPlayer';

const meta = {
  title: 'Player/WaveformPlayer',
  component: WaveformPlayer,
  args: {
    // Filled in by the loader: the URLs of the story's stored speech.
    chunks: [],
    onPlayerEvent: fn(),
    onDownload: fn(),
  },
  argTypes: waveformPlayerArgTypes,
  loaders: [speechLoader],
  render: (args, context) => {
    const speech = loadedSpeech(context);
    return (
      <SpeechWaveformPlayer
        {...args}
        chunks={speech?.chunks ?? args.chunks}
        measure={args.waveform !== false}
      />
    );
  },
  parameters: {
    docs: {
      source: { type: 'code' },
      description: {
        component: `The waveform player: give it the chunks (URL + expiry) and their loudness; \`RecordingPlayer\` does that for you
from the API. These stories stream the reference server's 2¼-minute dialogue from msw storage (Range requests),
and draw the loudness core's waveform engine measures from the same URLs (\`useWaveformData\`).

\`\`\`tsx
const { overview, detail, showDetail } = useWaveformData({ chunks });
<WaveformPlayer
  chunks={chunks}
  loudness={overview}
  detail={detail}
  onViewChange={(view) => view.zoomed && showDetail(view.start, view.start + view.length)}
  onDownload={save}
/>
\`\`\`

Keyboard: see the Introduction.`,
      },
    },
  },
} satisfies Meta<typeof WaveformPlayer>;

export default meta;
type Story = StoryObj<typeof meta>;

const wait = { timeout: 10_000 };

async function readySlider(canvasElement: HTMLElement, seconds: number) {
  const seek = await within(canvasElement).findByRole('slider', { name: 'Seek' }, wait);
  await waitFor(() => expect(seek).toHaveAttribute('aria-valuemax', String(Math.round(seconds))), wait);
  return seek;
}

/** wavesurfer draws into a canvas inside its shadow root. */
function waveformCanvas(canvasElement: HTMLElement): HTMLCanvasElement | null {
  const host = canvasElement.querySelector('.aa-waveform > div');
  return host?.shadowRoot?.querySelector('canvas') ?? null;
}

export const Default: Story = {
  parameters: speechRecording('waveform-default'),
  play: async ({ canvasElement, args }) => {
    const { seconds } = await loadSpeech();
    const seek = await readySlider(canvasElement, seconds);
    await waitFor(() => expect(waveformCanvas(canvasElement)?.width).toBeGreaterThan(0), wait);
    seek.focus();
    await userEvent.keyboard('{End}');
    const all = spokenDuration(seconds);
    await expect(seek).toHaveAttribute('aria-valuetext', `${all} of ${all}`);
    await userEvent.keyboard('{Home}');
    await expect(args.onPlayerEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'seek', position: 0 }),
    );
    // + zooms the waveform in (and Zoom out becomes possible), - back out to the whole recording.
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    await userEvent.keyboard('+');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Zoom out' })).toBeEnabled(), wait);
    await userEvent.keyboard('-');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Zoom out' })).toBeDisabled(), wait);
  },
};

export const MultiChunk: Story = {
  name: 'Multi-chunk recording',
  parameters: speechRecording('waveform-multi-chunk', [45, 50, 'rest']),
  play: async ({ canvasElement }) => {
    const { seconds } = await loadSpeech();
    await readySlider(canvasElement, seconds);
    await waitFor(() => expect(canvasElement.querySelectorAll('.aa-marker')).toHaveLength(2), wait);
  },
};

export const NoWaveform: Story = {
  name: 'No CORS (plain track)',
  args: {
    waveform: false,
    note: 'Waveform unavailable for this recording; playback is not affected.',
  },
  parameters: speechRecording('waveform-no-cors'),
  play: async ({ canvasElement }) => {
    const { seconds } = await loadSpeech();
    await readySlider(canvasElement, seconds);
    await expect(canvasElement.querySelector('.aa-track')).toBeInTheDocument();
    await expect(canvasElement.querySelector('.aa-waveform')).toBeNull();
    await expect(within(canvasElement).getByText(/Waveform unavailable/)).toBeVisible();
  },
};

export const Dark: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  parameters: speechRecording('waveform-dark'),
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    const { seconds } = await loadSpeech();
    await readySlider(canvasElement, seconds);
    const player = within(canvasElement).getByRole('region', { name: 'Recording player' });
    await expect(player).toHaveAttribute('data-theme', 'dark');
  },
};

export const NarrowColumn: Story = {
  name: 'Narrow column (320 px)',
  parameters: speechRecording('waveform-narrow'),
  decorators: [narrowColumn],
  play: async ({ canvasElement }) => {
    const { seconds } = await loadSpeech();
    await readySlider(canvasElement, seconds);
    await expect(horizontalOverflow(canvasElement)).toEqual([]);
  },
};
