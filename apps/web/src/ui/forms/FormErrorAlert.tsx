import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ErrorDescription } from '../errors/describe-error';

/** The message of a failed submission that belongs to no single field, shown above the form's button. */
export function FormErrorAlert({ error, title = 'That did not work' }: { error: ErrorDescription | null; title?: string }) {
  if (!error) return null;
  return (
    <Alert role="alert" color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />}>
      {error.message}
    </Alert>
  );
}
