import { useState } from 'react';
import { Anchor, Button, Card, Divider, Fieldset, List, NumberInput, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router-dom';
import type { ReferenceQuestionnaireQuery } from '../../../gql/graphql';
import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';
import { formatDate } from '../../../ui/format';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { QueryState } from '../../../ui/QueryState';
import { initialAnswers, toAnswerInput, validateAnswers, type AnswerValues } from '../components/answer-form';
import { ChoiceCards, RatingScale } from '../components/ChoiceCards';
import { DeclineSection } from '../components/DeclineSection';
import { outcomeSentence } from '../components/outcome-sentence';
import { ThankYou } from '../components/ThankYou';
import { tokenProblem, TokenProblemPage } from '../components/TokenProblem';
import { useCurrentUser } from '../../accounts/hooks/use-current-user';
import { answerReferenceMutation } from '../graphql/answer-reference.mutation';
import { referenceQuestionnaireQuery } from '../graphql/reference-questionnaire.query';

type Questionnaire = ReferenceQuestionnaireQuery['referenceQuestionnaire'];

const ACHIEVED = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
  { value: 'cant_say', label: 'Can’t say' },
];
const IN_PRODUCTION = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'dont_know', label: 'Don’t know' },
];
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** `/r/:token`: the reference questionnaire — no account, one column, made for a phone. */
/** Answering while signed in links the answer to the account: say so before it is sent. */
function SignedInNote() {
  const { me } = useCurrentUser();
  if (!me?.emailVerified) return null;
  return (
    <Text size="sm" c="gray.7">
      You are signed in as {me.email}. Your answer will be linked to this account: if your organisation proved on Assay that it owns the client’s domain, that confirms the
      client for buyers. Sign out first to answer without it.
    </Text>
  );
}

export function ReferenceQuestionnairePage() {
  const { token = '' } = useParams();
  const { data, loading, error } = useQuery(referenceQuestionnaireQuery, { variables: { token }, fetchPolicy: 'network-only' });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.referenceQuestionnaire}
      skeleton={
        <Stack gap="md" maw={640} mx="auto">
          <Skeleton height={34} width="70%" />
          <Skeleton height={90} />
          <Skeleton height={220} />
        </Stack>
      }
      renderError={(description) => {
        const problem = tokenProblem(description, 'questionnaire');
        return problem ? <TokenProblemPage problem={problem} /> : undefined;
      }}
    >
      {(q) => <Questionnaire token={token} q={q} />}
    </QueryState>
  );
}

function Questionnaire({ token, q }: { token: string; q: Questionnaire }) {
  useDocumentTitle(`Confirm a project for ${q.vendorName} · Assay`);
  const [outcome, setOutcome] = useState<'answered' | 'declined' | null>(null);
  const [linkProblem, setLinkProblem] = useState<ErrorDescription | null>(null);
  const [answer] = useMutation(answerReferenceMutation);
  const form = useForm<AnswerValues>({
    name: 'reference-answers',
    mode: 'controlled',
    initialValues: initialAnswers(q.outcomes.map((o) => o.id)),
    validate: validateAnswers,
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);

  // Used, expired, unknown or rate-limited: the whole page says so.
  const endsPage = (description: ErrorDescription) => {
    if (!tokenProblem(description, 'questionnaire')) return false;
    setLinkProblem(description);
    return true;
  };

  const submit = form.onSubmit(
    async (values) => {
      clearFormError();
      try {
        await answer({ variables: { token, input: toAnswerInput(values) } });
        setOutcome('answered');
      } catch (error) {
        if (!endsPage(describeError(error))) handleError(error);
      }
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      const node = first ? form.getInputNode(first) : null;
      const target = node?.matches('input, textarea') ? node : node?.querySelector<HTMLElement>('[role="radio"], input, textarea');
      (target ?? node)?.scrollIntoView({ block: 'center' });
      target?.focus({ preventScroll: true });
    },
  );

  if (linkProblem) return <TokenProblemPage problem={tokenProblem(linkProblem, 'questionnaire')!} />;
  if (outcome === 'answered') {
    return (
      <ThankYou title="Thank you!">
        Your answers are recorded. An independent reviewer will read them alongside {q.vendorName}’s evidence. Your link now no longer works, so
        nobody else can answer in your name.
      </ThankYou>
    );
  }
  if (outcome === 'declined') {
    return <ThankYou title="Thank you for letting us know">We recorded that you declined to answer. Nobody will ask you again about this project.</ThankYou>;
  }

  return (
    <Stack gap="xl" maw={640} mx="auto">
      <Stack gap="sm">
        <Title order={1}>Hello {q.contactName},</Title>
        <Text size="lg">
          {q.vendorName} says it delivered the project below for {q.clientName}. Would you confirm what was actually delivered? It takes about three
          minutes and needs no account.
        </Text>
        <Text size="sm" c="dimmed">
          An independent reviewer reads your answers alongside the consultancy’s evidence. This link works once, until {formatDate(q.expiresAt)}.
          Not able to answer?{' '}
          <Anchor href="#decline" inherit underline="always">
            You can decline
          </Anchor>
          .
        </Text>
      </Stack>

      <Card component="section" aria-labelledby="claim-title" bg="gray.0">
        <Stack gap="sm">
          <Text size="sm" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            What {q.vendorName} claims
          </Text>
          <Title order={2} size="h3" id="claim-title" style={{ overflowWrap: 'anywhere' }}>
            {q.caseStudyTitle}
          </Title>
          <Text size="sm">For {q.clientName}</Text>
          {q.problem && <Text style={{ whiteSpace: 'pre-wrap' }}>{q.problem}</Text>}
          {q.outcomes.length > 0 && (
            <List spacing={6}>
              {q.outcomes.map((o) => (
                <List.Item key={o.id}>{outcomeSentence(o)}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Card>

      <form onSubmit={submit} noValidate aria-labelledby="answers-title">
        <Stack gap="xl">
          <Title order={2} id="answers-title">
            Your answers
          </Title>

          {q.outcomes.map((o, index) => (
            <Fieldset key={o.id} legend={o.metricName} variant="filled" styles={{ legend: { fontWeight: 600 } }}>
              <Stack gap="md">
                <Text>{outcomeSentence(o)}.</Text>
                <ChoiceCards label="Was this achieved?" choices={ACHIEVED} {...form.getInputProps(`outcomes.${index}.achieved`)} />
                <NumberInput
                  label={`What value did you see?${o.unit.trim() ? ` (${o.unit.trim()})` : ''}`}
                  description="Optional. Only if you know it."
                  size="md"
                  inputMode="decimal"
                  decimalScale={6}
                  {...form.getInputProps(`outcomes.${index}.observedValue`)}
                />
              </Stack>
            </Fieldset>
          ))}

          <ChoiceCards label="Is it in production now?" description="Is the system in daily use today?" choices={IN_PRODUCTION} phoneColumns={3} {...form.getInputProps('inProduction')} />

          <RatingScale
            label="Can your team run it without the consultancy?"
            description="Optional. Skip if you don’t know."
            low="Not without them"
            high="Fully on our own"
            {...form.getInputProps('handoverRating')}
          />

          <Stack gap="lg" component="section" aria-labelledby="working-title">
            <Title order={3} id="working-title">
              Working with {q.vendorName}
            </Title>
            <RatingScale label="Did they deliver on time?" description="Optional." low="Very late" high="Fully on time" {...form.getInputProps('onTime')} />
            <RatingScale label="Did they stay on budget?" description="Optional." low="Far over" high="On budget" {...form.getInputProps('onBudget')} />
            <RatingScale label="How was their communication?" description="Optional." low="Poor" high="Excellent" {...form.getInputProps('communication')} />
            <ChoiceCards label="Would you hire them again?" choices={YES_NO} {...form.getInputProps('wouldHireAgain')} />
          </Stack>

          <Textarea
            label="Anything else?"
            description="Optional. What went well, what did not, anything a future client should know."
            autosize
            minRows={3}
            maxLength={4000}
            size="md"
            {...form.getInputProps('comments')}
          />

          <FormErrorAlert error={formError} title="Your answers were not sent" />
          <SignedInNote />
          <Button type="submit" size="lg" fullWidth leftSection={<IconSend size={18} aria-hidden />} loading={form.submitting}>
            Send answers
          </Button>
        </Stack>
      </form>

      <Divider />
      <DeclineSection token={token} onDeclined={() => setOutcome('declined')} onLinkProblem={endsPage} />
    </Stack>
  );
}
