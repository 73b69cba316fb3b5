import { useState } from 'react';
import { Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { FormErrorAlert } from '../../../ui/forms';
import { declineReferenceMutation } from '../graphql/decline-reference.mutation';

interface DeclineSectionProps {
  token: string;
  onDeclined: () => void;
  /** A refusal that ends the page (link used, expired, ...). */
  onLinkProblem: (error: ErrorDescription) => boolean;
}

/** "I'd rather not answer": an optional reason, then "Decline to answer". Declines count as answers. */
export function DeclineSection({ token, onDeclined, onLinkProblem }: DeclineSectionProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [decline, { loading }] = useMutation(declineReferenceMutation);

  const send = async () => {
    setError(null);
    try {
      await decline({ variables: { token, reason: reason.trim() || null } });
      onDeclined();
    } catch (err) {
      const description = describeError(err);
      if (!onLinkProblem(description)) setError(description);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="decline-title" id="decline">
      <Title order={2} size="h3" id="decline-title">
        Not able to answer?
      </Title>
      <Text>If you were not involved, cannot speak about it, or prefer not to, you can decline. That is recorded too.</Text>
      {open ? (
        <Stack gap="sm">
          <Textarea
            label="Reason"
            description="Optional, e.g. “I left the company” or “I was not on this project”."
            autosize
            minRows={2}
            maxLength={1000}
            size="md"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <FormErrorAlert error={error} title="Your answer was not recorded" />
          <Button size="lg" color="red" variant="light" fullWidth loading={loading} onClick={() => void send()}>
            Decline to answer
          </Button>
          <Button size="md" variant="subtle" fullWidth onClick={() => setOpen(false)}>
            Back to the questions
          </Button>
        </Stack>
      ) : (
        <Button size="md" variant="default" fullWidth onClick={() => setOpen(true)}>
          I’d rather not answer
        </Button>
      )}
    </Stack>
  );
}
