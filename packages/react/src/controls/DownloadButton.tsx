export interface DownloadButtonProps {
  label: string;
  onDownload: () => void;
  disabled?: boolean;
}

export function DownloadButton({ label, onDownload, disabled }: DownloadButtonProps) {
  return (
    <button
      type="button"
      className="aa-button aa-download"
      aria-label={label}
      disabled={disabled}
      onClick={onDownload}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M11 4h2v9l3.5-3.5 1.4 1.4L12 16.8l-5.9-5.9 1.4-1.4L11 13zM5 18h14v2H5z" />
      </svg>
    </button>
  );
}
