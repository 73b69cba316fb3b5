import { Badge, Blockquote, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDate } from '../../../ui/format';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { caseStudyClientAnswerQuery, replyToClientAnswerMutation } from '../graphql/client-confirmations';
import { CLIENT_ANSWER } from '../../../ui/labels';

/**
 * The client organisation's own answer about a case study, on the case study's page, with
 * the vendor's reply beneath it. The vendor's members reply here, once, to a denial.
 * Renders nothing until a client organisation has answered.
 */
export function ClientAnswerCard({ caseStudyId, canReply }: { caseStudyId: string; canReply: boolean }) {
  const { data } = useQuery(caseStudyClientAnswerQuery, { variables: { id: caseStudyId } });
  const answer = data?.caseStudy.clientAnswer;
  if (!answer) return null;
  const look = CLIENT_ANSWER[answer.answer];
  return (
    <Card component="section" aria-labelledby="client-answer-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} id="client-answer-title" size="h3">
            The client’s own word
          </Title>
          <Badge color={look.color} variant="light" tt="none">
            {look.label}
          </Badge>
        </Group>
        <Text size="sm">
          {answer.organizationName}, which proved it owns the client’s domain, answered on {formatDate(answer.answeredAt)}: “{look.button}”.
        </Text>
        {answer.note && <Blockquote p="sm" fz="sm">{answer.note}</Blockquote>}
        {answer.disputed &&
          (answer.vendorReply ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                The vendor’s reply{answer.vendorRepliedAt ? `, ${formatDate(answer.vendorRepliedAt)}` : ''}
              </Text>
              <Blockquote p="sm" fz="sm" color="gray">
                {answer.vendorReply}
              </Blockquote>
            </Stack>
          ) : canReply ? (
            <ReplyForm answerId={answer.id} />
          ) : (
            <Text size="sm" c="dimmed">
              The vendor has not replied yet.
            </Text>
          ))}
      </Stack>
    </Card>
  );
}

function ReplyForm({ answerId }: { answerId: string }) {
  const [reply] = useMutation(replyToClientAnswerMutation);
  const form = useForm<{ body: string }>({
    name: 'reply-to-client',
    mode: 'uncontrolled',
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim().length < 10 ? 'Write a reply of at least 10 characters.' : null) },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      await reply({ variables: { input: { answerId, body: values.body.trim() } } });
      notifications.show({ color: 'teal', title: 'Reply published', message: 'Buyers now read your reply beside the client’s answer.' });
    } catch (error) {
      handleError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Your public reply"
          description="Shown beside the client’s answer to every buyer. You can reply once."
          autosize
          minRows={3}
          maxLength={2000}
          required
          key={form.key('body')}
          {...form.getInputProps('body')}
        />
        <FormErrorAlert error={formError} title="Could not publish the reply" />
        <Button type="submit" loading={form.submitting} w="fit-content">
          Publish reply
        </Button>
      </Stack>
    </form>
  );
}
