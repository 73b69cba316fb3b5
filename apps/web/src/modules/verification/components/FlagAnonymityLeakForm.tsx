import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { IconEyeExclamation } from '@tabler/icons-react';
import type { PublicTextField } from '../../../gql/graphql';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { PUBLIC_TEXT_FIELD } from '../../../ui/labels';
import { flagAnonymityLeakMutation } from '../graphql/anonymity-flags';

const FIELDS = Object.entries(PUBLIC_TEXT_FIELD).map(([value, label]) => ({ value: value as PublicTextField, label }));

/**
 * On an anonymised case study's task: the reviewer says where the text names the client.
 * The vendor sees the flag (not who raised it) and fixes it in a new revision.
 */
export function FlagAnonymityLeakForm({ taskId }: { taskId: string }) {
  const [flag] = useMutation(flagAnonymityLeakMutation);
  const [done, setDone] = useState(false);
  const form = useForm<{ fields: PublicTextField[]; note: string }>({
    name: 'flag-anonymity-leak',
    mode: 'uncontrolled',
    initialValues: { fields: [], note: '' },
    validate: {
      fields: (v) => (v.length ? null : 'Choose where the client is named.'),
      note: (v) => (v.trim().length >= 3 ? null : 'Say in a few words what names the client.'),
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  if (done) {
    return (
      <Alert color="teal" variant="light" icon={<IconEyeExclamation aria-hidden />} title="Leak flagged">
        The consultancy sees your flag (not your name) and must fix the text in a new revision.
      </Alert>
    );
  }
  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      await flag({ variables: { input: { taskId, fields: values.fields, note: values.note.trim() } } });
      setDone(true);
    } catch (error) {
      handleError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">This client asked not to be named. If the text names it anyway (its name, its domain, something only it could be), flag it.</Text>
        <Checkbox.Group label="Where is the client named?" required key={form.key('fields')} {...form.getInputProps('fields')}>
          <Group gap="md" mt={4}>
            {FIELDS.map((f) => (
              <Checkbox key={f.value} value={f.value} label={f.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label="What names the client" autosize minRows={2} maxLength={1000} required key={form.key('note')} {...form.getInputProps('note')} />
        <FormErrorAlert error={formError} title="Could not flag the leak" />
        <Button type="submit" variant="light" color="orange" loading={form.submitting} w="fit-content">
          Flag the leak
        </Button>
      </Stack>
    </form>
  );
}
