// A header switch: a labelled radio group drawn as a segmented control (the mode and the layout use it).
export interface RadioOption<T extends string> {
  value: T;
  label: string;
  hint: string;
}

interface RadioSwitchProps<T extends string> {
  legend: string;
  /** The radio group's name (one per switch on the page). */
  name: string;
  options: readonly RadioOption<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}

export default function RadioSwitch<T extends string>({ legend, name, options, value, onChange, className }: RadioSwitchProps<T>) {
  return (
    <fieldset className={className ? `mode-switch ${className}` : 'mode-switch'}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} title={o.hint} className={o.value === value ? 'selected' : undefined}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
