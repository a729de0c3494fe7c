export interface SkipButtonProps {
  direction: 'back' | 'forward';
  seconds: number;
  label: string;
  onSkip: (deltaSeconds: number) => void;
  disabled?: boolean;
}

export function SkipButton({ direction, seconds, label, onSkip, disabled }: SkipButtonProps) {
  const delta = direction === 'back' ? -seconds : seconds;
  return (
    <button
      type="button"
      className={`aa-button aa-skip aa-skip-${direction}`}
      aria-label={label}
      disabled={disabled}
      onClick={() => onSkip(delta)}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        {direction === 'back' ? (
          <path d="M11 6 4 12l7 6zM20 6l-7 6 7 6z" />
        ) : (
          <path d="m13 6 7 6-7 6zM4 6l7 6-7 6z" />
        )}
      </svg>
      <span className="aa-skip-seconds" aria-hidden="true">
        {seconds}
      </span>
    </button>
  );
}
