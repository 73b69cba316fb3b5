import { useState } from 'react';
import { Alert, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDice5 } from '@tabler/icons-react';
import { useMutation } from '@apollo/client/react';
import { requireSpotCheckMutation } from '../graphql/require-spot-check.mutation';
import { reviewErrorMessage } from './review-errors';

/** Admins: queue a second, independent verdict on this case study. */
export function RequireSpotCheckButton({ caseStudyId }: { caseStudyId: string }) {
  const [requireSpotCheck, { loading }] = useMutation(requireSpotCheckMutation);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const run = async () => {
    setError(null);
    try {
      await requireSpotCheck({ variables: { caseStudyId } });
      setQueued(true);
      notifications.show({ color: 'teal', title: 'Spot check asked for', message: 'A reviewer drawn at random will verify this case study blind.' });
    } catch (err) {
      setError(reviewErrorMessage(err));
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="light" color="grape" leftSection={<IconDice5 size={16} aria-hidden />} loading={loading} disabled={queued} onClick={() => void run()}>
        Require spot check
      </Button>
      {queued && (
        <Alert role="status" color="teal" variant="light" p="xs">
          A spot check is offered to a reviewer drawn at random, who will not see the first verdict. Its result counts towards the first reviewer’s agreement record, not the case study’s status; a disagreement goes to a third reviewer.
        </Alert>
      )}
      {error && (
        <Alert role="alert" color="red" variant="light" p="xs" title="No spot check queued">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
