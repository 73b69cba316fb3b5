import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const ReferenceQuestionnairePage = lazy(() => import('./pages/ReferenceQuestionnairePage').then((m) => ({ default: m.ReferenceQuestionnairePage })));
const FollowUpPage = lazy(() => import('./pages/FollowUpPage').then((m) => ({ default: m.FollowUpPage })));

/** The public pages behind emailed single-use links (no account needed). */
export const referenceCheckRoutes: RouteObject[] = [
  { path: 'r/:token', element: <ReferenceQuestionnairePage /> },
  { path: 'f/:token', element: <FollowUpPage /> },
];
