import type { ReactNode } from 'react';
import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { describeError, type ErrorDescription } from './errors/describe-error';
import { ErrorMessage } from './ErrorMessage';

interface QueryStateProps<T> {
  loading: boolean;
  error?: unknown;
  data: T | null | undefined;
  /** Renders the data once it is there and not empty. */
  children: (data: T) => ReactNode;
  /** When true, `empty` is rendered instead of the children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** The shape of the content while it loads; defaults to a few grey bars. */
  skeleton?: ReactNode;
  onRetry?: () => void;
  /** Replaces the standard error alert for some errors (return undefined to keep it). */
  renderError?: (error: ErrorDescription, raw: unknown) => ReactNode | undefined;
}

/**
 * Loading, error, empty and content states of one query, rendered the same way on
 * every page. Data already on screen stays while a refetch runs or fails.
 */
export function QueryState<T>({ loading, error, data, children, isEmpty, empty, skeleton, onRetry, renderError }: QueryStateProps<T>) {
  if (data != null) {
    if (isEmpty?.(data)) return <>{empty}</>;
    return <>{children(data)}</>;
  }
  if (error) {
    const custom = renderError?.(describeError(error), error);
    return <>{custom ?? <ErrorMessage error={error} onRetry={onRetry} />}</>;
  }
  if (loading) return <LoadingSkeleton>{skeleton}</LoadingSkeleton>;
  return null;
}

export function LoadingSkeleton({ children, label = 'Loading…' }: { children?: ReactNode; label?: string }) {
  return (
    <div aria-busy="true">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <div aria-hidden>
        {children ?? (
          <Stack gap="sm">
            <Skeleton height={28} width="40%" />
            <Skeleton height={16} />
            <Skeleton height={16} width="90%" />
            <Skeleton height={16} width="75%" />
          </Stack>
        )}
      </div>
    </div>
  );
}

/** A list of card-shaped placeholders, for lists that render cards. */
export function CardSkeletons({ count = 3, height = 120 }: { count?: number; height?: number }) {
  return (
    <Stack gap="md">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} height={height} radius="md" />
      ))}
    </Stack>
  );
}
