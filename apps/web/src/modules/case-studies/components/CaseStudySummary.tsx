import type { ReactNode } from 'react';
import { Badge, Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CaseStudyDetailFragment } from '../../../gql/graphql';
import { formatDate, plural } from '../../../ui/format';
import { AnonymisedBadge } from './AnonymisedBadge';
import { HANDOVER, PRODUCTION_STATUS } from './labels';
import { OutcomesTable } from './OutcomesTable';

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

function period(cs: CaseStudyDetailFragment): string {
  if (!cs.startedOn) return 'Not given';
  return cs.endedOn ? `${formatDate(cs.startedOn)} – ${formatDate(cs.endedOn)}` : `Since ${formatDate(cs.startedOn)}`;
}

function production(cs: CaseStudyDetailFragment): string {
  if (cs.productionStatus === 'in_production') return `In production since ${formatDate(cs.productionSince)}`;
  if (cs.productionStatus === 'retired') return `In production ${formatDate(cs.productionSince)} – ${formatDate(cs.retiredOn)}, now retired`;
  return PRODUCTION_STATUS.poc_only;
}

/**
 * Every field of a case study, as the vendor entered it. `headingLevel` lets the
 * review step (under an h2) and the detail page (under an h1) keep the outline right;
 * `factColumns` fits the facts to the width the summary gets.
 */
export function CaseStudySummary({ cs, headingLevel = 2, factColumns = 4 }: { cs: CaseStudyDetailFragment; headingLevel?: 2 | 3; factColumns?: 2 | 4 }) {
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby={`cs-${cs.id}-engagement`}>
        <Title order={headingLevel} id={`cs-${cs.id}-engagement`}>
          The engagement
        </Title>
        <Box component="dl" m={0}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: factColumns }} spacing="md" verticalSpacing="md">
            <Fact term="Client">
              <Group gap={6} component="span">
                {cs.client.name ?? cs.client.displayName}
                {cs.client.anonymised && <AnonymisedBadge />}
              </Group>
              {cs.client.domain && (
                <Text span size="sm" c="dimmed" fw={400} display="block">
                  {cs.client.domain}
                </Text>
              )}
            </Fact>
            <Fact term="When">{period(cs)}</Fact>
            <Fact term="Team">{cs.teamSize ? plural(cs.teamSize, 'person', 'people') : 'Not given'}</Fact>
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
            <Title order={sub} size="h4">
              The client’s problem
            </Title>
            <Text mt={4} style={{ whiteSpace: 'pre-wrap' }} c={cs.problem ? undefined : 'dimmed'}>
              {cs.problem || 'Not described yet.'}
            </Text>
          </div>
          <div>
            <Title order={sub} size="h4">
              The approach
            </Title>
            <Text mt={4} style={{ whiteSpace: 'pre-wrap' }} c={cs.approach ? undefined : 'dimmed'}>
              {cs.approach || 'Not described yet.'}
            </Text>
          </div>
        </SimpleGrid>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby={`cs-${cs.id}-outcomes`}>
        <Title order={headingLevel} id={`cs-${cs.id}-outcomes`}>
          Outcomes
        </Title>
        {cs.outcomes.length ? (
          <OutcomesTable outcomes={cs.outcomes} />
        ) : (
          <Text c="dimmed">No outcomes yet. A case study is verified against its outcomes, so it needs at least one.</Text>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby={`cs-${cs.id}-production`}>
        <Title order={headingLevel} id={`cs-${cs.id}-production`}>
          Production and handover
        </Title>
        <Box component="dl" m={0}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Fact term="Production">{production(cs)}</Fact>
            <Fact term="Who runs it now">{HANDOVER[cs.handover]}</Fact>
          </SimpleGrid>
        </Box>
      </Stack>
    </Stack>
  );
}
