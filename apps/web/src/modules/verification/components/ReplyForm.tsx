import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { replyToVerdictMutation } from '../graphql/reply-to-verdict.mutation';
import { withPlainWords } from './review-errors';
import { refetchAfter } from '../../../app/refetch-policy';

/** The vendor's public reply to a verdict (right of reply, shown to buyers next to it). */
export function ReplyForm({ verdictId, caseStudyId, onDone }: { verdictId: string; caseStudyId: string; onDone: () => void }) {
  const [reply] = useMutation(replyToVerdictMutation, refetchAfter('replyToVerdict', { caseStudyId }));
  const form = useForm({
    name: `reply-${verdictId}`,
    mode: 'uncontrolled',
    initialValues: { body: '' },
    validate: { body: (v: string) => (!v.trim() ? 'Write your reply.' : v.length > 4000 ? 'At most 4,000 characters.' : null) },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  const submit = form.onSubmit(async ({ body }) => {
    clearFormError();
    try {
      await reply({ variables: { input: { verdictId, body: body.trim() } } });
      notifications.show({ color: 'teal', title: 'Reply published', message: 'Buyers see it next to the verdict.' });
      onDone();
    } catch (error) {
      handleError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label="Your public reply"
          description="Shown to buyers next to the verdict. Keep to the facts; it cannot be edited afterwards."
          autosize
          minRows={3}
          maxLength={4000}
          data-autofocus
          key={form.key('body')}
          {...form.getInputProps('body')}
        />
        <FormErrorAlert error={withPlainWords(formError)} title="The reply was not published" />
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            Reply
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
