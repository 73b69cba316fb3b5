import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import type { VerdictDetailFragment } from '../../../gql/graphql';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { resolveDisputeMutation } from '../graphql/resolve-dispute.mutation';
import { FindingsFields } from './FindingsFields';
import { focusField } from './focus-field';
import { withPlainWords } from './review-errors';
import { findingsFromVerdict, toFindingsInput, validateFindings, type ClaimForFinding, type FindingsValues } from './verdict-form-model';
import { refetchAfter } from '../../../app/refetch-policy';

interface ResolveValues extends FindingsValues {
  /** Empty until the admin chooses: no outcome is preselected for them. */
  resolution: 'upheld' | 'amended' | '';
  /** The admin's reasons, shown to the vendor (the verdict's own notes are `notes`). */
  decisionNote: string;
}

interface ResolveDisputeFormProps {
  disputeId: string;
  caseStudyId: string;
  verdict: VerdictDetailFragment;
  claims: readonly ClaimForFinding[];
}

/** Admins: uphold the disputed verdict with a note, or amend it with corrected per-outcome results. */
export function ResolveDisputeForm({ disputeId, caseStudyId, verdict, claims }: ResolveDisputeFormProps) {
  const [resolve] = useMutation(resolveDisputeMutation, refetchAfter('resolveDispute', { caseStudyId }));
  const form = useForm<ResolveValues>({
    name: `resolve-${disputeId}`,
    mode: 'controlled',
    initialValues: { resolution: '', decisionNote: '', ...findingsFromVerdict(verdict, claims) },
    validate: (values) => {
      const errors: FormErrors = values.resolution === 'amended' ? validateFindings(values) : {};
      if (!values.resolution) errors.resolution = 'Choose whether to uphold or amend the verdict.';
      const note = values.decisionNote.trim();
      if (note.length < 3) errors.decisionNote = 'Explain the decision to the consultancy.';
      else if (note.length > 8000) errors.decisionNote = 'At most 8,000 characters.';
      return errors;
    },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form, { fieldMap: { note: 'decisionNote' } });
  const amending = form.values.resolution === 'amended';

  const submit = form.onSubmit(
    async (values) => {
      clearFormError();
      try {
        await resolve({
          variables: {
            input: {
              disputeId,
              resolution: values.resolution as 'upheld' | 'amended',
              note: values.decisionNote.trim(),
              amendment: values.resolution === 'amended' ? toFindingsInput(values) : null,
            },
          },
        });
        notifications.show({
          color: 'teal',
          title: values.resolution === 'upheld' ? 'Verdict upheld' : 'Verdict amended',
          message: 'The consultancy sees the decision and your note on the case study.',
        });
      } catch (error) {
        handleError(error);
      }
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) setTimeout(() => focusField(form.getInputNode(first)), 0);
    },
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Resolve the dispute">
      <Stack gap="md">
        <Radio.Group label="Decision" {...form.getInputProps('resolution')}>
          <Stack gap="xs" mt="xs">
            <Radio value="upheld" label="Uphold the verdict" description="The reviewer’s findings stand; the case study returns to the verdict’s status." />
            <Radio value="amended" label="Amend the verdict" description="Record corrected findings; they replace the verdict (which stays on record)." />
          </Stack>
        </Radio.Group>
        {amending && <FindingsFields form={form} claims={claims} idPrefix={`amend-${disputeId}`} />}
        <Textarea
          label="Note to the consultancy"
          description="Why you decided as you did. Shown with the dispute."
          autosize
          minRows={3}
          maxLength={8000}
          {...form.getInputProps('decisionNote')}
        />
        <FormErrorAlert error={withPlainWords(formError)} title="The dispute was not resolved" />
        <Group>
          <Button type="submit" color={amending ? 'orange' : undefined} loading={form.submitting}>
            {amending ? 'Amend verdict' : form.values.resolution === 'upheld' ? 'Uphold verdict' : 'Record the decision'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
