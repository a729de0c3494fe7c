export interface PlayPauseButtonProps {
  playing: boolean;
  onToggle: () => void;
  playLabel: string;
  pauseLabel: string;
  disabled?: boolean;
}

/** One button whose name says what it will do: "Play" while paused, "Pause" while playing. */
export function PlayPauseButton({
  playing,
  onToggle,
  playLabel,
  pauseLabel,
  disabled,
}: PlayPauseButtonProps) {
  return (
    <button
      type="button"
      className="aa-button aa-play"
      aria-label={playing ? pauseLabel : playLabel}
      data-playing={playing || undefined}
      disabled={disabled}
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        {playing ? <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" /> : <path d="M8 5v14l11-7z" />}
      </svg>
    </button>
  );
}
