import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA is built into dist/ and served by the relay (server/relay), same origin as its API.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  // The first page's budget is gzip bytes, measured by `npm run bench` (ui.initialJsGzipBytes,
  // at most 180 KB); the engine, the findings catalogue and the tool form load lazily.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
});
