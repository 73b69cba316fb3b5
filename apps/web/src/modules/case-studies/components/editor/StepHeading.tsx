import type { ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';

/**
 * The heading of the visible step. It takes focus when the step changes (see
 * CaseStudyEditor), so screen readers announce where the user now is.
 */
export function StepHeading({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={2} id={id} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {children && (
        <Text c="dimmed" size="sm" maw={760}>
          {children}
        </Text>
      )}
    </Stack>
  );
}
