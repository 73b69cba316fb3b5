import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons or links aligned to the right of the title (below it on phones). */
  actions?: ReactNode;
  /** Shown above the title, e.g. a back link or a kind badge. */
  eyebrow?: ReactNode;
}

/** The single h1 of a page; also sets the document title. */
export function PageHeader({ title, description, actions, eyebrow }: PageHeaderProps) {
  useDocumentTitle(`${title} · Assay`);
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="xl" wrap="wrap">
      <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
        {eyebrow}
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {description && (
          <Text component="div" c="dimmed" size="md" maw={720}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
