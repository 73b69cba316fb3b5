import { useState } from 'react';
import { Alert, Anchor, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { IconGitBranch, IconInfoCircle, IconPencil, IconSend } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CaseStudyQuery } from '../../../gql/graphql';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { FormErrorAlert } from '../../../ui/forms';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { useCurrentUser } from '../../accounts/hooks/use-current-user';
import { BackLink } from '../../../ui/BackLink';
import { CaseStudyStatusBadge } from '../components/CaseStudyStatusBadge';
import { CaseStudySummary } from '../components/CaseStudySummary';
import { CASE_STUDY_STATUS } from '../../../ui/labels';
import { ReferenceList } from '../components/ReferenceList';
import { RevisionHistory } from '../components/RevisionHistory';
import { SubmitProblems } from '../components/SubmitProblems';
import { WithdrawButton } from '../components/WithdrawButton';
import { caseStudyRevisionsQuery } from '../graphql/case-study-revisions.query';
import { caseStudyQuery } from '../graphql/case-study.query';
import { reviseCaseStudyMutation } from '../graphql/revise-case-study.mutation';
import { submitCaseStudyMutation } from '../graphql/submit-case-study.mutation';
import { vendorMembership } from '../hooks/use-vendor-membership';
import { CaseStudyNotFound } from './EditCaseStudyPage';
import { VerificationReceipt } from '../../ledger/components/VerificationReceipt';
import { CaseStudyVerdicts } from '../../verification/components/CaseStudyVerdicts';
import { VerificationPanel } from '../../verification/components/VerificationPanel';
import { ClientAnswerCard } from '../../client-confirmations/components/ClientAnswerCard';
import { AnonymityFlagsNotice } from '../../verification/components/AnonymityFlagsNotice';
import { refetchAfter } from '../../../app/refetch-policy';

type CaseStudy = CaseStudyQuery['caseStudy'];

/** `/case-studies/:id`: one case study. Members see everything and act on it; others see its public fields. */
export function CaseStudyPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(caseStudyQuery, { variables: { id } });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.caseStudy}
      onRetry={() => void refetch()}
      skeleton={
        <Stack gap="lg">
          <Skeleton height={36} width="60%" />
          <Skeleton height={18} width="30%" />
          <Skeleton height={260} />
        </Stack>
      }
      renderError={(description) => (description.code === 'NOT_FOUND' ? <CaseStudyNotFound /> : undefined)}
    >
      {(cs) => <CaseStudyDetails cs={cs} />}
    </QueryState>
  );
}

function CaseStudyDetails({ cs }: { cs: CaseStudy }) {
  const { me } = useCurrentUser();
  const isMember = !!vendorMembership(me, cs.vendorId);
  const revisions = useQuery(caseStudyRevisionsQuery, { variables: { id: cs.id } });
  const [submitError, setSubmitError] = useState<ErrorDescription | null>(null);
  const status = CASE_STUDY_STATUS[cs.status];
  const latest = revisions.data?.caseStudyRevisions.at(-1);

  return (
    <>
      <PageHeader
        title={cs.title}
        eyebrow={
          isMember ? (
            <BackLink to={`/vendor/${cs.vendorId}/case-studies`}>{`Case studies of ${cs.vendorName}`}</BackLink>
          ) : (
            <BackLink to="/consultancies">Consultancies</BackLink>
          )
        }
        description={
          <Group gap="sm" component="span">
            <CaseStudyStatusBadge status={cs.status} />
            <span>
              By {cs.vendorName} for {cs.client.displayName}
            </span>
            <span>· Revision {cs.revision}</span>
          </Group>
        }
        actions={isMember ? <MemberActions cs={cs} onSubmitError={setSubmitError} /> : undefined}
      />
      <Stack gap="xl">
        {isMember && cs.client.anonymised && cs.status !== 'draft' && <AnonymityFlagsNotice caseStudyId={cs.id} />}
        {submitError && <SubmitProblems error={submitError} stepHref={(step) => `/case-studies/${cs.id}/edit?step=${step + 1}`} />}
        <Alert color={status.color} variant="light" icon={<IconInfoCircle aria-hidden />} title={status.label}>
          {status.description}
          {cs.submittedAt && ` Submitted ${formatDate(cs.submittedAt)}.`}
          {cs.verifiedAt && ` Verdict on ${formatDate(cs.verifiedAt)}.`}
          {cs.withdrawnAt && ` Withdrawn ${formatDate(cs.withdrawnAt)}.`}
          {cs.supersededAt && latest && latest.id !== cs.id && (
            <>
              {' '}A newer revision replaces this one:{' '}
              <Anchor component={Link} to={`/case-studies/${latest.id}`} inherit fw={600}>
                revision {latest.revision}
              </Anchor>
              .
            </>
          )}
        </Alert>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="xl">
              <CaseStudySummary cs={cs} headingLevel={2} factColumns={2} />
              {cs.status !== 'draft' && <CaseStudyVerdicts caseStudyId={cs.id} canAct={isMember} />}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              {cs.status !== 'draft' && <VerificationPanel caseStudyId={cs.id} />}
              {cs.status !== 'draft' && <ClientAnswerCard caseStudyId={cs.id} canReply={isMember} />}
              <VerificationReceipt caseStudyId={cs.id} />
              {cs.references && (
                <Card component="section" aria-labelledby="references-title">
                  <Stack gap="sm">
                    <Title order={2} id="references-title" size="h3">
                      References
                    </Title>
                    {cs.references.length ? (
                      <ReferenceList references={cs.references} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        No references yet.{cs.editable ? ' Nominate at least one before you submit.' : ''}
                      </Text>
                    )}
                    {cs.editable && (
                      <Anchor component={Link} to={`/case-studies/${cs.id}/edit?step=5`} size="sm">
                        Manage references
                      </Anchor>
                    )}
                  </Stack>
                </Card>
              )}
              <Card component="section" aria-labelledby="revisions-title">
                <Stack gap="sm">
                  <Title order={2} id="revisions-title" size="h3">
                    Revision history
                  </Title>
                  <QueryState loading={revisions.loading} error={revisions.error} data={revisions.data?.caseStudyRevisions}>
                    {(list) => <RevisionHistory revisions={list} currentId={cs.id} />}
                  </QueryState>
                </Stack>
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

/** Edit and Submit for drafts; Start a revision for submitted ones; Withdraw for anything not withdrawn. */
function MemberActions({ cs, onSubmitError }: { cs: CaseStudy; onSubmitError: (error: ErrorDescription | null) => void }) {
  const navigate = useNavigate();
  const [submit, submitState] = useMutation(submitCaseStudyMutation, refetchAfter('submitCaseStudy', { caseStudyId: cs.id }));
  const [revise, reviseState] = useMutation(reviseCaseStudyMutation);
  const [reviseError, setReviseError] = useState<ErrorDescription | null>(null);
  const canRevise = cs.status !== 'draft' && cs.status !== 'withdrawn' && !cs.supersededAt;

  const submitNow = async () => {
    onSubmitError(null);
    try {
      await submit({ variables: { id: cs.id } });
      notifications.show({ color: 'teal', title: 'Submitted for verification', message: 'An independent reviewer will check it.' });
    } catch (error) {
      onSubmitError(describeError(error));
    }
  };
  const startRevision = async () => {
    setReviseError(null);
    try {
      const { data } = await revise({ variables: { id: cs.id } });
      if (data) await navigate(`/case-studies/${data.reviseCaseStudy.id}/edit`);
    } catch (error) {
      setReviseError(describeError(error));
    }
  };

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm">
        {cs.editable && (
          <>
            <Button component={Link} to={`/case-studies/${cs.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
              Edit
            </Button>
            <Button color="teal" leftSection={<IconSend size={16} aria-hidden />} loading={submitState.loading} onClick={() => void submitNow()}>
              Submit for verification
            </Button>
          </>
        )}
        {canRevise && (
          <Button variant="light" leftSection={<IconGitBranch size={16} aria-hidden />} loading={reviseState.loading} onClick={() => void startRevision()}>
            Start a revision
          </Button>
        )}
        {cs.status !== 'withdrawn' && <WithdrawButton caseStudyId={cs.id} title={cs.title} />}
      </Group>
      <FormErrorAlert error={reviseError} title="Could not start a revision" />
    </Stack>
  );
}
