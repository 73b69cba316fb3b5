import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Code, CopyButton, Grid, Group, Modal, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { IconCheck, IconCopy, IconWorld } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import type { ClientAnswerKind, ClientConfirmationsQuery } from '../../../gql/graphql';
import { BackLink } from '../../../ui/BackLink';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDate } from '../../../ui/format';
import { FormErrorAlert, useServerFormError } from '../../../ui/forms';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { describeError } from '../../../ui/errors/describe-error';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import {
  answerAsClientMutation,
  checkOrganizationDomainMutation,
  clientConfirmationsQuery,
  proveOrganizationDomainMutation,
} from '../graphql/client-confirmations';
import { CLIENT_ANSWER } from '../../../ui/labels';

type Data = ClientConfirmationsQuery;
type Domain = Data['organizationDomains'][number];
type Item = Data['clientCaseStudies'][number];

/** `/organizations/:id/client`: a buyer organisation proves its domains and answers for the case studies that name it. */
export function ClientCaseStudiesPage() {
  return <RequireSignIn>{() => <ClientCaseStudies />}</RequireSignIn>;
}

function ClientCaseStudies() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(clientConfirmationsQuery, { variables: { organizationId: id } });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data}
      onRetry={() => void refetch()}
      skeleton={
        <Stack gap="lg">
          <Skeleton height={36} width="50%" />
          <Skeleton height={160} />
          <Skeleton height={220} />
        </Stack>
      }
      renderError={(description) =>
        description.code === 'FORBIDDEN' || description.code === 'NOT_FOUND' ? (
          <Stack gap="lg">
            <BackLink to="/organizations">All your organizations</BackLink>
            <EmptyMessage title="You cannot open this page" description="Only members of a client (buyer) organisation see the case studies that name it." />
          </Stack>
        ) : undefined
      }
    >
      {(d) => <Details data={d} refetch={() => void refetch()} />}
    </QueryState>
  );
}

function Details({ data, refetch }: { data: Data; refetch: () => void }) {
  const org = data.organization;
  const isOwner = org.myRole === 'owner';
  const proven = data.organizationDomains.filter((d) => d.verified);
  return (
    <>
      <PageHeader
        title="Case studies that name you"
        eyebrow={<BackLink to={`/organizations/${org.id}`}>{org.name}</BackLink>}
        description={`Consultancies name ${org.name} as their client. Prove your domain, then say whether each case study is true: your answer is public evidence, and it weighs more than anything a vendor says.`}
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md" component="section" aria-labelledby="naming-title">
            <Title order={2} id="naming-title">
              Naming {org.name}
            </Title>
            {proven.length === 0 ? (
              <EmptyMessage icon={<IconWorld aria-hidden />} title="Prove a domain first" description="Case studies name their client by its domain. Once you prove yours, the ones that name it appear here." />
            ) : data.clientCaseStudies.length === 0 ? (
              <EmptyMessage title="No case study names you yet" description={`No consultancy has named ${proven.map((d) => d.domain).join(' or ')} as its client.`} />
            ) : (
              data.clientCaseStudies.map((item) => <CaseStudyItem key={item.caseStudy.id} item={item} organizationId={org.id} onAnswered={refetch} />)
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Card component="section" aria-labelledby="domains-title">
            <Stack gap="md">
              <Title order={2} id="domains-title" size="h3">
                Your domains
              </Title>
              {data.organizationDomains.length === 0 && (
                <Text size="sm" c="dimmed">
                  None yet.
                </Text>
              )}
              {data.organizationDomains.map((d) => (
                <DomainRow key={d.id} domain={d} canCheck={isOwner} />
              ))}
              {isOwner ? (
                <ProveDomainForm organizationId={org.id} onProven={refetch} />
              ) : (
                <Text size="sm" c="dimmed">
                  Only owners of {org.name} can add a domain.
                </Text>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

function DomainRow({ domain, canCheck }: { domain: Domain; canCheck: boolean }) {
  const [check, { loading }] = useMutation(checkOrganizationDomainMutation);
  const [problem, setProblem] = useState<string | null>(null);
  if (domain.verified) {
    return (
      <Group gap="xs" justify="space-between">
        <Text fw={600}>{domain.domain}</Text>
        <Badge color="teal" variant="light" tt="none" leftSection={<IconCheck size={12} aria-hidden />}>
          Proven {domain.method === 'member_email' ? 'by your address' : 'by DNS'}
        </Badge>
      </Group>
    );
  }
  return (
    <Stack gap={6}>
      <Group gap="xs" justify="space-between">
        <Text fw={600}>{domain.domain}</Text>
        <Badge color="gray" variant="light" tt="none">
          Waiting for DNS
        </Badge>
      </Group>
      <Text size="sm">Publish this TXT record at your DNS provider, then check it:</Text>
      <Text size="xs" c="dimmed">
        Name
      </Text>
      <Code block>{domain.txtRecordName}</Code>
      <Text size="xs" c="dimmed">
        Value
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {domain.txtRecordValue}
        </Code>
        <CopyButton value={domain.txtRecordValue ?? ''}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      {problem && (
        <Alert color="yellow" variant="light" title="Not found yet">
          {problem}
        </Alert>
      )}
      {canCheck && (
        <Button
          size="xs"
          variant="light"
          w="fit-content"
          loading={loading}
          onClick={async () => {
            setProblem(null);
            try {
              await check({ variables: { id: domain.id } });
              notifications.show({ color: 'teal', title: 'Domain proven', message: `${domain.domain} is now proven as yours.` });
            } catch (error) {
              setProblem(describeError(error).message);
            }
          }}
        >
          Check the record
        </Button>
      )}
    </Stack>
  );
}

function ProveDomainForm({ organizationId, onProven }: { organizationId: string; onProven: () => void }) {
  const [prove] = useMutation(proveOrganizationDomainMutation);
  const form = useForm<{ domain: string }>({
    name: 'prove-domain',
    mode: 'uncontrolled',
    initialValues: { domain: '' },
    validate: { domain: (v) => (v.trim() ? null : 'Enter your organisation’s domain, e.g. northwind.com.') },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form, { reasonFields: { DOMAIN_CLAIMED: 'domain' } });
  const submit = form.onSubmit(async (values) => {
    clearFormError();
    try {
      const { data } = await prove({ variables: { input: { organizationId, domain: values.domain.trim() } } });
      if (!data) return;
      form.reset();
      onProven();
      notifications.show(
        data.proveOrganizationDomain.verified
          ? { color: 'teal', title: 'Domain proven', message: `Your confirmed address is at ${data.proveOrganizationDomain.domain}, so it is proven.` }
          : { color: 'blue', title: 'One more step', message: `Publish the TXT record shown for ${data.proveOrganizationDomain.domain}, then check it.` },
      );
    } catch (error) {
      handleError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label="Add a domain"
          description="Proven at once if your own confirmed address is at it; otherwise by a DNS TXT record."
          placeholder="northwind.com"
          required
          key={form.key('domain')}
          {...form.getInputProps('domain')}
        />
        <FormErrorAlert error={formError} title="Could not add the domain" />
        <Button type="submit" variant="light" loading={form.submitting} w="fit-content">
          Add domain
        </Button>
      </Stack>
    </form>
  );
}

function CaseStudyItem({ item, organizationId, onAnswered }: { item: Item; organizationId: string; onAnswered: () => void }) {
  const cs = item.caseStudy;
  const [choice, setChoice] = useState<ClientAnswerKind | null>(null);
  return (
    <Card withBorder component="article" aria-labelledby={`cs-${cs.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Anchor component={Link} to={`/case-studies/${cs.id}`} fw={600} id={`cs-${cs.id}`}>
              {cs.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              By {cs.vendorName} · names {cs.client.domain ?? cs.client.displayName} · submitted {formatDate(cs.submittedAt)}
            </Text>
          </Stack>
          {item.answer && (
            <Badge color={CLIENT_ANSWER[item.answer.answer].color} variant="light" tt="none">
              {CLIENT_ANSWER[item.answer.answer].label}
            </Badge>
          )}
        </Group>
        {cs.outcomes.length > 0 && (
          <Text size="sm">
            Claims:{' '}
            {cs.outcomes.map((o, i) => (
              <span key={o.id}>
                {i > 0 && '; '}
                {o.metricName} from {o.baselineValue} to {o.claimedValue} {o.unit}
              </span>
            ))}
          </Text>
        )}
        {item.answer ? (
          <Text size="sm" c="dimmed">
            You answered on {formatDate(item.answer.answeredAt)}. An answer is final and public{item.answer.vendorReply ? '; the vendor replied.' : '.'}
          </Text>
        ) : (
          <Group gap="xs">
            {(Object.keys(CLIENT_ANSWER) as ClientAnswerKind[]).map((kind) => (
              <Button key={kind} size="xs" variant={kind === 'worked_with' ? 'light' : 'default'} color={kind === 'worked_with' ? 'teal' : undefined} onClick={() => setChoice(kind)}>
                {CLIENT_ANSWER[kind].button}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      <AnswerModal kind={choice} caseStudyId={cs.id} title={cs.title} vendorName={cs.vendorName} organizationId={organizationId} onClose={() => setChoice(null)} onAnswered={onAnswered} />
    </Card>
  );
}

/** Confirms the choice; a denial asks for the reason the vendor may answer. */
function AnswerModal(props: { kind: ClientAnswerKind | null; caseStudyId: string; title: string; vendorName: string; organizationId: string; onClose: () => void; onAnswered: () => void }) {
  const { kind } = props;
  const [answer] = useMutation(answerAsClientMutation);
  const denial = kind !== null && kind !== 'worked_with';
  const form = useForm<{ note: string }>({
    name: 'client-answer',
    mode: 'uncontrolled',
    initialValues: { note: '' },
    validate: { note: (v) => (denial && v.trim().length < 10 ? 'Say in a sentence what is wrong (at least 10 characters).' : null) },
  });
  const { formError, handleError, clearFormError } = useServerFormError(form);
  const close = () => {
    form.reset();
    clearFormError();
    props.onClose();
  };
  const submit = form.onSubmit(async (values) => {
    if (!kind) return;
    clearFormError();
    try {
      await answer({ variables: { input: { caseStudyId: props.caseStudyId, organizationId: props.organizationId, answer: kind, note: values.note.trim() || undefined } } });
      notifications.show({ color: 'teal', title: 'Answer recorded', message: denial ? `${props.vendorName} may reply; buyers read both.` : 'Thank you: buyers now see the case study confirmed by you.' });
      close();
      props.onAnswered();
    } catch (error) {
      handleError(error);
    }
  });
  return (
    <Modal opened={kind !== null} onClose={close} title={kind ? CLIENT_ANSWER[kind].button : ''} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            You answer for your organisation about “{props.title}” by {props.vendorName}. The answer is public and final, and it is recorded in Assay’s tamper-evident ledger.
          </Text>
          <Textarea
            label={denial ? 'What is wrong' : 'A note (optional)'}
            description={denial ? 'The vendor may reply once; buyers read both.' : undefined}
            autosize
            minRows={3}
            maxLength={2000}
            required={denial}
            data-autofocus
            key={form.key('note')}
            {...form.getInputProps('note')}
          />
          <FormErrorAlert error={formError} title="Could not record the answer" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting} color={denial ? 'red' : 'teal'}>
              Record the answer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
