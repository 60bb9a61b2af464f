// End to end in a genuine VS Code (code-server 4.100.3 = VS Code 1.100.3): the example extension's panel, the host
// adapter and the real settings.json on disk. Run with `npm run test:e2e` (after `npm run build`).
import assert from 'node:assert/strict';
import { after, before, test as nodeTest } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.js';
import { installCodeServer, prepareExample, startCodeServer } from './code-server.js';

const KEY = 'codeStudio.telemetry.enabled';

let server;
let browser;
let profile;
let page;

before(async () => {
  const installDir = installCodeServer();
  prepareExample();
  server = await startCodeServer(installDir, {
    settings: {
      'workbench.startupEditor': 'none',
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.tips.enabled': false,
      // Other servers on this machine would otherwise raise "your application is available" notifications.
      'remote.autoForwardPorts': false,
    },
  });
  profile = mkdtempSync(join(tmpdir(), 'cs-telemetry-e2e-browser-'));
  browser = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    headless: true,
    viewport: { width: 1400, height: 900 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.goto(server.url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server?.stop();
});

/** A test that leaves a screenshot of the editor in test-results/ when it fails, to see what the user would have seen. */
function test(name, fn) {
  nodeTest(name, async () => {
    try {
      await fn();
    } catch (error) {
      const dir = join(import.meta.dirname, '../../test-results');
      mkdirSync(dir, { recursive: true });
      await page?.screenshot({ path: join(dir, `e2e-${name.replace(/\W+/g, '-').slice(0, 60)}.png`) }).catch(() => {});
      throw error;
    }
  });
}

/** Runs a command from the command palette, by its title, as a user would. */
async function runCommand(title) {
  // The palette lists what is registered when it opens: extensions still activating show up on a later try.
  for (let attempt = 1; ; attempt++) {
    // The command center in the title bar opens the palette wherever the keyboard focus is (a webview keeps F1).
    await page.locator('.command-center-center').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    // The row whose label is exactly the title: "Open User Settings" must not run "Open User Settings (JSON)".
    const label = page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[()]/g, '\\$&')}$`) });
    const row = page.locator('.quick-input-list .monaco-list-row', { has: label }).first();
    try {
      await row.waitFor({ timeout: 2000 });
      await row.click();
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 15) throw error;
    }
  }
}

/** Runs an editor-opening command in a second editor group, so that the panel stays visible in the first. */
async function openBeside(title) {
  const groups = page.locator('.editor-group-container');
  if ((await groups.count()) < 2) await runCommand('View: New Editor Group to the Right');
  else await groups.nth(1).locator('.tab').first().click();
  await runCommand(title);
}

const webview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
const telemetrySwitch = () => webview().getByRole('switch', { name: 'Allow Anonymous Telemetry' });
const badge = () => webview().locator('cs-telemetry-status-badge [part="label"]');

/** Waits until the panel shows `enabled` in its switch and badge. */
async function expectPanelShows(enabled, timeout = 10_000) {
  await assert.doesNotReject(async () => {
    await webview().locator(`[role="switch"][aria-checked="${enabled}"]`).waitFor({ timeout });
    await badge().filter({ hasText: enabled ? /^On$/ : /^Off$/ }).waitFor({ timeout });
  }, `the panel should show telemetry ${enabled ? 'on' : 'off'}`);
}

/**
 * Waits until settings.json on disk gives the key the value `enabled`. The key absent means the default, on:
 * VS Code's Settings editor removes a key set back to its default.
 */
async function expectSettingOnDisk(enabled, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen;
  while (Date.now() < deadline) {
    seen = server.readSettings()[KEY];
    if ((seen ?? true) === enabled) return Date.now();
    await new Promise((wait) => setTimeout(wait, 25));
  }
  assert.equal(seen, enabled, `settings.json should give ${KEY} the value ${enabled}`);
}

test('the command opens the panel showing the setting\'s current value', async () => {
  assert.equal(server.readSettings()[KEY], undefined, 'a fresh profile has no value of its own');
  await runCommand('Code Studio: Telemetry Settings');
  await expectPanelShows(true);
});

test('switch off: the setting becomes false and the badge says off; switch on: true and on', async () => {
  await telemetrySwitch().click();
  await expectSettingOnDisk(false);
  await expectPanelShows(false);
  await telemetrySwitch().click();
  await expectSettingOnDisk(true);
  await expectPanelShows(true);
});

/**
 * Runs `change` (made outside the panel) and waits for it on disk and in the panel: the panel must show it within
 * 2 seconds of settings.json being written. Returns the delays, for the log.
 */
async function expectChangeReachesPanel(enabled, change) {
  const started = Date.now();
  await change();
  const [written, shown] = await Promise.all([expectSettingOnDisk(enabled), expectPanelShows(enabled).then(() => Date.now())]);
  assert.ok(shown - written <= 2000, `the panel showed the change ${shown - written} ms after settings.json was written`);
  return `${shown - written} ms after settings.json was written (${shown - started} ms after the action)`;
}

test('a change in the Settings editor reaches the open panel within 2 seconds', async () => {
  await openBeside('Preferences: Open User Settings');
  const search = page.locator('.settings-editor .suggest-input-container .monaco-editor textarea').first();
  await search.waitFor();
  await search.focus();
  await page.keyboard.type(KEY);
  // The search is debounced and its results re-render: wait until they settle on our one setting.
  await page.locator('.settings-editor .settings-count-widget', { hasText: '1 Setting Found' }).waitFor();
  const checkbox = page.locator('.settings-editor .setting-item-bool .setting-value-checkbox');
  await checkbox.waitFor();
  assert.equal(await checkbox.getAttribute('aria-checked'), 'true');

  /**
   * Clicks the checkbox until the setting is `to` on disk, as a user clicks again when a click did nothing: a click
   * while the list re-renders is lost, and the checkbox at times shows the value before the last change.
   */
  const flip = async (to) => {
    for (let attempt = 1; ; attempt++) {
      await checkbox.click();
      try {
        return await expectSettingOnDisk(to, 5000);
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  };
  const off = await expectChangeReachesPanel(false, () => flip(false));
  const on = await expectChangeReachesPanel(true, () => flip(true));
  console.log(`# Settings editor → panel: off ${off}; on ${on}`);
});

test('settings.json edited and saved in the editor reaches the open panel within 2 seconds', async () => {
  await openBeside('Preferences: Open User Settings (JSON)');
  const editor = page.locator('.editor-group-container.active .monaco-editor');
  await editor.locator('.view-lines', { hasText: 'workbench.startupEditor' }).waitFor(); // the file is loaded
  const settings = server.readSettings();
  // Pasted, as typing would let the editor close brackets and quotes of its own.
  await page.evaluate((text) => globalThis.navigator.clipboard.writeText(text), JSON.stringify({ ...settings, [KEY]: false }, null, 2));
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await editor.locator('.view-line', { hasText: `"${KEY}": false` }).waitFor();
  const off = await expectChangeReachesPanel(false, () => page.keyboard.press('Control+S'));
  console.log(`# settings.json saved → panel: off ${off}`);
});

/** The panel's first painted state, read as soon as its switch exists: it must be right without waiting for more. */
async function firstPaintedState() {
  await telemetrySwitch().waitFor({ timeout: 20_000 });
  return telemetrySwitch().getAttribute('aria-checked');
}

test('closing and reopening the panel shows the right state straight away', async () => {
  assert.equal(server.readSettings()[KEY], false);
  await page.locator('.tab', { hasText: 'Telemetry Settings' }).hover();
  await page.locator('.tab', { hasText: 'Telemetry Settings' }).getByRole('button', { name: /^Close/ }).click();
  await page.locator('.tab', { hasText: 'Telemetry Settings' }).waitFor({ state: 'detached' });
  await runCommand('Code Studio: Telemetry Settings');
  await expectPanelShows(false);
});

test('reloading the window brings the panel back with the right state straight away', async () => {
  // As a user reloads: the workbench saves its open editors first (a bare page reload may lose them).
  await Promise.all([page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 }), runCommand('Developer: Reload Window')]);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // Restored by the extension's WebviewPanelSerializer; the page paints its saved state before it hears the host.
  assert.equal(await firstPaintedState(), 'false');
  await expectPanelShows(false);
  await telemetrySwitch().click();
  await expectSettingOnDisk(true);
  await expectPanelShows(true);
});

test('signing in and out (the demo account) reaches the open panel', async () => {
  const account = webview().locator('cs-telemetry-data-types [part="account"]');
  await runCommand('Code Studio: Sign In (Demo Account)');
  await account.filter({ hasText: 'ada' }).waitFor({ timeout: 5000 });
  assert.match(await account.innerText(), /ada@example\.com/);
  await runCommand('Code Studio: Sign Out (Demo Account)');
  await account.waitFor({ state: 'detached', timeout: 5000 });
});

