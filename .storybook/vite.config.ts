import { defineConfig } from 'vite';

export default defineConfig({
  server: { host: '127.0.0.1' },
  // One copy of lit for the stories and the elements (otherwise Lit warns that several versions are loaded).
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', '@lit/context'] },
});
