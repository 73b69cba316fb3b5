import { Group, Stack, Text, Title } from '@mantine/core';
import type { CaseStudyDetailFragment } from '../../../gql/graphql';
import { Fact, FactList, ProblemAndApproach, StackTags } from '../../../ui/Facts';
import { formatDate, plural } from '../../../ui/format';
import { AnonymisedBadge } from './AnonymisedBadge';
import { ClientDomainStandingBadge } from './ClientDomainStandingBadge';
import { HANDOVER_OWN as HANDOVER, PRODUCTION_STATUS } from '../../../ui/labels';
import { OutcomesTable } from './OutcomesTable';

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
        <FactList minColumn={factColumns === 4 ? 160 : 240}>
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
              {cs.client.domainStanding && <ClientDomainStandingBadge standing={cs.client.domainStanding} />}
            </Fact>
            <Fact term="When">{period(cs)}</Fact>
            <Fact term="Team">{cs.teamSize ? plural(cs.teamSize, 'person', 'people') : 'Not given'}</Fact>
            <Fact term="Stack">
              <StackTags tags={cs.stackTags} />
            </Fact>
        </FactList>
        <ProblemAndApproach problem={cs.problem} approach={cs.approach} headingOrder={sub} emptyText="Not described yet." />
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
        <FactList minColumn={240}>
          <Fact term="Production">{production(cs)}</Fact>
          <Fact term="Who runs it now">{HANDOVER[cs.handover]}</Fact>
        </FactList>
      </Stack>
    </Stack>
  );
}
