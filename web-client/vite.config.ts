/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { documentImports } from './vite-document-imports.ts';

// The Maven build writes straight into the jar's towerline-web/ folder; a plain `npm run build` writes dist/.
const outDir = process.env.TOWERLINE_WEB_OUT ?? 'dist';
const api = process.env.TOWERLINE_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [documentImports(), react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    host: '127.0.0.1',
    // `npm run dev` against a running platform (TOWERLINE_API, default the README's port)
    proxy: {
      '/graphql-ws': { target: api.replace(/^http/, 'ws'), ws: true },
      ...Object.fromEntries(
        ['/graphql', '/config.json', '/oauth2', '/login', '/logout', '/connect', '/default-ui.css', '/exports', '/backups'].map((path) => [path, api]),
      ),
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20000,
  },
});
