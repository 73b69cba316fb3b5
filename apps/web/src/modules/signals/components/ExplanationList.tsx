import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EVIDENCE_KIND_LABELS, formatEffect, formatWeight, WEIGHT_FACTOR_LABELS } from './signal-format';

/** One evidence item of an explanation, as the API returns it (`ExplanationItem`). */
export interface ExplanationItemLike {
  evidenceId: string;
  caseStudyId?: string | null;
  kind: string;
  /** 0..1: how many fully trusted, fresh observations the item is worth. */
  weight: number;
  factors: ReadonlyArray<{ factor: string; value: number }>;
  /** Change of the signal's estimate caused by the item (with it − without it). */
  effect: number;
  sentence: string;
}

export interface ExplanationListProps {
  /** The signal the items explain (`SignalExplanation.signal`); decides how effects are written. */
  signal: string;
  items: readonly ExplanationItemLike[];
  /** Items shown before "Show all"; default 5. */
  limit?: number;
  /** Links an item to its case study (e.g. `/case-studies/:id`); no link when absent. */
  caseStudyHref?: (caseStudyId: string) => string;
  /** Shown when nothing moved the signal yet. */
  emptyText?: string;
  /** Spell out the factors of each weight (the library's sentences already name them). Default: false. */
  withFactors?: boolean;
}

/**
 * Why a signal is what it is: the evidence that moved it, most influential first, each
 * with its sentence, its weight (and the factors of the weight) and its effect on the estimate.
 */
export function ExplanationList({
  signal,
  items,
  limit = 5,
  caseStudyHref,
  emptyText = 'No evidence has moved this signal yet: it still shows the “we don’t know yet” prior.',
  withFactors = false,
}: ExplanationListProps) {
  const [showAll, setShowAll] = useState(false);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  const sorted = [...items].sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  const visible = showAll ? sorted : sorted.slice(0, limit);
  return (
    <Stack gap="xs">
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {visible.map((item) => (
          <ExplanationRow key={`${item.kind}:${item.evidenceId}`} signal={signal} item={item} caseStudyHref={caseStudyHref} withFactors={withFactors} />
        ))}
      </Stack>
      {sorted.length > limit && (
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll ? 'Show the most influential only' : `Show all ${sorted.length} items`}
        </Button>
      )}
    </Stack>
  );
}

function ExplanationRow({ signal, item, caseStudyHref, withFactors }: { signal: string; item: ExplanationItemLike; caseStudyHref?: (id: string) => string; withFactors: boolean }) {
  const effect = formatEffect(signal, item.effect);
  const direction = effect === 'no visible effect' ? 'none' : item.effect > 0 ? 'up' : 'down';
  const factors = item.factors.map((f) => `${WEIGHT_FACTOR_LABELS[f.factor] ?? f.factor.replace(/_/g, ' ')} ${formatWeight(f.value)}`).join(' × ');
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={direction === 'up' ? 'teal' : direction === 'down' ? 'red' : 'gray'} tt="none" aria-label={`Effect on the estimate: ${effect}`}>
            {effect}
          </Badge>
          <Badge variant="outline" color="gray" tt="none" style={{ color: 'var(--mantine-color-gray-8)' }}>
            {EVIDENCE_KIND_LABELS[item.kind] ?? item.kind}
          </Badge>
          <Text size="xs" c="dimmed">
            Weight {formatWeight(item.weight)}
            {withFactors && factors && ` = ${factors}`}
          </Text>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.sentence}
        </Text>
        {item.caseStudyId && caseStudyHref && (
          <Anchor component={Link} to={caseStudyHref(item.caseStudyId)} size="xs" w="fit-content">
            Open the case study
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
