import type { UseFormReturnType } from '@mantine/form';
import { describeError, type ErrorDescription } from '../errors/describe-error';

/** `outcomes[1].claimedValue` (API) → `outcomes.1.claimedValue` (Mantine form path). */
export function toFormPath(apiPath: string): string {
  return apiPath.replace(/\[(\d+)\]/g, '.$1').replace(/^input\./, '');
}

function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(part in (current as Record<string, unknown>))) return false;
    current = (current as Record<string, unknown>)[part];
  }
  return true;
}

export interface ServerErrorOptions {
  /** API field name → form path, where the two differ. */
  fieldMap?: Record<string, string>;
  /**
   * Domain reasons that belong to one field although the API reports no field
   * (e.g. `EMAIL_TAKEN` → `email`), so the message shows under that input.
   */
  reasonFields?: Record<string, string>;
}

/**
 * Puts the API's per-field messages on the matching Mantine form fields, focuses
 * the first one, and returns what is left to say in an alert near the form
 * (`null` when every message found its field).
 */
export function applyServerErrors<Values>(
  form: UseFormReturnType<Values, any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any transform is fine here
  error: unknown,
  options: ServerErrorOptions = {},
): ErrorDescription | null {
  const description = describeError(error);
  const values = form.getValues();
  const placed: string[] = [];
  const unplaced: string[] = [];
  const setError = (path: string, message: string) => {
    form.setFieldError(path as Parameters<typeof form.setFieldError>[0], message);
    placed.push(path);
  };

  for (const { field, message } of description.fields) {
    const path = options.fieldMap?.[field] ?? toFormPath(field);
    if (hasPath(values, path)) setError(path, message);
    else unplaced.push(message);
  }
  const reasonField = description.reason ? options.reasonFields?.[description.reason] : undefined;
  if (reasonField && description.fields.length === 0 && hasPath(values, reasonField)) {
    setError(reasonField, description.message);
  }

  if (placed.length > 0) {
    const first = placed[0];
    // After React has rendered the error, so the screen reader reads it with the field.
    setTimeout(() => form.getInputNode(first as Parameters<typeof form.getInputNode>[0])?.focus(), 0);
  }
  // Messages for fields this form does not have (e.g. a hidden id) still need saying.
  if (unplaced.length > 0) return { ...description, message: unplaced.join(' ') };
  if (placed.length > 0) return null;
  return description;
}
