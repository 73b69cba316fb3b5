import type { ReactNode } from 'react';
import { Badge, Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { VerificationTaskDetailFragment } from '../../../gql/graphql';
import { formatDate, plural } from '../../../ui/format';
import { HANDOVER, PRODUCTION } from './labels';

type CaseStudy = VerificationTaskDetailFragment['caseStudy'];

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function production(cs: CaseStudy): string {
  if (cs.productionStatus === 'in_production') return cs.productionSince ? `In production since ${formatDate(cs.productionSince)}` : PRODUCTION.in_production;
  if (cs.productionStatus === 'retired') return `Retired${cs.retiredOn ? ` on ${formatDate(cs.retiredOn)}` : ''}`;
  return PRODUCTION.poc_only;
}

/** What the vendor claims about the engagement (the outcomes are compared with the answers separately). */
export function TaskClaims({ cs }: { cs: CaseStudy }) {
  return (
    <Stack gap="md">
      <Box component="dl" m={0}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
          <Fact term="Client">
            {cs.client.name ?? cs.client.displayName}
            {cs.client.domain && (
              <Text span size="sm" c="dimmed" fw={400} display="block">
                {cs.client.domain}
              </Text>
            )}
          </Fact>
          <Fact term="When">
            {cs.startedOn ? `${formatDate(cs.startedOn)} – ${cs.endedOn ? formatDate(cs.endedOn) : 'ongoing'}` : 'Not given'}
          </Fact>
          <Fact term="Team">{cs.teamSize ? plural(cs.teamSize, 'person', 'people') : 'Not given'}</Fact>
          <Fact term="Production (claimed)">{production(cs)}</Fact>
          <Fact term="Who runs it now (claimed)">{HANDOVER[cs.handover]}</Fact>
          <Fact term="Stack">
            {cs.stackTags.length ? (
              <Group gap={4} component="span">
                {cs.stackTags.map((tag) => (
                  <Badge key={tag} variant="light" color="gray" tt="none" fw={500}>
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              'Not given'
            )}
          </Fact>
        </SimpleGrid>
      </Box>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Title order={3} size="h4">
            The client’s problem
          </Title>
          <Text mt={4} style={{ whiteSpace: 'pre-wrap' }} c={cs.problem ? undefined : 'dimmed'}>
            {cs.problem || 'Not described.'}
          </Text>
        </div>
        <div>
          <Title order={3} size="h4">
            The approach
          </Title>
          <Text mt={4} style={{ whiteSpace: 'pre-wrap' }} c={cs.approach ? undefined : 'dimmed'}>
            {cs.approach || 'Not described.'}
          </Text>
        </div>
      </SimpleGrid>
    </Stack>
  );
}
