import type { Meta, StoryObj } from '@storybook/react-vite';
import { narrowColumn } from '../test/narrowColumn';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { GeneratedChunks, speechPeaks } from '../test/storyAudio';
import { WaveformPlayer, type WaveformPlayerProps } from './WaveformPlayer';

type Args = Omit<WaveformPlayerProps, 'chunks'> & { seconds: number[] };

const meta = {
  title: 'Player/WaveformPlayer',
  args: {
    seconds: [20],
    skipSeconds: 10,
    onPlayerEvent: fn(),
    onDownload: fn(),
  },
  render: ({ seconds, peaks, ...props }) => (
    <GeneratedChunks seconds={seconds}>
      {(chunks) => (
        <WaveformPlayer
          chunks={chunks}
          peaks={peaks === undefined ? speechPeaks(seconds.reduce((a, b) => a + b, 0)) : peaks}
          {...props}
        />
      )}
    </GeneratedChunks>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'The waveform player: give it the chunks (URL + expiry) and peaks; `RecordingPlayer` does that for you from the API. Keyboard: arrows ±5 s, PageUp/PageDown ±30 s, Home/End on the slider; Space/K play-pause, J/L skip, `<`/`>` speed anywhere in the player.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const slider = await canvas.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '20'));
    slider.focus();
    await userEvent.keyboard('{End}');
    await expect(slider).toHaveAttribute('aria-valuetext', '20 seconds of 20 seconds');
    await userEvent.keyboard('{Home}');
    await expect(args.onPlayerEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'seek', position: 0 }),
    );
  },
};

export const MultiChunk: Story = {
  name: 'Multi-chunk recording',
  args: { seconds: [8, 8, 8] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.aa-marker')).toHaveLength(2));
  },
};

export const NoWaveform: Story = {
  name: 'No CORS (plain track)',
  args: {
    waveform: false,
    peaks: null,
    note: 'Waveform unavailable for this recording; playback is not affected.',
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.aa-track')).toBeTruthy();
  },
};

export const Dark: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

export const NarrowColumn: Story = {
  name: 'Narrow column (320 px)',
  decorators: [narrowColumn],
};
