import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const SearchPage = lazy(() => import('./pages/SearchPage').then((m) => ({ default: m.SearchPage })));
const VendorPublicPage = lazy(() => import('../vendor-public/pages/VendorPublicPage').then((m) => ({ default: m.VendorPublicPage })));
const ComparePage = lazy(() => import('../compare/pages/ComparePage').then((m) => ({ default: m.ComparePage })));
const ShortlistsPage = lazy(() => import('../shortlists/pages/ShortlistsPage').then((m) => ({ default: m.ShortlistsPage })));

/** The buyer's pages: search, a consultancy's public page, compare and shortlists. */
export const buyerRoutes: RouteObject[] = [
  { path: 'consultancies', element: <SearchPage /> },
  { path: 'consultancies/:id', element: <VendorPublicPage /> },
  { path: 'compare', element: <ComparePage /> },
  { path: 'shortlists', element: <ShortlistsPage /> },
];
