import { useId } from 'react';

export interface VolumeControlProps {
  volume: number;
  muted: boolean;
  onVolumeChange: (volume: number) => void;
  onMutedChange: (muted: boolean) => void;
  muteLabel: string;
  unmuteLabel: string;
  volumeLabel: string;
}

export function VolumeControl(props: VolumeControlProps) {
  const { volume, muted, onVolumeChange, onMutedChange, muteLabel, unmuteLabel, volumeLabel } = props;
  const id = useId();
  const silent = muted || volume === 0;
  return (
    <span className="aa-volume">
      <button
        type="button"
        className="aa-button aa-mute"
        aria-label={muted ? unmuteLabel : muteLabel}
        onClick={() => onMutedChange(!muted)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M4 9v6h4l5 4V5L8 9z" />
          {silent ? (
            <path d="m16 9 5 6m0-6-5 6" stroke="currentColor" strokeWidth="2" fill="none" />
          ) : (
            <path d="M16 8.5a4.5 4.5 0 0 1 0 7" stroke="currentColor" strokeWidth="2" fill="none" />
          )}
        </svg>
      </button>
      <label htmlFor={id} className="aa-visually-hidden">
        {volumeLabel}
      </label>
      <input
        id={id}
        className="aa-volume-range"
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={muted ? 0 : volume}
        aria-valuetext={`${Math.round((muted ? 0 : volume) * 100)}%`}
        onChange={(event) => {
          const next = Number(event.target.value);
          onVolumeChange(next);
          if (muted && next > 0) onMutedChange(false);
        }}
      />
    </span>
  );
}
