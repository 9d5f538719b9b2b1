import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build` (from the root: after the type check) writes the static app to dist/ (gitignored);
// `npm start` builds it when stale (build-if-stale.mjs). The server serves it at /console/ (ADR 0014),
// so every asset URL starts there. In development, the API is proxied to a local `npm start`.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { host: '127.0.0.1', proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
