import { SECOND_VERDICT_REASON_TEXT, type CheckReason } from '@assay/domain/reviewer-assignment';
import { useState } from 'react';
import { Alert, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import type { MyTaskOffersQuery } from '../../../gql/graphql';
import { formatDateTime, plural } from '../../../ui/format';
import { claimTaskMutation } from '../graphql/claim-task.mutation';
import { declineTaskMutation } from '../graphql/decline-task.mutation';
import { reviewErrorMessage } from './review-errors';
import { TaskKindBadge } from './TaskKindBadge';
import { fromNow } from './time';
import { refetchAfter } from '../../../app/refetch-policy';

type Offer = MyTaskOffersQuery['myTaskOffers'][number];

/** The tasks Assay drew the reviewer for: what each is, until when, and Accept or Decline (with a reason). */
export function OfferList({ offers }: { offers: readonly Offer[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Tasks offered to you">
      {offers.map((offer) => (
        <Card component="li" key={offer.id} padding="md">
          <OfferItem offer={offer} />
        </Card>
      ))}
    </Stack>
  );
}

function OfferItem({ offer }: { offer: Offer }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [accept, accepting] = useMutation(claimTaskMutation, refetchAfter('claimTask'));
  const [decline, declineState] = useMutation(declineTaskMutation, refetchAfter('declineTask'));
  const errorId = `offer-${offer.id}-error`;

  const acceptNow = async () => {
    setError(null);
    try {
      const { data } = await accept({ variables: { taskId: offer.id } });
      if (!data) return;
      notifications.show({ color: 'teal', title: 'Task accepted', message: 'It is yours for 72 hours; after that it goes to another drawn reviewer.' });
      await navigate(`/review/tasks/${data.claimTask.id}`);
    } catch (err) {
      setError(reviewErrorMessage(err));
    }
  };

  const declineNow = async () => {
    setError(null);
    try {
      await decline({ variables: { input: { taskId: offer.id, reason } } });
      notifications.show({ color: 'gray', title: 'Offer declined', message: 'Assay draws another reviewer for it.' });
    } catch (err) {
      setError(reviewErrorMessage(err));
    }
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Group gap="xs" wrap="wrap">
            <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
              {offer.title}
            </Title>
            <TaskKindBadge kind={offer.kind} />
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {offer.vendorName} for {offer.clientName} · {plural(offer.outcomeCount, 'outcome', 'outcomes')} to verify
          </Text>
          {offer.offerExpiresAt && (
            <Text size="sm" c="dimmed">
              Answer {fromNow(offer.offerExpiresAt)} ({formatDateTime(offer.offerExpiresAt)}); after that it goes to another reviewer.
            </Text>
          )}
          {offer.checkReasons.length > 0 && (
            <>
              <Text size="sm">An independent check of another reviewer’s verdict, which you will not see. Selected because:</Text>
              <List size="sm">
                {offer.checkReasons.map((r) => (
                  <List.Item key={r}>{SECOND_VERDICT_REASON_TEXT[r as CheckReason] ?? r}</List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
        <Group gap="xs">
          <Button leftSection={<IconCheck size={16} aria-hidden />} loading={accepting.loading} onClick={() => void acceptNow()} aria-describedby={error ? errorId : undefined}>
            Accept
          </Button>
          <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => setDeclining((d) => !d)} aria-expanded={declining}>
            Decline
          </Button>
        </Group>
      </Group>
      {declining && (
        <Stack gap="xs">
          <Textarea
            label="Why do you decline?"
            description="Recorded with the offer. You can decline 5 offers in 30 days."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
          />
          <Group>
            <Button color="red" variant="light" loading={declineState.loading} disabled={reason.trim().length < 3} onClick={() => void declineNow()}>
              Decline this task
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert id={errorId} role="alert" color="red" variant="light" p="xs" title="That did not work">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
    </Stack>
  );
}
