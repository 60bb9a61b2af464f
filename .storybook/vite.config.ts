import { defineConfig } from 'vite';

export default defineConfig({
  server: { host: '127.0.0.1' },
  // One copy of lit for the stories and the elements (otherwise Lit warns that several versions are loaded).
  // Storybook's preview is one large chunk by design, and it is never shipped.
  build: { chunkSizeWarningLimit: 4096 },
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', '@lit/context', '@lit/localize'] },
});
