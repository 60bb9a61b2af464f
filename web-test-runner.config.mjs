// Browser tests run in real Chromium: Debian's /usr/bin/chromium unless CHROME_PATH names another.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumLaunchOptions } from './scripts/chromium.js';

// `emulateMedia` from @web/test-runner-commands has no forced-colors for Chrome; this command asks DevTools directly.
function forcedColorsPlugin() {
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload.active ? 'active' : 'none' }] });
      return true;
    },
  };
}

// The browser's own accessibility tree, what a screen reader is given: every node's role and name, nested, with the
// nodes Chromium ignores left out and their children in their place. @web/test-runner-commands' a11ySnapshot keeps only
// "interesting" nodes, which folds list items away.
function accessibilityTreePlugin() {
  return {
    name: 'accessibility-tree-command',
    async executeCommand({ command, session }) {
      if (command !== 'accessibility-tree') return undefined;
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      await cdp.detach();
      const byId = new Map(nodes.map((node) => [node.nodeId, node]));
      const build = (node) => {
        const children = (node.childIds ?? []).flatMap((id) => (byId.has(id) ? build(byId.get(id)) : []));
        return node.ignored ? children : [{ role: node.role?.value ?? '', name: node.name?.value ?? '', children }];
      };
      return build(nodes[0]);
    },
  };
}

// Records every request the page and its frames make, from DevTools' own network events: `start`, then `stop`
// returns them. Sees what no script wrapper can (a CSS url(), an <img> in a shadow root).
function networkLogPlugin() {
  const logs = new Map();
  return {
    name: 'network-log-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'network-log') return undefined;
      if (payload.action === 'start') {
        const cdp = await session.browser.getPage(session.id).createCDPSession();
        const requests = [];
        cdp.on('Network.requestWillBeSent', (event) => requests.push({ url: event.request.url, documentURL: event.documentURL, type: event.type }));
        await cdp.send('Network.enable');
        logs.set(session.id, { cdp, requests });
        return true;
      }
      const log = logs.get(session.id);
      logs.delete(session.id);
      await log?.cdp.detach();
      return log?.requests ?? [];
    },
  };
}

// The React example is a page an embedder builds with Vite: the first request for its build output builds it, once a
// run, so its test sees the current source and a run that does not load it does not build it.
function reactExampleBuildPlugin() {
  let built;
  return {
    name: 'react-example-build',
    async serve({ path }) {
      if (!path.startsWith('/examples/react-webview/dist/')) return undefined;
      built ??= import('vite').then(({ build }) => build({ root: 'examples/react-webview', logLevel: 'warn' }));
      await built;
      return undefined; // served from disk, as built
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  // The size and CSP tests read dist/, which `npm test` builds first.
  rootDir: '.',
  testFramework: { config: { timeout: 20000 } },
  // json: the demo page imports VS Code's theme colours from dev/themes/*.json.
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    accessibilityTreePlugin(),
    forcedColorsPlugin(),
    networkLogPlugin(),
    reactExampleBuildPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: chromiumLaunchOptions,
    }),
  ],
};
