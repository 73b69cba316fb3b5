import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// An ES module (.mts), so Vite loads it without its deprecated CommonJS path.
const __dirname = path.dirname(fileURLToPath(import.meta.url));

// The API serves dist/web in production; in development Vite proxies the API paths.
const api = process.env.ASSAY_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@assay/ledger/browser': path.resolve(__dirname, '../../libs/ledger/src/browser.ts'),
      '@assay/domain/anonymity': path.resolve(__dirname, '../../libs/domain/src/anonymity.ts'),
      '@assay/domain/reviewer-assignment': path.resolve(__dirname, '../../libs/domain/src/reviewer-assignment.ts'),
    },
  },
  css: { postcss: path.resolve(__dirname, 'postcss.config.cjs') },
  build: {
    outDir: path.resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
      '/ledger': { target: api, changeOrigin: false },
      '/evidence': { target: api, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
