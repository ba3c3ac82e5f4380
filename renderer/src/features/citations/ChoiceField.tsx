// A labelled choice among a fixed list (a citation style, a language, a file
// format): the one select the citation dialogs and the export share.
interface Props<T extends string> {
  id: string;
  label: string;
  options: readonly T[];
  value: T;
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
  testId: string;
  grow?: boolean;
}

export function ChoiceField<T extends string>({ id, label, options, value, optionLabel, onChange, testId, grow = false }: Props<T>) {
  return (
    <div className={grow ? 'field grow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(options.find((option) => option === event.target.value) ?? value)} data-testid={testId}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
