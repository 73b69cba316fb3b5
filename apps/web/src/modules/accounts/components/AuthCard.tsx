import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

/** The narrow centred card that holds the sign-in and sign-up forms. */
export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  useDocumentTitle(`${title} · Assay`);
  return (
    <Stack maw={440} mx="auto" w="100%" gap="lg" py={{ base: 0, sm: 'md' }}>
      <Stack gap={6}>
        <Title order={1}>{title}</Title>
        {subtitle && <Text c="dimmed">{subtitle}</Text>}
      </Stack>
      <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }}>
        {children}
      </Paper>
      {footer && (
        <Text size="sm" ta="center">
          {footer}
        </Text>
      )}
    </Stack>
  );
}
