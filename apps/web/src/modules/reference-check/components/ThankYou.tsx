import { useEffect, useRef, type ReactNode } from 'react';
import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconHeartHandshake } from '@tabler/icons-react';

/** The page after an answer or a decline; focus moves to its heading. */
export function ThankYou({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(`${title} · Assay`);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <Stack gap="md" maw={560} mx="auto" py="xl" role="status">
      <ThemeIcon size={56} radius="xl" variant="light" color="teal">
        <IconHeartHandshake size={30} aria-hidden />
      </ThemeIcon>
      <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      <Text size="lg">{children}</Text>
      <Text c="dimmed">You can close this page.</Text>
    </Stack>
  );
}
