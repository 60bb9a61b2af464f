// `npx vite build examples/react-webview`: the page as a webview serves it, with fixed file names (the extension's
// HTML names its script) and relative URLs (the files sit under the webview's resource root, not a server's /).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Vite would preload a chunk's imports with <link rel="modulepreload">, which a nonce-only CSP blocks; a dynamic
    // import from the page's own nonced module is allowed.
    modulePreload: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'settings.js',
        // The events list, loaded when the editor offers events, and one chunk per language.
        chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => id.includes('/telemetry-events/')) ? 'chunks/events-list.js' : 'chunks/[name].js'),
        assetFileNames: '[name][extname]',
      },
    },
  },
});
