import { Button, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { accessNotice } from '../../../ui/AccessNotice';
import { MyTasksList } from '../components/MyTasksList';
import { OfferList } from '../components/OfferList';
import { myVerificationTasksQuery } from '../graphql/my-verification-tasks.query';
import { myTaskOffersQuery } from '../graphql/my-task-offers.query';

/** `/review`: the tasks Assay drew the reviewer for (accept or decline), then the tasks they hold. */
export function ReviewQueuePage() {
  return (
    <>
      <PageHeader
        title="Your review tasks"
        description="Assay offers each task to a reviewer drawn at random from those without a conflict, reviewers who declared the consultancy’s field first. Accept an offer within 48 hours to check the case study’s evidence and its references’ answers; an accepted task is yours for 72 hours."
        actions={
          <Button component={Link} to="/review/affiliations" variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />}>
            Affiliations and expertise
          </Button>
        }
      />
      <RequireSignIn>{() => <ReviewQueue />}</RequireSignIn>
    </>
  );
}

function ReviewQueue() {
  const mine = useQuery(myVerificationTasksQuery, { fetchPolicy: 'cache-and-network' });
  const offers = useQuery(myTaskOffersQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <QueryState loading={offers.loading} error={offers.error} data={offers.data?.myTaskOffers} onRetry={() => void offers.refetch()} skeleton={<CardSkeletons count={3} height={110} />} renderError={accessNotice('reviewers')}>
      {(offered) => (
        <Stack gap="xl">
          <Stack gap="sm" component="section" aria-labelledby="offered-title">
            <Title order={2} id="offered-title">
              Offered to you
            </Title>
            {offered.length ? (
              <OfferList offers={offered} />
            ) : (
              <EmptyMessage icon={<IconChecklist aria-hidden />} title="No offers right now" description="When a case study needs a reviewer and you are drawn, it appears here and you get an email." />
            )}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="your-tasks-title">
            <Title order={2} id="your-tasks-title">
              Your tasks
            </Title>
            <QueryState loading={mine.loading} error={mine.error} data={mine.data?.myVerificationTasks} onRetry={() => void mine.refetch()} skeleton={<CardSkeletons count={1} height={90} />}>
              {(held) =>
                held.length ? (
                  <MyTasksList tasks={held} />
                ) : (
                  <Text size="sm" c="dimmed">
                    You hold no tasks. Accept an offer above to start one.
                  </Text>
                )
              }
            </QueryState>
          </Stack>
        </Stack>
      )}
    </QueryState>
  );
}
