import { Alert, Badge, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconGavel, IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@apollo/client/react';
import type { VerdictDetailFragment } from '../../../gql/graphql';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { submitVerdictMutation } from '../graphql/submit-verdict.mutation';
import { FindingsFields } from './FindingsFields';
import { focusField } from './focus-field';
import { verdictStatus } from '../../../ui/labels';
import { withPlainWords } from './review-errors';
import { emptyFindings, previewVerdictStatus, toFindingsInput, validateVerdictForm, type ClaimForFinding, type VerdictFormValues } from './verdict-form-model';
import { refetchAfter } from '../../../app/refetch-policy';

interface VerdictFormProps {
  taskId: string;
  claims: readonly ClaimForFinding[];
  onRecorded: (verdict: VerdictDetailFragment) => void;
}

/** The leaseholder's verdict: findings, a conflict-of-interest declaration, and "Submit verdict". */
export function VerdictForm({ taskId, claims, onRecorded }: VerdictFormProps) {
  const [submitVerdict] = useMutation(submitVerdictMutation, refetchAfter('submitVerdict'));
  const form = useForm<VerdictFormValues>({
    name: 'verdict',
    mode: 'controlled',
    initialValues: { ...emptyFindings(claims), conflictDeclaration: '', noConflictOfInterest: false },
    validate: validateVerdictForm,
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  const preview = previewVerdictStatus(form.values, claims);

  const submit = form.onSubmit(
    async (values) => {
      clearFormError();
      try {
        const { data } = await submitVerdict({
          variables: {
            input: {
              taskId,
              ...toFindingsInput(values),
              conflictDeclaration: values.conflictDeclaration.trim() || 'None declared.',
              noConflictOfInterest: values.noConflictOfInterest,
            },
          },
        });
        if (data) onRecorded(data.submitVerdict);
      } catch (error) {
        handleError(error);
      }
    },
    // Bring the first problem into view: the form is long.
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) setTimeout(() => focusField(form.getInputNode(first)), 0);
    },
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Verdict">
      <Stack gap="lg">
        <FindingsFields form={form} claims={claims} idPrefix="verdict" />

        <Stack gap="sm">
          <Checkbox
            label="I have no conflict of interest with the consultancy or the client"
            description="You have not worked for or with either, and gain nothing from this verdict. If you have, decline the task instead."
            {...form.getInputProps('noConflictOfInterest', { type: 'checkbox' })}
          />
          <Textarea
            label="Conflict-of-interest declaration"
            description="Optional: any past contact with either side that is not a conflict but should be on record."
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('conflictDeclaration')}
          />
        </Stack>

        <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />} title="Before you submit">
          <Stack gap={6}>
            <Text size="sm">A verdict cannot be changed once recorded. The consultancy may reply to it and may dispute it within 30 days.</Text>
            <Group gap="xs" aria-live="polite">
              <Text size="sm">With these results the case study becomes:</Text>
              {preview ? (
                <Badge color={verdictStatus(preview).color} variant="light" tt="none" fw={600}>
                  {verdictStatus(preview).label}
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">
                  (record a result for every outcome)
                </Text>
              )}
            </Group>
          </Stack>
        </Alert>

        <FormErrorAlert error={withPlainWords(formError)} title="The verdict was not recorded" />
        <Group>
          <Button type="submit" size="md" leftSection={<IconGavel size={18} aria-hidden />} loading={form.submitting}>
            Submit verdict
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
