// Reads VS Code's own colours for the four default themes from a running VS Code (code-server 4.100.3 = VS Code
// 1.100.3) and writes dev/themes/<theme>.json: only the --vscode-* variables the components use.
// The workbench resolves each theme's JSON and the colour registry's defaults into variables on .monaco-workbench,
// which is what a webview receives, so reading them there gives VS Code's values without re-implementing the registry.
//
//   node scripts/vscode-theme-colors.mjs
// It uses the code-server the e2e tests install (test/e2e/install-code-server.sh, cached after the first run), or the
// package folder CODE_SERVER names; Chromium as for the tests (CHROME_PATH).
/* global document, getComputedStyle -- the page.evaluate callbacks run in the browser */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.js';

const root = join(import.meta.dirname, '..');
// The installer prints its install folder on its last line.
const installed = () =>
  execFileSync('bash', [join(root, 'test/e2e/install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim().split('\n').at(-1);
const codeServer = process.env.CODE_SERVER ?? join(installed(), 'node_modules/code-server');

const THEMES = [
  { file: 'dark-modern', label: 'Dark Modern', id: 'Default Dark Modern', json: 'dark_modern', bodyClass: 'vscode-dark' },
  { file: 'light-modern', label: 'Light Modern', id: 'Default Light Modern', json: 'light_modern', bodyClass: 'vscode-light' },
  { file: 'dark-high-contrast', label: 'Dark High Contrast', id: 'Default High Contrast', json: 'hc_black', bodyClass: 'vscode-high-contrast' },
  // A webview adds vscode-high-contrast too, for backwards compatibility (webview/browser/pre/index.html).
  { file: 'light-high-contrast', label: 'Light High Contrast', id: 'Default High Contrast Light', json: 'hc_light', bodyClass: 'vscode-high-contrast-light vscode-high-contrast' },
];

// Every --vscode-* colour variable named in src/ (the font variables are the webview's own, not theme colours).
async function usedVariables() {
  const names = new Set();
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.ts')) for (const [name] of (await readFile(path, 'utf8')).matchAll(/--vscode-[\w.-]+/g)) names.add(name);
    }
  }
  await walk(join(root, 'src'));
  return [...names].filter((name) => !name.startsWith('--vscode-font-')).sort();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

async function readTheme(theme, names, browser) {
  const dir = await mkdtemp(join(tmpdir(), 'cs-theme-'));
  const port = await freePort();
  await mkdir(join(dir, 'ud/User'), { recursive: true });
  await mkdir(join(dir, 'ws'));
  await writeFile(join(dir, 'ud/User/settings.json'), JSON.stringify({ 'workbench.colorTheme': theme.id, 'workbench.startupEditor': 'none' }));
  await writeFile(join(dir, 'config.yaml'), '');
  const server = spawn(process.execPath, [join(codeServer, 'out/node/entry.js'), '--config', join(dir, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', join(dir, 'ud'), '--extensions-dir', join(dir, 'exts'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', join(dir, 'ws')],
  { env: { ...process.env, HOME: join(dir, 'home') }, stdio: 'ignore', detached: true });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(join(dir, 'ws'))}`);
    // The workbench paints a default theme first; its class names the theme file once the user's theme is applied.
    await page.waitForFunction((json) => document.querySelector('.monaco-workbench')?.className.includes(`themes-${json}-json`), theme.json, { timeout: 60_000 })
      .catch(async (error) => {
        console.error(await page.evaluate(() => document.querySelector('.monaco-workbench')?.className));
        throw error;
      });
    const themeType = await page.evaluate(() => document.querySelector('.monaco-workbench').className.match(/\b(vs-dark|hc-black|hc-light|vs)\b/)?.[1]);
    const colors = await page.evaluate((names) => {
      const style = getComputedStyle(document.querySelector('.monaco-workbench'));
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name).trim()]).filter(([, value]) => value));
    }, names);
    await page.close();
    return { themeType, colors };
  } finally {
    process.kill(-server.pid, 'SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

const names = await usedVariables();
const version = JSON.parse(await readFile(join(codeServer, 'lib/vscode/package.json'), 'utf8')).version;
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const theme of THEMES) {
    const { themeType, colors } = await readTheme(theme, names, browser);
    const unset = names.filter((name) => !(name in colors));
    const data = {
      label: theme.label,
      bodyClass: theme.bodyClass,
      source: `VS Code ${version} (code-server), theme "${theme.id}" (${themeType}): the --vscode-* variables its workbench sets, read by scripts/vscode-theme-colors.mjs. Variables this theme leaves unset are absent, as in a webview.`,
      unset,
      colors,
    };
    await writeFile(join(root, 'dev/themes', `${theme.file}.json`), `${JSON.stringify(data, null, 2)}\n`);
    console.log(`${theme.file}: ${Object.keys(colors).length} colours, unset: ${unset.join(', ') || 'none'}`);
  }
} finally {
  await browser.close();
}
