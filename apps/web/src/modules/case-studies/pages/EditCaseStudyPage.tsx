import { Button, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconLock } from '@tabler/icons-react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { BackLink } from '../../../ui/BackLink';
import { CaseStudyStatusBadge } from '../components/CaseStudyStatusBadge';
import { CaseStudyEditor } from '../components/editor/CaseStudyEditor';
import { caseStudyQuery } from '../graphql/case-study.query';

/** `/case-studies/:id/edit?step=2`: the form on a saved draft. */
export function EditCaseStudyPage() {
  return <RequireSignIn>{() => <EditCaseStudy />}</RequireSignIn>;
}

export function CaseStudyNotFound() {
  return (
    <Stack gap="lg">
      <PageHeader title="Case study not available" />
      <EmptyMessage
        icon={<IconLock aria-hidden />}
        title="You cannot open this case study"
        description="It does not exist, or it is a draft or withdrawn and only the consultancy's members can see it."
        actions={
          <Button component={Link} to="/consultancies" variant="default">
            Browse consultancies
          </Button>
        }
      />
    </Stack>
  );
}

function EditCaseStudy() {
  const { id = '' } = useParams();
  const location = useLocation();
  const knownDescriptor = (location.state as { descriptor?: string } | null)?.descriptor ?? '';
  const { data, loading, error, refetch } = useQuery(caseStudyQuery, { variables: { id } });

  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.caseStudy}
      onRetry={() => void refetch()}
      skeleton={
        <Stack gap="lg">
          <Skeleton height={36} width="50%" />
          <Skeleton height={48} />
          <Skeleton height={320} />
        </Stack>
      }
      renderError={(description) => (description.code === 'NOT_FOUND' ? <CaseStudyNotFound /> : undefined)}
    >
      {(cs) =>
        cs.editable ? (
          <>
            <PageHeader
              title={cs.revision > 1 ? `Edit revision ${cs.revision}` : 'Edit case study'}
              eyebrow={<BackLink to={`/vendor/${cs.vendorId}/case-studies`}>{`Case studies of ${cs.vendorName}`}</BackLink>}
              description={`“${cs.title}” is a private draft, saved each time you move to another step.`}
            />
            <CaseStudyEditor
              key={cs.id}
              vendorId={cs.vendorId}
              caseStudy={cs}
              knownDescriptor={knownDescriptor}
              onReload={async () => (await refetch()).data?.caseStudy}
            />
          </>
        ) : (
          <Stack gap="lg">
            <PageHeader title={cs.title} eyebrow={<CaseStudyStatusBadge status={cs.status} />} />
            <EmptyMessage
              icon={<IconLock aria-hidden />}
              title="This case study can no longer be edited"
              description={
                cs.status === 'withdrawn'
                  ? 'It was withdrawn and stays on record as it was.'
                  : 'Once submitted, its claims are what reviewers verify. To correct it, start a revision from its page.'
              }
              actions={
                <Button component={Link} to={`/case-studies/${cs.id}`}>
                  Open the case study
                </Button>
              }
            />
          </Stack>
        )
      }
    </QueryState>
  );
}
