import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// Each page is its own chunk, like the rest of the app's pages (the chart library loads with them).
const MethodologyPage = lazy(() => import('./pages/MethodologyPage').then((m) => ({ default: m.MethodologyPage })));
const VendorSignalsPage = lazy(() => import('./pages/VendorSignalsPage').then((m) => ({ default: m.VendorSignalsPage })));

/** The public methodology page and a vendor's own signals page (members only). */
export const signalsRoutes: RouteObject[] = [
  { path: 'methodology', element: <MethodologyPage /> },
  { path: 'vendor/:vendorId/signals', element: <VendorSignalsPage /> },
];
