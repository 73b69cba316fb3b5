import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingSkeleton } from '../../../ui/QueryState';
import { signInPath } from '../hooks/safe-next';
import { useCurrentUser, type CurrentUser } from '../hooks/use-current-user';

/** Renders its children for a signed-in user; sends anyone else to sign in and back. */
export function RequireSignIn({ children }: { children: (me: CurrentUser) => ReactNode }) {
  const { me, loading, error, refetch } = useCurrentUser();
  const location = useLocation();
  if (loading) return <LoadingSkeleton />;
  if (error && !me) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <>{children(me)}</>;
}
