import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { defaultLabels } from '../labels';
import { DownloadButton } from './DownloadButton';
import { PlaybackRateSelect } from './PlaybackRateSelect';
import { PlayPauseButton } from './PlayPauseButton';
import { SeekSlider } from './SeekSlider';
import { SkipButton } from './SkipButton';
import { VolumeControl } from './VolumeControl';

/** The player's controls on their own, for hosts that compose their own layout. */
const meta = {
  title: 'Controls/All controls',
  parameters: {
    docs: {
      description: {
        component:
          'Each control is a small component with behaviour in a hook (`useSeekSlider`, `usePlayerShortcuts`); every accessible name comes from `labels`.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

function ControlsDemo({ onSeek }: { onSeek: (t: number) => void }) {
  const [time, setTime] = useState(65);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [volume, setVolume] = useState(0.8);
  const [muted, setMuted] = useState(false);
  const seek = (t: number) => {
    setTime(t);
    onSeek(t);
  };
  return (
    <div className="aa-player">
      <SeekSlider
        value={time}
        duration={1920}
        onSeek={seek}
        label="Seek"
        valueText={defaultLabels.position}
        markers={[640, 1280]}
      />
      <div className="aa-controls">
        <SkipButton
          direction="back"
          seconds={10}
          label={defaultLabels.skipBack(10)}
          onSkip={(d) => seek(Math.max(0, time + d))}
        />
        <PlayPauseButton
          playing={playing}
          onToggle={() => setPlaying(!playing)}
          playLabel="Play"
          pauseLabel="Pause"
        />
        <SkipButton
          direction="forward"
          seconds={10}
          label={defaultLabels.skipForward(10)}
          onSkip={(d) => seek(time + d)}
        />
        <PlaybackRateSelect
          rate={rate}
          rates={[0.75, 1, 1.5, 2]}
          onChange={setRate}
          label="Playback speed"
          formatRate={defaultLabels.rate}
        />
        <VolumeControl
          volume={volume}
          muted={muted}
          onVolumeChange={setVolume}
          onMutedChange={setMuted}
          muteLabel="Mute"
          unmuteLabel="Unmute"
          volumeLabel="Volume"
        />
        <DownloadButton label="Download recording" onDownload={fn()} />
      </div>
    </div>
  );
}

export const AllControls: Story = {
  args: {},
  render: () => <ControlsDemo onSeek={fn()} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await expect(canvas.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Skip forward 10 seconds' }));
    await expect(canvas.getByRole('slider', { name: 'Seek' })).toHaveAttribute(
      'aria-valuetext',
      '1 minute 15 seconds of 32 minutes',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Mute' }));
    await expect(canvas.getByRole('button', { name: 'Unmute' })).toBeInTheDocument();
  },
};
