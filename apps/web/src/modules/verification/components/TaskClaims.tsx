import { Stack, Text } from '@mantine/core';
import type { VerificationTaskDetailFragment } from '../../../gql/graphql';
import { Fact, FactList, ProblemAndApproach, StackTags } from '../../../ui/Facts';
import { formatDate, plural } from '../../../ui/format';
import { HANDOVER, PRODUCTION_STATUS } from '../../../ui/labels';

type CaseStudy = VerificationTaskDetailFragment['caseStudy'];

function production(cs: CaseStudy): string {
  if (cs.productionStatus === 'in_production') return cs.productionSince ? `In production since ${formatDate(cs.productionSince)}` : PRODUCTION_STATUS.in_production;
  if (cs.productionStatus === 'retired') return `Retired${cs.retiredOn ? ` on ${formatDate(cs.retiredOn)}` : ''}`;
  return PRODUCTION_STATUS.poc_only;
}

/** What the vendor claims about the engagement (the outcomes are compared with the answers separately). */
export function TaskClaims({ cs }: { cs: CaseStudy }) {
  return (
    <Stack gap="md">
      <FactList minColumn={200}>
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
            <StackTags tags={cs.stackTags} />
          </Fact>
      </FactList>
      <ProblemAndApproach problem={cs.problem} approach={cs.approach} headingOrder={3} emptyText="Not described." />
    </Stack>
  );
}
