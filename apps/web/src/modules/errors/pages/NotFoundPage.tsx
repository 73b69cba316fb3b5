import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router-dom';

/** Any path no route matches. */
export function NotFoundPage() {
  useDocumentTitle('Page not found · Assay');
  return (
    <Stack gap="md" maw={560} py="xl">
      <Text fw={700} c="indigo.9" size="sm">
        404
      </Text>
      <Title order={1}>Page not found</Title>
      <Text c="dimmed">The page you were looking for does not exist, or it has moved. Check the address, or start again from one of these pages.</Text>
      <Group gap="sm">
        <Button component={Link} to="/">
          Go to the home page
        </Button>
        <Button component={Link} to="/consultancies" variant="default">
          Browse consultancies
        </Button>
      </Group>
    </Stack>
  );
}
