import { useState } from 'react';

/** A form's values as one object, with a setter per field. */
export function useFormState<T extends object>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  return [values, set] as const;
}

/** Whether two form values are the same; lists and nested objects (tags, texts per language) by content. */
function isSame(a: unknown, b: unknown): boolean {
  return typeof a === 'object' && a !== null && typeof b === 'object' && b !== null
    ? JSON.stringify(a) === JSON.stringify(b)
    : a === b;
}

/** Only the fields that differ from the values the form started with: what a PATCH should send. */
export function changedFields<T extends object>(initial: T, values: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (!isSame(values[key], initial[key])) changes[key] = values[key];
  }
  return changes;
}

/** "" from an empty input as null, other text trimmed. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}
