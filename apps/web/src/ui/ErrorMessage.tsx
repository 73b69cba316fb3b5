import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconRefresh } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { describeError, type ErrorDescription } from './errors/describe-error';

const TITLES: Partial<Record<ErrorDescription['code'], string>> = {
  UNAUTHENTICATED: 'Please sign in',
  FORBIDDEN: 'Not available to you',
  NOT_FOUND: 'Not found',
  NETWORK: 'Cannot reach Assay',
  RATE_LIMITED: 'Slow down a little',
};

interface ErrorMessageProps {
  error: unknown;
  /** Offers a "Try again" button (for errors that may be transient). */
  onRetry?: () => void;
  title?: string;
  children?: ReactNode;
}

/** A query's failure, in words, with the way forward (sign in, retry). */
export function ErrorMessage({ error, onRetry, title, children }: ErrorMessageProps) {
  const location = useLocation();
  const description = describeError(error);
  const isAccess = description.code === 'UNAUTHENTICATED' || description.code === 'FORBIDDEN';
  const retryable = onRetry && !isAccess && description.code !== 'NOT_FOUND' && description.code !== 'BAD_USER_INPUT';
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Alert
      role="alert"
      color={isAccess ? 'gray' : 'red'}
      variant="light"
      title={title ?? TITLES[description.code] ?? 'Something went wrong'}
      icon={isAccess ? <IconLock aria-hidden /> : <IconAlertTriangle aria-hidden />}
    >
      <Stack gap="sm">
        <Text size="sm">{description.message}</Text>
        {children}
        {(retryable || description.code === 'UNAUTHENTICATED') && (
          <Group gap="sm">
            {description.code === 'UNAUTHENTICATED' && (
              <Button component={Link} to={`/sign-in?next=${next}`} size="xs">
                Sign in
              </Button>
            )}
            {retryable && (
              <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
                Try again
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
