import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const ClientCaseStudiesPage = lazy(() => import('./pages/ClientCaseStudiesPage').then((m) => ({ default: m.ClientCaseStudiesPage })));

/** A buyer organisation as the client named by case studies. */
export const clientConfirmationRoutes: RouteObject[] = [{ path: 'organizations/:id/client', element: <ClientCaseStudiesPage /> }];
