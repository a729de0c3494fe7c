export interface ZoomButtonsProps {
  zoomInLabel: string;
  zoomOutLabel: string;
  onZoomIn: () => void;
  onZoomOut: () => void;
  canZoomIn: boolean;
  canZoomOut: boolean;
}

/** Zoom the waveform in and out (also `+`/`-`, Ctrl/⌘+wheel and a pinch). */
export function ZoomButtons({
  zoomInLabel,
  zoomOutLabel,
  onZoomIn,
  onZoomOut,
  canZoomIn,
  canZoomOut,
}: ZoomButtonsProps) {
  return (
    <span className="aa-zoom">
      <ZoomButton
        label={zoomOutLabel}
        onClick={onZoomOut}
        disabled={!canZoomOut}
        glyph="M7.5 10.5h6M15 15l5 5"
      />
      <ZoomButton
        label={zoomInLabel}
        onClick={onZoomIn}
        disabled={!canZoomIn}
        glyph="M7.5 10.5h6M10.5 7.5v6M15 15l5 5"
      />
    </span>
  );
}

/** A magnifier with a minus or a plus (`glyph`, drawn inside and beside its lens). */
function ZoomButton({
  label,
  onClick,
  disabled,
  glyph,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
  glyph: string;
}) {
  return (
    <button type="button" className="aa-button" aria-label={label} onClick={onClick} disabled={disabled}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="10.5" cy="10.5" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d={glyph} stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
      </svg>
    </button>
  );
}
