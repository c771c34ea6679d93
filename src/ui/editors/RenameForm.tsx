// Inline rename of a child: Enter renames (or explains why not), Escape cancels.
import { useState } from 'react';
import { useStore } from '../../state/store.ts';

interface RenameFormProps {
  name: string;
  /** Called with the child's name after the form closes (the new one when renamed). */
  onDone: (name: string) => void;
}

export default function RenameForm({ name, onDone }: RenameFormProps) {
  const renameChild = useStore((s) => s.renameChild);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const trimmed = value.trim();
    const problem = renameChild(name, trimmed);
    if (problem) setError(problem);
    else onDone(trimmed);
  };
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        <span className="visually-hidden">New name for {name}</span>
        <input
          autoFocus
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? 'rename-error' : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone(name);
          }}
        />
      </label>
      <button type="submit" className="small-button">
        Rename
      </button>
      <button type="button" className="small-button" onClick={() => onDone(name)}>
        Cancel
      </button>
      {error ? (
        <span id="rename-error" role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
