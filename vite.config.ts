import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { findingsReferenceFiles } from './server/reference/findings-pages.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The findings reference pages (server/reference/findings-pages.ts), built beside the SPA into dist/findings/. */
function findingsReference(): Plugin {
  return {
    name: 'mcp-auth-debugger:findings-reference',
    apply: 'build',
    generateBundle() {
      for (const [fileName, source] of findingsReferenceFiles()) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

// The SPA is built into dist/ and served by the relay (server/relay), same origin as its API.
export default defineConfig({
  plugins: [react(), tailwindcss(), findingsReference()],
  // The version session files saved from the page name (src/store/recording-slice.ts).
  define: { __APP_VERSION__: JSON.stringify(version) },
  // The first page's budget is gzip bytes, measured by `npm run bench` (ui.initialJsGzipBytes,
  // at most 180 KB); the engine, the findings catalogue and the tool form load lazily.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
});
