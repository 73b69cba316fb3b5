import { useState } from 'react';
import { Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router-dom';
import type { FollowUpCheckQuery } from '../../../gql/graphql';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { FormErrorAlert } from '../../../ui/forms';
import { QueryState } from '../../../ui/QueryState';
import { ThankYou } from '../components/ThankYou';
import { tokenProblem, TokenProblemPage } from '../components/TokenProblem';
import { answerFollowUpMutation } from '../graphql/answer-follow-up.mutation';
import { followUpCheckQuery } from '../graphql/follow-up-check.query';

/** `/f/:token`: the +6/+12-month check — one question, two big buttons. */
export function FollowUpPage() {
  const { token = '' } = useParams();
  const { data, loading, error } = useQuery(followUpCheckQuery, { variables: { token }, fetchPolicy: 'network-only' });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.followUpCheck}
      skeleton={
        <Stack gap="md" maw={560} mx="auto">
          <Skeleton height={34} width="80%" />
          <Skeleton height={56} />
          <Skeleton height={56} />
        </Stack>
      }
      renderError={(description) => {
        const problem = tokenProblem(description, 'check');
        return problem ? <TokenProblemPage problem={problem} /> : undefined;
      }}
    >
      {(check) => <FollowUp token={token} check={check} />}
    </QueryState>
  );
}

function FollowUp({ token, check }: { token: string; check: FollowUpCheckQuery['followUpCheck'] }) {
  useDocumentTitle(`Is it still in production? · Assay`);
  const [answer, { loading }] = useMutation(answerFollowUpMutation);
  const [choice, setChoice] = useState<boolean | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);

  const send = async (stillInProduction: boolean) => {
    setChoice(stillInProduction);
    setError(null);
    try {
      await answer({ variables: { token, stillInProduction } });
      setDone(true);
    } catch (err) {
      setError(describeError(err));
    }
  };

  const problem = error ? tokenProblem(error, 'check') : null;
  if (problem) return <TokenProblemPage problem={problem} />;
  if (done) return <ThankYou title="Thank you!">Your answer is recorded. It helps buyers see which systems last.</ThankYou>;

  return (
    <Stack gap="lg" maw={560} mx="auto">
      <Stack gap="sm">
        <Text c="dimmed" fw={600}>
          {check.monthsAfter}-month check
        </Text>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          Is “{check.caseStudyTitle}” still in production?
        </Title>
        <Text size="lg">
          {check.monthsAfter} months ago you confirmed this project by {check.vendorName}. Is the system still in use today? One tap is all it takes.
        </Text>
      </Stack>
      <Stack gap="sm">
        <Button size="xl" color="teal" fullWidth leftSection={<IconCheck size={22} aria-hidden />} loading={loading && choice === true} disabled={loading} onClick={() => void send(true)}>
          Yes, still in production
        </Button>
        <Button size="xl" variant="default" fullWidth leftSection={<IconX size={22} aria-hidden />} loading={loading && choice === false} disabled={loading} onClick={() => void send(false)}>
          No, not any more
        </Button>
      </Stack>
      <FormErrorAlert error={error} title="Your answer was not recorded" />
    </Stack>
  );
}
