import { Anchor, Box, Button, Collapse, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { topEvidenceSentences } from './evidence-sentences';
import { ExplanationList, type ExplanationItemLike } from './ExplanationList';

/**
 * "Why this score": the evidence that moved the Assay score most, in plain sentences, each
 * linking to its public case-study page and ledger receipt; the formula-level list behind a
 * "details" toggle. The public vendor page and the vendor's own page show the same sentences.
 */
export function WhyThisScore({ items, caseStudyTitles, headingLevel = 3 }: { items: readonly ExplanationItemLike[]; caseStudyTitles?: ReadonlyMap<string, string>; headingLevel?: 2 | 3 }) {
  const [open, details] = useDisclosure(false);
  const top = topEvidenceSentences(items);
  return (
    <Stack gap="xs" component="section" aria-labelledby="why-this-score">
      <Title order={headingLevel} size="h4" id="why-this-score">
        Why this score
      </Title>
      {top.length === 0 ? (
        <Text size="sm">No verified evidence has moved the score yet: it still shows what Assay assumes about a consultancy it knows nothing about.</Text>
      ) : (
        <List size="sm" spacing="xs" listStyleType="disc">
          {top.map((e) => {
            const title = e.caseStudyId ? caseStudyTitles?.get(e.caseStudyId) : undefined;
            return (
              <List.Item key={e.evidenceId}>
                <Text size="sm" span>
                  {e.sentence}
                </Text>
                {e.caseStudyId && (
                  <Group gap="md" component="span" ml={4} display="inline-flex">
                    <Anchor component={Link} to={`/case-studies/${e.caseStudyId}`} size="sm" underline="always" aria-label={`Case study${title ? ` “${title}”` : ''}: claims and verdicts`}>
                      Case study
                    </Anchor>
                    <Anchor component={Link} to={`/receipts/${e.caseStudyId}`} size="sm" underline="always" aria-label={`Ledger receipt${title ? ` of “${title}”` : ''}`}>
                      Ledger receipt
                    </Anchor>
                  </Group>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
      {items.length > 0 && (
        <Box>
          <Button variant="subtle" size="compact-sm" onClick={details.toggle} aria-expanded={open} rightSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}>
            {open ? 'Hide the details' : 'Details: weights and the formula behind each item'}
          </Button>
          <Collapse expanded={open}>
            <Box mt="xs">
              <ExplanationList signal="assay" items={items} caseStudyHref={(id) => `/case-studies/${id}`} withFactors />
            </Box>
          </Collapse>
        </Box>
      )}
    </Stack>
  );
}
