import { resolve } from 'node:path';
import minifyHtmlLiterals from 'rollup-plugin-html-literals';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;

/**
 * dist/webview.js calls lit's css`` only on its own constant styles and exports no way to reach it, so lit's long
 * messages for misusing it can never show: keep the checks, shorten their words (about 120 bytes gzip).
 */
export function shortenLitCssMessages(): Plugin {
  return {
    name: 'shorten-lit-css-messages',
    transform(code, id) {
      if (!/@lit[\\/]reactive-element[\\/]css-tag\.js$/.test(id)) return null;
      return code
        .replace(/"CSSResult is not constructable\.[^"]*"/, '"Use css or unsafeCSS"')
        .replace(/"Value passed to 'css' function[^"]*"\+(\w+)\+"[^"]*"/, '"Not a css result: "+$1');
    },
  };
}

/**
 * Every msg() here has an explicit id (eslint enforces it), so @lit/localize's hashing of id-less messages never
 * runs in dist/webview.js: leave it out (about 300 bytes gzip). An id-less msg() would show its English text.
 */
export function dropLocalizeIdHashing(): Plugin {
  return {
    name: 'drop-localize-id-hashing',
    transform(_code, id) {
      if (!/@lit[\\/]localize[\\/]internal[\\/]id-generation\.js$/.test(id)) return null;
      return 'export const generateMsgId = () => "";';
    },
  };
}

/**
 * @lit/localize's modules only define things, but its package does not say so, and its index imports the runtime: say
 * it here, so that dist/webview.js keeps msg() and leaves the runtime to the chunk that configures it (localization.ts).
 */
export function localizeWithoutSideEffects(): Plugin {
  return {
    name: 'localize-without-side-effects',
    transform(code, id) {
      return /[\\/]@lit[\\/]localize[\\/]/.test(id) ? { code, moduleSideEffects: false } : null;
    },
  };
}

/**
 * Every function of the core bundle runs on first paint: V8's compile hint (`//# allFunctionsCalledOnLoad`, Chromium
 * 136+, ignored elsewhere) has them compiled with the script, off the main thread, instead of at their first call in
 * the first render. Only `entry`: a chunk loaded on demand should not pay for code it may not run. It must be the
 * file's first line, so it is added after the minifier, which drops comments.
 */
export function compileHintForEntry(entry: string): Plugin {
  return {
    name: 'compile-hint-for-entry',
    generateBundle(_options, bundle) {
      const chunk = bundle[entry];
      if (chunk?.type !== 'chunk') return;
      chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      // A source map's lines move down one with the code.
      const map = bundle[`${entry}.map`];
      if (map?.type === 'asset' && typeof map.source === 'string') {
        const json = JSON.parse(map.source);
        map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
      }
    },
  };
}

/**
 * How the webview bundles are minified: Oxc as Rolldown writes each chunk (`output.minify`), then two passes of
 * terser over it, which find what one pass leaves (about 170 bytes gzip of the core).
 */
export const webviewMinify = {
  minify: 'terser',
  terserOptions: { module: true, compress: { passes: 2 }, format: { comments: false } },
} as const satisfies UserConfig['build'];

/**
 * The host entry's declarations as one self-contained file per module system, dist/host.d.ts and dist/host.d.cts:
 * TypeScript reads a .d.ts beside a "type": "module" package as ES module, so a CommonJS extension needs its own
 * .d.cts, and one with no relative imports cannot point a CommonJS reader at an ES module declaration.
 */
export function bundleHostDeclarations(): Plugin {
  return {
    name: 'bundle-host-declarations',
    apply: 'build',
    async closeBundle() {
      const bundle = await rollup({
        input: resolve(root, 'src/host/index.ts'),
        external: ['vscode'],
        plugins: [dts({ tsconfig: resolve(root, 'tsconfig.build.json') })],
      });
      for (const file of ['host.d.ts', 'host.d.cts']) await bundle.write({ file: resolve(root, 'dist', file), format: 'es' });
      await bundle.close();
    },
  };
}

// `vite build` emits the library (lit external, one file per module); `vite build --mode webview` emits
// dist/webview.js, one self-contained module with lit inside, for a webview page with a strict CSP;
// `vite build --mode host` emits dist/host.js and dist/host.cjs, the extension-host adapter.
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      server: { host: '127.0.0.1' },
      build: { outDir: 'dist/demo' },
      // Scan only the demo's pages for dependencies: the React example's page imports the built package (dist/), which
      // a fresh clone does not have yet. `npm run example:react` builds first and serves it with `--mode react`.
      optimizeDeps: { entries: ['index.html', mode === 'react' ? 'dev/react-webview.html' : 'dev/webview.html'] },
    };
  }
  if (mode === 'webview') {
    return {
      // Template literals are left as written by the minifier: collapse the whitespace in html`` and css``.
      plugins: [
        minifyHtmlLiterals({ include: ['src/**/*.ts'] }),
        shortenLitCssMessages(),
        dropLocalizeIdHashing(),
        localizeWithoutSideEffects(),
        compileHintForEntry('webview.js'),
      ],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        ...webviewMinify,
        target: 'es2022',
        lib: { entry: resolve(root, 'src/webview.ts'), formats: ['es'], fileName: () => 'webview.js' },
        // Library mode keeps whitespace in ES output; this file is shipped as is, so minify it fully.
        // Each language's strings are a chunk of their own, dist/locales/<locale>.js, imported relative to
        // webview.js (import.meta.url) only when the page speaks that language.
        // allow-extension: webview.js may export lit's internals to those chunks, instead of a shared chunk beside it.
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: true,
            comments: false,
            // Every module the entry imports statically stays in webview.js: without this, a module the core and
            // several lazy chunks share (@lit/localize's str tag) became a common chunk webview.js imported.
            codeSplitting: { groups: [{ name: 'webview', tags: ['$initial'] }] },
            // Each language in locales/; the UI of optional host features (loaded when a host offers one) under its
            // published name, webview-extensions.js; the alert's words as webview-alert.js, the expanded data types'
            // words as webview-data-type-details.js.
            chunkFileNames: (chunk) =>
              chunk.moduleIds.some((id) => id.includes('/i18n/locales/'))
                ? 'locales/[name].js'
                : chunk.name === 'optional-parts'
                  ? 'webview-extensions.js'
                  : 'webview-[name].js',
          },
        },
      },
    };
  }
  if (mode === 'host') {
    // The extension-host adapter, for Node: ES module and CommonJS (most extensions are still CommonJS).
    return {
      plugins: [bundleHostDeclarations()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: false,
        target: 'node20',
        lib: { entry: resolve(root, 'src/host/index.ts'), formats: ['es', 'cjs'], fileName: (format) => (format === 'es' ? 'host.js' : 'host.cjs') },
        // The page's default dist folder reads __filename in CommonJS, where import.meta is empty by design. The outbox
        // keeps its queue and the sent log on disk with Node's own modules.
        rolldownOptions: { checks: { emptyImportMeta: false }, external: [/^node:/] },
      },
    };
  }
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: {
        entry: { index: resolve(root, 'src/index.ts'), define: resolve(root, 'src/define.ts') },
        formats: ['es'],
      },
      rollupOptions: {
        external: [/^lit(\/.*)?$/, /^@lit\//],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
