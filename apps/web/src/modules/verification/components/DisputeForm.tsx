import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { formatDate } from '../../../ui/format';
import { disputeVerdictMutation } from '../graphql/dispute-verdict.mutation';
import { withPlainWords } from './review-errors';
import { refetchAfter } from '../../../app/refetch-policy';

interface DisputeFormProps {
  verdictId: string;
  caseStudyId: string;
  /** The last day the verdict can be disputed. */
  closesOn: Date;
  onDone: () => void;
}

/** The vendor's challenge to a verdict; an Assay admin decides it. */
export function DisputeForm({ verdictId, caseStudyId, closesOn, onDone }: DisputeFormProps) {
  const [dispute] = useMutation(disputeVerdictMutation, refetchAfter('disputeVerdict', { caseStudyId }));
  const form = useForm({
    name: `dispute-${verdictId}`,
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: {
      reason: (v: string) => (v.trim().length < 20 ? 'Explain the dispute in at least 20 characters.' : v.length > 8000 ? 'At most 8,000 characters.' : null),
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  const submit = form.onSubmit(async ({ reason }) => {
    clearFormError();
    try {
      await dispute({ variables: { input: { verdictId, reason: reason.trim() } } });
      notifications.show({ color: 'teal', title: 'Dispute opened', message: 'An Assay admin will review the verdict and your reasons.' });
      onDone();
    } catch (error) {
      handleError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          An Assay admin reviews the verdict and either upholds it or amends it. Buyers see that it is disputed meanwhile. You can dispute until{' '}
          {formatDate(closesOn.toISOString())}.
        </Text>
        <Textarea
          label="Why the verdict is wrong"
          description="What the reviewer missed or got wrong, and where the evidence shows it. At least 20 characters."
          autosize
          minRows={4}
          maxLength={8000}
          data-autofocus
          key={form.key('reason')}
          {...form.getInputProps('reason')}
        />
        <FormErrorAlert error={withPlainWords(formError)} title="The dispute was not opened" />
        <Group gap="sm">
          <Button type="submit" color="orange" loading={form.submitting}>
            Dispute verdict
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
