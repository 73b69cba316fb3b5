import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const ReceiptPage = lazy(() => import('./pages/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));

/** The verification ledger's pages. (`/ledger/…` itself belongs to the API's public endpoints.) */
export const ledgerRoutes: RouteObject[] = [{ path: 'receipts/:caseStudyId', element: <ReceiptPage /> }];
