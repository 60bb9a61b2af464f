import { defineConfig } from 'vite';
import { optimizedDeps } from './optimized-deps.ts';

export default defineConfig({
  server: { host: '127.0.0.1' },
  // Storybook's preview is one large chunk by design, and it is never shipped.
  build: { chunkSizeWarningLimit: 4096 },
  optimizeDeps: { include: optimizedDeps },
});
