import { resolve } from 'node:path';
import minifyHtmlLiterals from 'rollup-plugin-html-literals';
import { defineConfig } from 'vite';
import { dropLocalizeIdHashing, shortenLitCssMessages } from '../vite.config.ts';

// The peer panel for `npm run bench`, bundled as dist/webview.js is: one minified ES module with lit inside, the
// same template minifier (on the peer library's templates too), the same lit message shortening and localize
// trimming, and its languages as chunks that import from it (never fetched by the bench's English page).
export default defineConfig({
  logLevel: 'warn',
  plugins: [minifyHtmlLiterals({ include: ['bench/**/*.ts', '**/@vscode-elements/elements/dist/**/*.js'] }), shortenLitCssMessages(), dropLocalizeIdHashing()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    minify: true,
    target: 'es2022',
    lib: { entry: resolve(import.meta.dirname, 'peer-panel.ts'), formats: ['es'], fileName: () => 'peer.js' },
    rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, comments: false } },
  },
});
