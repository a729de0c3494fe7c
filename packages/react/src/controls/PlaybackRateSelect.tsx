import { useId } from 'react';

export interface PlaybackRateSelectProps {
  rate: number;
  rates: readonly number[];
  onChange: (rate: number) => void;
  label: string;
  formatRate: (rate: number) => string;
  disabled?: boolean;
}

/** A native select: every platform's screen reader and keyboard already know how to operate it. */
export function PlaybackRateSelect({
  rate,
  rates,
  onChange,
  label,
  formatRate,
  disabled,
}: PlaybackRateSelectProps) {
  const id = useId();
  return (
    <span className="aa-rate">
      <label htmlFor={id} className="aa-visually-hidden">
        {label}
      </label>
      <select
        id={id}
        className="aa-select"
        value={String(rate)}
        disabled={disabled}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {rates.map((r) => (
          <option key={r} value={String(r)}>
            {formatRate(r)}
          </option>
        ))}
      </select>
    </span>
  );
}
