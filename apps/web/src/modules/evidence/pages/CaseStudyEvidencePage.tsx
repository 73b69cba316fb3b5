import { Anchor, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { EvidenceUploader } from '../components/EvidenceUploader';
import { caseStudyEvidenceQuery } from '../graphql/case-study-evidence.query';

/** `/vendor/case-studies/:caseStudyId/evidence`: the evidence of one case study, on its own page. */
export function CaseStudyEvidencePage() {
  return <RequireSignIn>{() => <CaseStudyEvidence />}</RequireSignIn>;
}

function CaseStudyEvidence() {
  const { caseStudyId = '' } = useParams();
  // The same query the uploader runs (answered from the cache): here only to show a clear refusal.
  const { data, loading, error, refetch } = useQuery(caseStudyEvidenceQuery, { variables: { caseStudyId } });
  return (
    <>
      <PageHeader
        title="Case study evidence"
        eyebrow={
          <Anchor component={Link} to={`/case-studies/${caseStudyId}`} size="sm" w="fit-content">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              Back to the case study
            </Group>
          </Anchor>
        }
        description="Files and links that let reviewers check what this case study claims. Only your consultancy, its assigned reviewers and Assay admins can see them."
      />
      <QueryState
        loading={loading}
        error={error}
        data={data?.caseStudyEvidence}
        onRetry={() => void refetch()}
        renderError={(description) =>
          description.code === 'NOT_FOUND' || description.code === 'FORBIDDEN' ? (
            <Stack gap="lg">
              <EmptyMessage
                icon={<IconLock aria-hidden />}
                title="You cannot open this evidence"
                description="The case study does not exist, or its evidence is only visible to its consultancy, its reviewers and Assay admins."
                actions={
                  <Button component={Link} to="/organizations" variant="default">
                    Back to your organizations
                  </Button>
                }
              />
            </Stack>
          ) : undefined
        }
      >
        {() => <EvidenceUploader caseStudyId={caseStudyId} />}
      </QueryState>
    </>
  );
}
