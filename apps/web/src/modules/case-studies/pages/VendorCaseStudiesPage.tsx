import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconFileDescription, IconPencil, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import type { VendorCaseStudiesQuery } from '../../../gql/graphql';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDate, plural } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import type { CurrentUser } from '../../accounts/hooks/use-current-user';
import { AnonymisedBadge } from '../components/AnonymisedBadge';
import { BackLink } from '../../../ui/BackLink';
import { CaseStudyStatusBadge } from '../components/CaseStudyStatusBadge';
import { CASE_STUDY_STATUS } from '../../../ui/labels';
import { NotAMember } from '../components/NotAMember';
import { vendorCaseStudiesQuery } from '../graphql/vendor-case-studies.query';
import { vendorMembership } from '../hooks/use-vendor-membership';

type CaseStudyItem = VendorCaseStudiesQuery['vendorCaseStudies'][number];

/** `/vendor/:vendorId/case-studies`: the consultancy's case studies, drafts included. */
export function VendorCaseStudiesPage() {
  return <RequireSignIn>{(me) => <VendorCaseStudies me={me} />}</RequireSignIn>;
}

function VendorCaseStudies({ me }: { me: CurrentUser }) {
  const { vendorId = '' } = useParams();
  const membership = vendorMembership(me, vendorId);
  const { data, loading, error, refetch } = useQuery(vendorCaseStudiesQuery, { variables: { vendorId }, skip: !membership, fetchPolicy: 'cache-and-network' });
  if (!membership) return <NotAMember />;
  const newPath = `/vendor/${vendorId}/case-studies/new`;

  return (
    <>
      <PageHeader
        title="Case studies"
        eyebrow={<BackLink to={`/organizations/${vendorId}`}>{membership.organization.name}</BackLink>}
        description="Each case study states measured outcomes that independent reviewers verify. Buyers see only submitted ones, and what was verified."
        actions={
          <Button component={Link} to={newPath} leftSection={<IconPlus size={16} aria-hidden />}>
            New case study
          </Button>
        }
      />
      <QueryState
        loading={loading}
        error={error}
        data={data?.vendorCaseStudies}
        onRetry={() => void refetch()}
        skeleton={<CardSkeletons count={3} height={150} />}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyMessage
            icon={<IconFileDescription aria-hidden />}
            title="No case studies yet"
            description="Describe a project you delivered: the client, the outcomes you measured, whether it reached production, and who can confirm it. It stays a private draft until you submit it."
            actions={
              <Button component={Link} to={newPath} variant="light">
                Start your first case study
              </Button>
            }
          />
        }
      >
        {(list) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.map((cs) => (
              <li key={cs.id}>
                <CaseStudyCard cs={cs} />
              </li>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </>
  );
}

function CaseStudyCard({ cs }: { cs: CaseStudyItem }) {
  const titleId = `case-study-${cs.id}`;
  return (
    <Card component="article" aria-labelledby={titleId} h="100%">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={2} size="h3" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={`/case-studies/${cs.id}`} inherit c="inherit">
              {cs.title}
            </Anchor>
          </Title>
          <CaseStudyStatusBadge status={cs.status} />
        </Group>
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {cs.client.displayName}
          </Text>
          {cs.client.anonymised && <AnonymisedBadge />}
        </Group>
        <Text size="sm" c="dimmed">
          {CASE_STUDY_STATUS[cs.status].description}
        </Text>
        <Group gap="lg" mt="auto" justify="space-between" align="flex-end">
          <Text size="sm" c="dimmed">
            Revision {cs.revision} · {plural(cs.outcomes.length, 'outcome', 'outcomes')} ·{' '}
            {cs.submittedAt ? `Submitted ${formatDate(cs.submittedAt)}` : `Started ${formatDate(cs.createdAt)}`}
          </Text>
          {cs.editable && (
            <Button
              component={Link}
              to={`/case-studies/${cs.id}/edit`}
              variant="light"
              size="xs"
              leftSection={<IconPencil size={14} aria-hidden />}
              aria-label={`Continue editing ${cs.title}`}
            >
              Continue editing
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
