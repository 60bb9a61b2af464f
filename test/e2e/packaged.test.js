// End to end in a genuine VS Code (code-server 4.100.3): the example extension as `npm run package` builds it,
// installed from its VSIX with `--install-extension`, runs the panel on its own; and an extension that opens the
// panel with enableScripts off says so in its output channel. Run with `npm run test:e2e` (after `npm run build`).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after } from 'node:test';
import { manifest, packageExtension } from '../../examples/vscode-extension/package.mjs';
import {
  closePanel,
  editSettingsJson,
  expectPanelShows,
  expectSettingOnDisk,
  KEY,
  page,
  runCommand,
  server,
  setUpWorkbench,
  telemetrySwitch,
  test,
} from './workbench.js';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'cs-telemetry-vsix-'));
after(() => rmSync(work, { recursive: true, force: true }));
const PANEL_ID = `${manifest.publisher}.${manifest.name}`;
const BROKEN_CHANNEL = 'Panel With Scripts Off';

setUpWorkbench({
  vsix: async () => (await packageExtension(join(work, 'example.vsix'))).path,
  // The broken extension, linked to this checkout's package as `npm install` would link it.
  extensions: async () => {
    const folder = join(work, 'no-scripts-extension');
    cpSync(join(import.meta.dirname, 'fixtures/no-scripts-extension'), folder, { recursive: true });
    mkdirSync(join(folder, 'node_modules/@code-studio'), { recursive: true });
    symlinkSync(root, join(folder, 'node_modules/@code-studio/telemetry-settings'));
    return [{ folder, id: 'code-studio-tests.no-scripts-panel-0.0.1' }];
  },
});

/**
 * Whether the workbench's DOM, frames included, holds `words` within 10 s. Read through DevTools' DOM domain: a
 * frame without scripts runs none of Playwright's either.
 */
async function pageSays(words) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const deadline = Date.now() + 10_000;
    const holds = (node) => node.nodeValue?.includes(words) || [node.contentDocument, ...(node.children ?? [])].some((child) => child && holds(child));
    while (Date.now() < deadline) {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      if (holds(root)) return true;
      await new Promise((wait) => setTimeout(wait, 250));
    }
    return false;
  } finally {
    await cdp.detach();
  }
}

test('the VSIX is installed as built: the bundle and the page\'s files, no node_modules, no sources', () => {
  const installed = readdirSync(join(server.dir, 'exts')).find((name) => name.startsWith(`${PANEL_ID}-`));
  assert.ok(installed, 'code-server installed the example from the VSIX');
  const folder = join(server.dir, 'exts', installed);
  assert.ok(existsSync(join(folder, 'dist/extension.js')));
  assert.ok(existsSync(join(folder, 'dist/webview.js')));
  assert.equal(existsSync(join(folder, 'node_modules')), false);
  assert.equal(existsSync(join(folder, 'extension.js')), false, 'the source is not shipped, its bundle is');
});

test('a page set up with enableScripts off: the extension\'s output channel says what to fix within 15 s', async () => {
  const openedAt = await runCommand('Test Fixture: Open Panel With Scripts Off');
  // The page shows it too: without scripts, its <noscript> is what the webview shows (in a frame VS Code does not
  // mark ready, as it hears nothing from a page without scripts).
  assert.ok(await pageSays('The telemetry panel cannot start: this webview runs no script.'), 'the panel shows why it is blank');
  await runCommand('Output: Show Output Channels...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: BROKEN_CHANNEL }).first().click();
  const output = page.locator('.part.panel .monaco-editor .view-lines');
  const logged = async (words) => {
    await output.filter({ hasText: words }).waitFor({ timeout: Math.max(0, openedAt + 15_000 - Date.now()) });
    return Date.now() - openedAt;
  };
  const scriptsOff = await logged("the webview's enableScripts is off");
  const didNotStart = await logged("the panel's script did not start: check enableScripts, localResourceRoots");
  console.log(`# after the command: enableScripts off logged within ${scriptsOff} ms, "did not start" within ${didNotStart} ms`);
  await runCommand('View: Hide Panel');
  await page.locator('.tab', { hasText: BROKEN_CHANNEL }).hover();
  await page.locator('.tab', { hasText: BROKEN_CHANNEL }).getByRole('button', { name: /^Close/ }).click();
});

test('from the VSIX: the command opens the panel showing the setting', async () => {
  await runCommand('Code Studio: Telemetry Settings');
  await expectPanelShows(true);
});

test('from the VSIX: switch off, then on, reaches settings.json and the badge', async () => {
  await telemetrySwitch().click();
  await expectSettingOnDisk(false);
  await expectPanelShows(false);
  await telemetrySwitch().click();
  await expectSettingOnDisk(true);
  await expectPanelShows(true);
});

test('from the VSIX: settings.json edited and saved in the editor reaches the panel', async () => {
  await editSettingsJson({ [KEY]: false });
  await expectPanelShows(false);
  await editSettingsJson({ [KEY]: true });
  await expectPanelShows(true);
  await closePanel();
});
