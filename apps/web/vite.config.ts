import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// Run from the repository root: `vite build --config apps/web/vite.config.ts`.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    alias: {
      '@shenbao/contracts': `${repoRoot}packages/contracts/src/index.ts`,
      // The rule engine runs in the browser too: the same verdicts while typing as at submission.
      '@shenbao/rules': `${repoRoot}packages/rules/src/index.ts`,
    },
  },
  build: {
    outDir: `${webRoot}dist`,
    emptyOutDir: true,
    // antd alone is ~1 MB minified; the warning would fire on every build.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
