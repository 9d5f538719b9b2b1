import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build` (from the root: after the type check) writes the static app to dist/ (gitignored).
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { host: '127.0.0.1' },
});
