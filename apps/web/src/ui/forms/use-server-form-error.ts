import { useCallback, useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import type { ErrorDescription } from '../errors/describe-error';
import { applyServerErrors, type ServerErrorOptions } from './server-errors';

/**
 * State for the alert next to a form: `handleError` maps a failed mutation onto the
 * form's fields and keeps whatever is left for `<FormErrorAlert error={formError} />`.
 */
export function useServerFormError<Values>(
  form: UseFormReturnType<Values, any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any transform is fine here
  options?: ServerErrorOptions,
) {
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const handleError = useCallback(
    (error: unknown) => setFormError(applyServerErrors(form, error, options)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the form object is stable; options are static per form
    [form],
  );
  const clearFormError = useCallback(() => setFormError(null), []);
  return { formError, handleError, clearFormError };
}
