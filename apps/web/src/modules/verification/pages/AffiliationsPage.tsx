import { Card, Grid, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { AffiliationLabel } from '../components/AffiliationLabel';
import { BackLink } from '../../../ui/BackLink';
import { DeclareAffiliationForm } from '../components/DeclareAffiliationForm';
import { DeclareExpertiseForm } from '../components/DeclareExpertiseForm';
import { myAffiliationsQuery } from '../graphql/my-affiliations.query';

/** `/review/affiliations`: what the reviewer is tied to, so conflicted tasks are kept from them. */
export function AffiliationsPage() {
  return (
    <>
      <PageHeader
        title="Your affiliations and expertise"
        eyebrow={<BackLink to="/review">Your review tasks</BackLink>}
        description="Declare every company you work for, worked for recently, or are otherwise tied to: you are never offered tasks about them, and buyers can trust that. Declare the fields you can judge: their tasks are offered to you first."
      />
      <RequireSignIn>{() => <Affiliations />}</RequireSignIn>
    </>
  );
}

function Affiliations() {
  const { data, loading, error, refetch } = useQuery(myAffiliationsQuery);
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm" component="section" aria-labelledby="declared-title">
          <Title order={2} id="declared-title">
            Declared
          </Title>
          <QueryState
            loading={loading}
            error={error}
            data={data?.myAffiliations}
            onRetry={() => void refetch()}
            skeleton={<Skeleton height={120} />}
            isEmpty={(list) => list.length === 0}
            empty={<EmptyMessage icon={<IconShieldCheck aria-hidden />} title="No affiliations declared" description="If you have none, there is nothing to do. Your own email domain always counts." />}
          >
            {(list) => (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Declared affiliations">
                {list.map((a) => (
                  <Card component="li" key={a.id} padding="sm">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      <AffiliationLabel affiliation={a} />
                    </Text>
                    {a.note && (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {a.note}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      Declared {formatDate(a.declaredAt)}
                    </Text>
                  </Card>
                ))}
              </Stack>
            )}
          </QueryState>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card component="section" aria-labelledby="declare-title">
          <Stack gap="md">
            <Title order={2} size="h3" id="declare-title">
              Declare an affiliation
            </Title>
            <List size="sm" spacing={4}>
              <List.Item>Tasks about a consultancy or client you declare show as conflicted and cannot be claimed.</List.Item>
              <List.Item>Declarations cannot be withdrawn; they stay on record.</List.Item>
            </List>
            <DeclareAffiliationForm />
          </Stack>
        </Card>
        <Card component="section" aria-labelledby="expertise-title" mt="xl">
          <Stack gap="md">
            <Title order={2} size="h3" id="expertise-title">
              Your expertise
            </Title>
            <Text size="sm">Tasks of consultancies working in a field you declare are offered to you before reviewers without it. Who gets a task is still drawn at random, so declaring a field never lets you choose a consultancy.</Text>
            <DeclareExpertiseForm />
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
