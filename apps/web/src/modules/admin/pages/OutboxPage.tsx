import { Accordion, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDateTime } from '../../../ui/format';
import { accessNotice } from '../../../ui/AccessNotice';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { MailStatusBadge } from '../components/MailStatusBadge';
import { MailText } from '../components/MailText';
import { outboxQuery } from '../graphql/outbox.query';

const PAGE_SIZE = 25;

/** `/admin/outbox`: every mail Assay sent or kept (admins only). */
export function OutboxPage() {
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description="Every mail Assay sent, or kept here because no mail server is configured (development). Newest first."
      />
      <RequireSignIn>{() => <Outbox />}</RequireSignIn>
    </>
  );
}

function Outbox() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const { data, loading, error, refetch } = useQuery(outboxQuery, {
    variables: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const goTo = (target: number) => setParams(target > 1 ? { page: String(target) } : {});

  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.outbox}
      onRetry={() => void refetch()}
      skeleton={
        <Stack gap="xs">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={56} />
          ))}
        </Stack>
      }
      renderError={accessNotice('admins', 'The mail outbox holds other people’s invitations and links, so only Assay admins can open it.')}
      isEmpty={(outbox) => outbox.total === 0}
      empty={
        <EmptyMessage
          icon={<IconMail aria-hidden />}
          title="The outbox is empty"
          description="Invitations and other mails Assay sends will appear here."
        />
      }
    >
      {(outbox) => {
        const first = (page - 1) * PAGE_SIZE + 1;
        const last = Math.min(outbox.total, first + outbox.items.length - 1);
        const pages = Math.max(1, Math.ceil(outbox.total / PAGE_SIZE));
        return (
          <Stack gap="md">
            <Text size="sm" c="dimmed" role="status">
              {outbox.items.length > 0 ? `Mails ${first}–${last} of ${outbox.total}` : `No mails on page ${page}.`}
            </Text>
            {outbox.items.length > 0 && (
              <Accordion variant="separated" chevronPosition="right">
                {outbox.items.map((mail) => (
                  <Accordion.Item key={mail.id} value={mail.id}>
                    <Accordion.Control>
                      <Group justify="space-between" gap="xs" wrap="wrap">
                        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
                          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {mail.subject}
                          </Text>
                          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            To {mail.to} · {formatDateTime(mail.createdAt)}
                          </Text>
                        </Stack>
                        <MailStatusBadge status={mail.status} />
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <Stack gap="xs">
                        <MailText text={mail.text} />
                        <Text size="xs" c="dimmed">
                          {mail.transport ? `Transport: ${mail.transport}. ` : ''}
                          {mail.sentAt ? `Sent ${formatDateTime(mail.sentAt)}. ` : ''}
                          {`Attempts: ${mail.attempts}.`}
                        </Text>
                      </Stack>
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            )}
            {pages > 1 && (
              <Group component="nav" aria-label="Outbox pages" justify="space-between">
                <Button variant="default" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                  Previous page
                </Button>
                <Text size="sm">
                  Page {page} of {pages}
                </Text>
                <Button variant="default" disabled={page >= pages} onClick={() => goTo(page + 1)}>
                  Next page
                </Button>
              </Group>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
