import { TextInput } from '@mantine/core';
import { useDebouncedCallback, useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';

// Module-level, so the function is stable and the field's effect runs only when the URL changes.
function acceptText(text: string): string | undefined {
  return text.trim() || undefined;
}

/**
 * A filter's text field that writes to the URL a moment after typing stops (at once on Enter). `accept`
 * turns the typed text into the value to store, or null when it is not valid yet; the field then shows
 * `invalidMessage`.
 */
export function DebouncedInput({
  label,
  placeholder,
  value,
  onCommit,
  accept = acceptText,
  invalidMessage,
  type,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  accept?: (text: string) => string | undefined | null;
  invalidMessage?: string;
  type?: 'search' | 'text';
}) {
  const [text, setText] = useState(value ?? '');
  const commit = useDebouncedCallback((next: string) => {
    const accepted = accept(next);
    if (accepted !== null) onCommit(accepted);
  }, 350);
  const [settled] = useDebouncedValue(text, 600);

  // Follow the URL when it changes from outside (back button, reset).
  useEffect(() => {
    if (commit.isPending()) return;
    setText((current) => (accept(current) === value ? current : (value ?? '')));
  }, [value, commit, accept]);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type={type}
      value={text}
      error={invalidMessage && settled === text && accept(text) === null ? invalidMessage : undefined}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
    />
  );
}
