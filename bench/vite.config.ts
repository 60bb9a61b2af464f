import { resolve } from 'node:path';
import minifyHtmlLiterals from 'rollup-plugin-html-literals';
import { defineConfig, type UserConfig } from 'vite';
import productConfig, {
  compileHintForEntry,
  dropLocalizeIdHashing,
  localizeWithoutSideEffects,
  shortenLitCssMessages,
  webviewMinify,
} from '../vite.config.ts';

// `vite build -c bench/vite.config.ts` bundles the peer panel for `npm run bench` exactly as dist/webview.js is built:
// one minified ES module with lit inside, the same template minifier (on the peer library's templates too), the same
// lit message shortening, localize trimming (@lit/localize's runtime left to a chunk, never fetched by the bench's
// English page) and compile hint. `--mode typical` builds the typical author's panel (bench/typical-panel.ts) the
// same way, into bench/dist/typical.js.
// `--mode virtual` builds dist/webview.js again, into bench/dist/virtual/, with the events chunk's list virtualized
// (bench/virtual-events.ts): the same bundle but for the one element the bench weighs. `--mode events-host` builds the
// paged events case's host (bench/events-host.ts, the protocol's selectEvents in a worker) into bench/dist/events-host.js.
export default defineConfig((env) => {
  if (env.mode === 'events-host') {
    return {
      logLevel: 'warn',
      build: {
        outDir: resolve(import.meta.dirname, 'dist'),
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: resolve(import.meta.dirname, 'events-host.ts'), formats: ['es'], fileName: () => 'events-host.js' },
      },
    };
  }
  if (env.mode === 'virtual') {
    const product = (productConfig as (env: unknown) => UserConfig)({ ...env, mode: 'webview' });
    return {
      ...product,
      logLevel: 'warn',
      plugins: [
        ...(product.plugins ?? []),
        minifyHtmlLiterals({ include: ['bench/**/*.ts'] }),
        {
          name: 'virtualized-events-list',
          enforce: 'pre',
          resolveId: (source: string) => (source.endsWith('telemetry-events/define.js') ? resolve(import.meta.dirname, 'virtual-events.ts') : null),
        },
      ],
      build: { ...product.build, outDir: resolve(import.meta.dirname, 'dist/virtual'), emptyOutDir: true },
    };
  }
  const name = env.mode === 'typical' ? 'typical' : 'peer';
  return {
    logLevel: 'warn',
    plugins: [
      minifyHtmlLiterals({ include: ['bench/**/*.ts', '**/@vscode-elements/elements/dist/**/*.js'] }),
      shortenLitCssMessages(),
      dropLocalizeIdHashing(),
      localizeWithoutSideEffects(),
      compileHintForEntry(`${name}.js`),
    ],
    build: {
      outDir: resolve(import.meta.dirname, 'dist'),
      // bench/dist/virtual/ is the other build's.
      emptyOutDir: false,
      ...webviewMinify,
      target: 'es2022',
      lib: { entry: resolve(import.meta.dirname, `${name}-panel.ts`), formats: ['es'], fileName: () => `${name}.js` },
      // Chunks named after their panel, so that the bench's server finds them (peer-alert.js, typical-…).
      rolldownOptions: {
        preserveEntrySignatures: 'allow-extension',
        output: { minify: true, comments: false, chunkFileNames: `${name}-[name].js`, codeSplitting: { groups: [{ name, tags: ['$initial'] }] } },
      },
    },
  };
});
