import type { ThemeChoice } from './theme';

const options: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark, or whatever the system prefers (the default): a native radio group, arrow keys included. */
export function ThemeSwitch({
  choice,
  onChange,
}: {
  choice: ThemeChoice;
  onChange: (choice: ThemeChoice) => void;
}) {
  return (
    <fieldset className="nr-theme">
      <legend className="nr-theme-legend">Theme</legend>
      {options.map((option) => (
        <label key={option.value} className="nr-theme-option">
          <input
            type="radio"
            name="nr-theme"
            value={option.value}
            checked={choice === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
