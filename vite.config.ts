import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The SPA is built into dist/ and served by the relay (server/relay), same origin as its API.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  // The version session files saved from the page name (src/store/recording-slice.ts).
  define: { __APP_VERSION__: JSON.stringify(version) },
  // The first page's budget is gzip bytes, measured by `npm run bench` (ui.initialJsGzipBytes,
  // at most 180 KB); the engine, the findings catalogue and the tool form load lazily.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
});
