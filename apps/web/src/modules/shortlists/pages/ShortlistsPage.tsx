import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconScale } from '@tabler/icons-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { TableScroll } from '../../../ui/TableScroll';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { formatInterval, formatShare } from '../../signals';
import { ShortlistItemNote } from '../components/ShortlistItemNote';
import { myShortlistsQuery } from '../graphql/my-shortlists.query';
import { removeFromShortlistMutation } from '../graphql/remove-from-shortlist.mutation';
import { refetchAfter } from '../../../app/refetch-policy';

/** `/shortlists`: the shortlists of the buyer organizations the user belongs to, shared with colleagues. */
export function ShortlistsPage() {
  useDocumentTitle('Shortlists · Assay');
  return <RequireSignIn>{() => <Shortlists />}</RequireSignIn>;
}

function Shortlists() {
  const { data, loading, error, refetch } = useQuery(myShortlistsQuery, { fetchPolicy: 'cache-and-network' });
  const [remove] = useMutation(removeFromShortlistMutation, refetchAfter('removeFromShortlist'));
  return (
    <>
      <PageHeader title="Shortlists" description="Your organization’s shortlists: every member sees the same lists and notes. Each week, members get an email when a shortlisted consultancy’s signals or flags change." />
      <QueryState
        loading={loading}
        error={error}
        data={data?.myShortlists}
        onRetry={() => void refetch()}
        skeleton={<CardSkeletons count={2} height={160} />}
        isEmpty={(lists) => lists.length === 0}
        empty={
          <EmptyMessage
            title="No shortlists yet"
            description="Open a consultancy and choose “Save to shortlist” to start one."
            actions={
              <Button component={Link} to="/consultancies">
                Search consultancies
              </Button>
            }
          />
        }
      >
        {(lists) => (
          <Stack gap="lg">
            {lists.map((list) => (
              <Card key={list.id} withBorder padding="lg" component="section" aria-labelledby={`shortlist-${list.id}`}>
                <Group justify="space-between" mb="sm">
                  <div>
                    <Title order={2} size="h3" id={`shortlist-${list.id}`}>
                      {list.name}
                    </Title>
                    <Text size="sm" c="gray.7">
                      {list.organizationName} · started {formatDate(list.createdAt)}
                    </Text>
                  </div>
                  {list.items.length > 0 && (
                    <Button component={Link} variant="default" to={`/compare?ids=${list.items.slice(0, 5).map((i) => i.vendorId).join(',')}`} leftSection={<IconScale size={16} aria-hidden />}>
                      Compare {list.items.length > 5 ? 'the first 5' : 'them'}
                    </Button>
                  )}
                </Group>
                {list.items.length === 0 ? (
                  <Text size="sm">Nothing on this list yet.</Text>
                ) : (
                  <TableScroll label={`Consultancies on ${list.name}`} minWidth={640}>
                    <Table verticalSpacing="sm">
                      <thead>
                        <tr>
                          <th scope="col" style={{ textAlign: 'left' }}>Consultancy</th>
                          <th scope="col" style={{ textAlign: 'left' }}>Assay score</th>
                          <th scope="col" style={{ textAlign: 'left' }}>Note</th>
                          <th scope="col" style={{ textAlign: 'left' }}>
                            <VisuallyHidden>Actions</VisuallyHidden>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {list.items.map((item) => {
                          const s = item.vendor?.signals;
                          const name = item.vendor?.name ?? 'A removed consultancy';
                          return (
                            <tr key={item.id}>
                              <td>
                                <Anchor component={Link} to={`/consultancies/${item.vendorId}`} fw={600}>
                                  {name}
                                </Anchor>
                                {item.changedSinceDigest && (
                                  <Badge ml="xs" size="sm" color="orange" variant="light" tt="none">
                                    Changed
                                  </Badge>
                                )}
                              </td>
                              <td>
                                <Text size="sm">{s ? `${formatShare(s.assay.mean)} (${formatInterval(s.assay.lower, s.assay.upper)})` : 'No evidence yet'}</Text>
                              </td>
                              <td style={{ minWidth: 240 }}>
                                <ShortlistItemNote itemId={item.id} note={item.note} vendorName={name} />
                              </td>
                              <td>
                                <Button variant="subtle" color="red" size="compact-sm" onClick={() => void remove({ variables: { itemId: item.id } })} aria-label={`Remove ${name} from ${list.name}`}>
                                  Remove
                                </Button>
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </Table>
                  </TableScroll>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
