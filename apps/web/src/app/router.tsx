import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AppFrame } from './AppFrame';
import { RouteError } from './RouteError';
import { vendorDashboardRoutes } from '../modules/vendor-dashboard/routes';
import { caseStudyRoutes } from '../modules/case-studies/routes';
import { verificationRoutes } from '../modules/verification/routes';
import { referenceCheckRoutes } from '../modules/reference-check/routes';
import { ledgerRoutes } from '../modules/ledger/routes';
import { signalsRoutes } from '../modules/signals/routes';
import { buyerRoutes } from '../modules/search/routes';
import { clientConfirmationRoutes } from '../modules/client-confirmations/routes';

// Each page is its own chunk; the layout shows a skeleton while one loads.
const LandingPage = lazy(() => import('../modules/landing/pages/LandingPage').then((m) => ({ default: m.LandingPage })));
const SignInPage = lazy(() => import('../modules/accounts/pages/SignInPage').then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import('../modules/accounts/pages/SignUpPage').then((m) => ({ default: m.SignUpPage })));
const VerifyEmailPage = lazy(() => import('../modules/accounts/pages/VerifyEmailPage').then((m) => ({ default: m.VerifyEmailPage })));
const OrganizationsPage = lazy(() =>
  import('../modules/organizations/pages/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })),
);
const OrganizationPage = lazy(() =>
  import('../modules/organizations/pages/OrganizationPage').then((m) => ({ default: m.OrganizationPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('../modules/organizations/pages/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })),
);
const OutboxPage = lazy(() => import('../modules/admin/pages/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const SignalsPipelinePage = lazy(() => import('../modules/admin/pages/SignalsPipelinePage').then((m) => ({ default: m.SignalsPipelinePage })));
const CaseStudyEvidencePage = lazy(() => import('../modules/evidence/pages/CaseStudyEvidencePage').then((m) => ({ default: m.CaseStudyEvidencePage })));
const NotFoundPage = lazy(() => import('../modules/errors/pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export const router = createBrowserRouter([
  {
    element: <AppFrame />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'v/:token', element: <VerifyEmailPage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'organizations/:id', element: <OrganizationPage /> },
      { path: 'invitations/accept', element: <AcceptInvitationPage /> },
      ...buyerRoutes,
      { path: 'admin/outbox', element: <OutboxPage /> },
      { path: 'admin/signals', element: <SignalsPipelinePage /> },
      { path: 'vendor/case-studies/:caseStudyId/evidence', element: <CaseStudyEvidencePage /> },
      ...vendorDashboardRoutes,
      ...caseStudyRoutes,
      ...verificationRoutes,
      ...referenceCheckRoutes,
      ...ledgerRoutes,
      ...signalsRoutes,
      ...clientConfirmationRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
