// The dashboard's build (static files for the hub's /ui/) and its Vitest setup.
/// <reference types='vitest' />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(() => ({
  root: import.meta.dirname,
  // The hub serves the built files at /ui/.
  base: '/ui/',
  cacheDir: '../../node_modules/.vite/apps/dashboard',
  // @state-hub/hub-client and @state-hub/engine-client come from tsconfig.base.json's paths.
  resolve: { tsconfigPaths: true },
  server: {
    port: 4200,
    host: 'localhost',
    // `nx dev dashboard` against a running `npm start`.
    proxy: {
      '/state': 'http://127.0.0.1:3000',
      '/engine': 'http://127.0.0.1:3000',
      '^/(repos|workstreams|tasks|decisions|progress-events|next-steps|consistency|events|domains)':
        'http://127.0.0.1:3000',
    },
  },
  plugins: [react()],
  build: {
    outDir: '../../dist/apps/dashboard',
    emptyOutDir: true,
    reportCompressedSize: true,
  },
  test: {
    name: 'dashboard',
    watch: false,
    globals: true,
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    reporters: ['default'],
  },
}));
