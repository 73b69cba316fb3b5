import type { ReactNode } from 'react';
import { Badge, Box, Group, SimpleGrid, Text, Title } from '@mantine/core';

/**
 * A `<dl>` of Facts laid out as a grid: every term/value pair is a `<div>` directly in the
 * `<dl>` (the only structure HTML and screen readers accept; a layout wrapper in between
 * breaks it). `minColumn` is the narrowest a column gets before the grid wraps.
 */
export function FactList({ children, minColumn = 200, gap = 'md' }: { children: ReactNode; minColumn?: number; gap?: 'xs' | 'sm' | 'md' }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${minColumn}px), 1fr))`, gap: `var(--mantine-spacing-${gap})` }}
    >
      {children}
    </Box>
  );
}

/** One term and its value in a `<dl>`; `compact` for small cards (a receipt). */
export function Fact({ term, children, compact = false }: { term: string; children: ReactNode; compact?: boolean }) {
  return (
    <div>
      <Text component="dt" size={compact ? 'xs' : 'sm'} c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} fw={compact ? undefined : 500} size={compact ? 'sm' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** A case study's stack as tags, or "Not given". */
export function StackTags({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return <>Not given</>;
  return (
    <Group gap={4} component="span">
      {tags.map((tag) => (
        <Badge key={tag} variant="light" color="gray" tt="none" fw={500}>
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

/** The client's problem and the approach, side by side on wide screens; `emptyText` when one is missing. */
export function ProblemAndApproach({ problem, approach, headingOrder, emptyText }: { problem: string | null | undefined; approach: string | null | undefined; headingOrder: 3 | 4; emptyText: string }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {[
        { title: 'The client’s problem', text: problem },
        { title: 'The approach', text: approach },
      ].map(({ title, text }) => (
        <div key={title}>
          <Title order={headingOrder} size="h4">
            {title}
          </Title>
          <Text mt={4} style={{ whiteSpace: 'pre-wrap' }} c={text ? undefined : 'dimmed'}>
            {text || emptyText}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
