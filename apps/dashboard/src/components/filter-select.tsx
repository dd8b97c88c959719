// One filter of a list page as a labelled select, its value in the URL.
import { useId } from 'react';

export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange(value: string | undefined): void;
}) {
  const id = useId();
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A free-text filter (a repo slug, a definition id), applied on Enter or when the field loses focus. */
export function FilterText({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
}) {
  const id = useId();
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        defaultValue={value ?? ''}
        key={value ?? ''}
        onBlur={(e) => onChange(e.target.value.trim() || undefined)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(e.currentTarget.value.trim() || undefined);
        }}
      />
    </span>
  );
}
