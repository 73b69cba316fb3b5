import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// Each page is its own chunk, like the rest of the app's pages.
const ReviewQueuePage = lazy(() => import('./pages/ReviewQueuePage').then((m) => ({ default: m.ReviewQueuePage })));
const ReviewTaskPage = lazy(() => import('./pages/ReviewTaskPage').then((m) => ({ default: m.ReviewTaskPage })));
const AffiliationsPage = lazy(() => import('./pages/AffiliationsPage').then((m) => ({ default: m.AffiliationsPage })));
const TasksAdminPage = lazy(() => import('./pages/TasksAdminPage').then((m) => ({ default: m.TasksAdminPage })));
const ReviewersAdminPage = lazy(() => import('./pages/ReviewersAdminPage').then((m) => ({ default: m.ReviewersAdminPage })));
const DisputesAdminPage = lazy(() => import('./pages/DisputesAdminPage').then((m) => ({ default: m.DisputesAdminPage })));
const SpotCheckAdminPage = lazy(() => import('./pages/SpotCheckAdminPage').then((m) => ({ default: m.SpotCheckAdminPage })));

/** Reviewers' queue, task and affiliations; admins' reviewers, disputes and spot checks. */
export const verificationRoutes: RouteObject[] = [
  { path: 'review', element: <ReviewQueuePage /> },
  { path: 'review/tasks/:id', element: <ReviewTaskPage /> },
  { path: 'review/affiliations', element: <AffiliationsPage /> },
  { path: 'admin/reviewers', element: <ReviewersAdminPage /> },
  { path: 'admin/tasks', element: <TasksAdminPage /> },
  { path: 'admin/disputes', element: <DisputesAdminPage /> },
  { path: 'admin/case-studies/:id/spot-check', element: <SpotCheckAdminPage /> },
];
