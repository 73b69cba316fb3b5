import { Card, Skeleton, Stack, Title } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { accessNotice } from '../../../ui/AccessNotice';
import { AccreditReviewerForm } from '../components/AccreditReviewerForm';
import { ReviewersTable } from '../components/ReviewersTable';
import { reviewersQuery } from '../graphql/reviewers.query';

/** `/admin/reviewers`: accreditation, declared affiliations and spot-check agreement. */
export function ReviewersAdminPage() {
  return (
    <>
      <PageHeader title="Reviewers" description="Accredited reviewers verify case studies. Spot checks — a second, independent verdict — show how often each one agrees." />
      <RequireSignIn>{() => <Reviewers />}</RequireSignIn>
    </>
  );
}

function Reviewers() {
  const { data, loading, error, refetch } = useQuery(reviewersQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <QueryState loading={loading} error={error} data={data?.reviewers} onRetry={() => void refetch()} skeleton={<Skeleton height={200} />} renderError={accessNotice('admins')}>
      {(reviewers) => (
        <Stack gap="xl">
          <Card component="section" aria-labelledby="accredit-title">
            <Stack gap="sm">
              <Title order={2} size="h3" id="accredit-title">
                Accredit a reviewer
              </Title>
              <AccreditReviewerForm />
            </Stack>
          </Card>
          <Stack gap="sm" component="section" aria-labelledby="reviewers-title">
            <Title order={2} id="reviewers-title">
              Accredited reviewers
            </Title>
            {reviewers.length ? (
              <ReviewersTable reviewers={reviewers} />
            ) : (
              <EmptyMessage icon={<IconUserCheck aria-hidden />} title="No reviewers yet" description="Accredit the first one with the form above." />
            )}
          </Stack>
        </Stack>
      )}
    </QueryState>
  );
}
