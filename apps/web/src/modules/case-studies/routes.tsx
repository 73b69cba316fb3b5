import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// Each page is its own chunk, like the rest of the app's pages.
const VendorCaseStudiesPage = lazy(() => import('./pages/VendorCaseStudiesPage').then((m) => ({ default: m.VendorCaseStudiesPage })));
const NewCaseStudyPage = lazy(() => import('./pages/NewCaseStudyPage').then((m) => ({ default: m.NewCaseStudyPage })));
const EditCaseStudyPage = lazy(() => import('./pages/EditCaseStudyPage').then((m) => ({ default: m.EditCaseStudyPage })));
const CaseStudyPage = lazy(() => import('./pages/CaseStudyPage').then((m) => ({ default: m.CaseStudyPage })));

/** A vendor's case studies, the multi-step form (new and edit), and one case study's page. */
export const caseStudyRoutes: RouteObject[] = [
  { path: 'vendor/:vendorId/case-studies', element: <VendorCaseStudiesPage /> },
  { path: 'vendor/:vendorId/case-studies/new', element: <NewCaseStudyPage /> },
  { path: 'case-studies/:id', element: <CaseStudyPage /> },
  { path: 'case-studies/:id/edit', element: <EditCaseStudyPage /> },
];
