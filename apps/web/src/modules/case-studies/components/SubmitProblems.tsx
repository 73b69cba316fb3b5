import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { ErrorDescription } from '../../../ui/errors/describe-error';
import { STEPS, stepOfField } from './editor/form-model';

/**
 * Why a submission was refused (CASE_STUDY_INCOMPLETE, NO_REFERENCES, ...): each
 * missing piece with a link to the step of the form where it is fixed.
 */
export function SubmitProblems({ error, stepHref }: { error: ErrorDescription; stepHref: (step: number) => string }) {
  const fields = error.fields;
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Not ready to submit yet">
      <Stack gap="xs">
        {fields.length === 0 ? (
          <Text size="sm">{error.message}</Text>
        ) : (
          <>
            <Text size="sm">Fix these first:</Text>
            <List size="sm" spacing={4}>
              {fields.map((f) => {
                const step = stepOfField(f.field);
                return (
                  <List.Item key={`${f.field}-${f.message}`}>
                    {f.message}{' '}
                    <Anchor component={Link} to={stepHref(step)} size="sm" fw={600}>
                      Go to {STEPS[step].label}
                    </Anchor>
                  </List.Item>
                );
              })}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}
