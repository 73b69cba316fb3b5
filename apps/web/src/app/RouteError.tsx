import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router-dom';

/**
 * Last resort when rendering a route throws (a bug, or a code chunk that failed to
 * load after a deploy): say so plainly and offer a reload, never a stack trace.
 */
export function RouteError() {
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Container size="sm" py={64}>
      <Stack gap="md" role="alert">
        <Title order={1}>Something went wrong</Title>
        <Text>This page could not be shown. Reloading usually helps; if it keeps happening, please tell us.</Text>
        <div>
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
        </div>
      </Stack>
    </Container>
  );
}
