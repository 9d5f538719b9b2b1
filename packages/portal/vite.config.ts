import { defineConfig, type Plugin } from 'vite';
import { checkJsBudget } from './src/js-budget.js';

/** Fails the build when the portal's JS (all chunks together) exceeds its budget. */
function jsBudget(): Plugin {
  return {
    name: 'saldo-portal-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle).map((f) => ({
        fileName: f.fileName,
        bytes: Buffer.byteLength(f.type === 'chunk' ? f.code : f.source),
      }));
      const r = checkJsBudget(files);
      if (!r.ok) this.error(r.message);
      this.info(r.message);
    },
  };
}

// The enhancement script only: pages are rendered on the server (src/render-page.ts), so there is
// no index.html. Output: dist/enhance.js (gitignored); the server will serve it with the portal.
export default defineConfig({
  plugins: [jsBudget()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: { enhance: 'src/enhance.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
