import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultLabels } from '../labels';
import { DownloadButton } from './DownloadButton';
import { PlaybackRateSelect } from './PlaybackRateSelect';
import { PlayPauseButton } from './PlayPauseButton';
import { SkipButton } from './SkipButton';
import { VolumeControl } from './VolumeControl';

describe('PlayPauseButton', () => {
  it('is named for what it will do and toggles on click', async () => {
    const onToggle = vi.fn();
    const { rerender } = render(
      <PlayPauseButton playing={false} onToggle={onToggle} playLabel="Play" pauseLabel="Pause" />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(onToggle).toHaveBeenCalledTimes(1);
    rerender(<PlayPauseButton playing onToggle={onToggle} playLabel="Play" pauseLabel="Pause" />);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });
});

describe('SkipButton', () => {
  it('skips back and forward by its seconds', async () => {
    const onSkip = vi.fn();
    render(
      <>
        <SkipButton direction="back" seconds={10} label={defaultLabels.skipBack(10)} onSkip={onSkip} />
        <SkipButton direction="forward" seconds={10} label={defaultLabels.skipForward(10)} onSkip={onSkip} />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Skip back 10 seconds' }));
    expect(onSkip).toHaveBeenLastCalledWith(-10);
    await userEvent.click(screen.getByRole('button', { name: 'Skip forward 10 seconds' }));
    expect(onSkip).toHaveBeenLastCalledWith(10);
  });
});

describe('PlaybackRateSelect', () => {
  it('offers the rates and reports the chosen one as a number', async () => {
    const onChange = vi.fn();
    render(
      <PlaybackRateSelect
        rate={1}
        rates={[0.75, 1, 1.5, 2]}
        onChange={onChange}
        label="Playback speed"
        formatRate={defaultLabels.rate}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Playback speed' });
    expect(select).toHaveValue('1');
    await userEvent.selectOptions(select, '1.5×');
    expect(onChange).toHaveBeenCalledWith(1.5);
  });
});

describe('VolumeControl', () => {
  const props = {
    volume: 0.8,
    muteLabel: 'Mute',
    unmuteLabel: 'Unmute',
    volumeLabel: 'Volume',
  };

  it('mutes and unmutes', async () => {
    const onMutedChange = vi.fn();
    const { rerender } = render(
      <VolumeControl {...props} muted={false} onVolumeChange={vi.fn()} onMutedChange={onMutedChange} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(onMutedChange).toHaveBeenLastCalledWith(true);
    rerender(<VolumeControl {...props} muted onVolumeChange={vi.fn()} onMutedChange={onMutedChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    expect(onMutedChange).toHaveBeenLastCalledWith(false);
  });

  it('changes volume from its slider and unmutes when raised', async () => {
    const onVolumeChange = vi.fn();
    const onMutedChange = vi.fn();
    render(<VolumeControl {...props} muted onVolumeChange={onVolumeChange} onMutedChange={onMutedChange} />);
    const slider = screen.getByRole('slider', { name: 'Volume' });
    expect(slider).toHaveAttribute('aria-valuetext', '0%');
    // jsdom does not move range inputs with arrow keys; a change event is what the browser sends.
    fireEvent.change(slider, { target: { value: '0.05' } });
    expect(onVolumeChange).toHaveBeenCalledWith(0.05);
    expect(onMutedChange).toHaveBeenCalledWith(false);
  });
});

describe('DownloadButton', () => {
  it('downloads on click', async () => {
    const onDownload = vi.fn();
    render(<DownloadButton label="Download recording" onDownload={onDownload} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download recording' }));
    expect(onDownload).toHaveBeenCalledTimes(1);
  });
});
