import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: webDir,
  plugins: [solid()],
  build: {
    // WEB_DIST_DIR lets parallel test runs on one machine keep separate bundles.
    outDir: process.env.WEB_DIST_DIR ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    // The forms import the shared zod schemas from ../domain.
    fs: { allow: [repoRoot] },
    proxy: {
      // changeOrigin stays off: the API's CSRF check accepts an Origin equal to the
      // Host it was addressed to, so both must stay the dev server's.
      '/trpc': { target: api },
      '/healthz': { target: api },
      // Uploads, downloads and the live stream (Server-Sent Events) beside tRPC.
      '/api': { target: api },
    },
  },
});
