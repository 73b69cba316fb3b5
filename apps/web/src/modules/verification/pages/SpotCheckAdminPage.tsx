import { Anchor, Card, Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { AccessNotice, accessNotice } from '../../../ui/AccessNotice';
import { BackLink } from '../../../ui/BackLink';
import { CaseStudyVerdicts } from '../components/CaseStudyVerdicts';
import { RequireSpotCheckButton } from '../components/RequireSpotCheckButton';
import { VerificationTimeline } from '../components/VerificationTimeline';
import { caseStudyVerdictsQuery } from '../graphql/case-study-verdicts.query';

/** `/admin/case-studies/:id/spot-check`: a case study's verdicts as admins see them, and "Require spot check". */
export function SpotCheckAdminPage() {
  return (
    <RequireSignIn>
      {(me) => (me.platformRoles.includes('admin') ? <SpotCheck /> : <AccessNotice audience="admins" />)}
    </RequireSignIn>
  );
}

function SpotCheck() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(caseStudyVerdictsQuery, { variables: { caseStudyId: id } });
  return (
    <QueryState loading={loading} error={error} data={data?.caseStudy} onRetry={() => void refetch()} skeleton={<Skeleton height={240} />} renderError={accessNotice('admins')}>
      {(cs) => (
        <>
          <PageHeader
            title={`Spot check: ${cs.title}`}
            eyebrow={<BackLink to="/admin/disputes">Disputes</BackLink>}
            description={
              <>
                {cs.vendorName} for {cs.client.displayName} ·{' '}
                <Anchor component={Link} to={`/case-studies/${cs.id}`} inherit>
                  Open the case study
                </Anchor>
              </>
            }
          />
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <CaseStudyVerdicts caseStudyId={cs.id} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="lg">
                <Card component="section" aria-labelledby="spot-check-title">
                  <Stack gap="sm">
                    <Title order={2} size="h3" id="spot-check-title">
                      Second opinion
                    </Title>
                    <Text size="sm">
                      A spot check sends the case study to another reviewer, who judges it without seeing the first verdict. Agreement between the
                      two feeds the first reviewer’s reliability.
                    </Text>
                    <RequireSpotCheckButton caseStudyId={cs.id} />
                  </Stack>
                </Card>
                <Card>
                  <VerificationTimeline caseStudyId={cs.id} />
                </Card>
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </QueryState>
  );
}
