import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';

// Each page is its own chunk, like the rest of the app's pages.
const VendorHomePage = lazy(() => import('./pages/VendorHomePage').then((m) => ({ default: m.VendorHomePage })));
const VendorDashboardLayout = lazy(() => import('./components/VendorDashboardLayout').then((m) => ({ default: m.VendorDashboardLayout })));
const VendorProfilePage = lazy(() => import('./pages/VendorProfilePage').then((m) => ({ default: m.VendorProfilePage })));
const VendorDomainsPage = lazy(() => import('./pages/VendorDomainsPage').then((m) => ({ default: m.VendorDomainsPage })));
const VendorRosterPage = lazy(() => import('./pages/VendorRosterPage').then((m) => ({ default: m.VendorRosterPage })));
const VerifyVendorDomainPage = lazy(() => import('./pages/VerifyVendorDomainPage').then((m) => ({ default: m.VerifyVendorDomainPage })));

/** The vendor dashboard (`/vendor/:orgId/profile|domains|roster`) and the domain verification link's page. */
export const vendorDashboardRoutes: RouteObject[] = [
  { path: 'vendor', element: <VendorHomePage /> },
  {
    path: 'vendor/:orgId',
    element: <VendorDashboardLayout />,
    children: [
      { index: true, element: <Navigate to="profile" replace /> },
      { path: 'profile', element: <VendorProfilePage /> },
      { path: 'domains', element: <VendorDomainsPage /> },
      { path: 'roster', element: <VendorRosterPage /> },
    ],
  },
  { path: 'vendor-domains/verify', element: <VerifyVendorDomainPage /> },
];
