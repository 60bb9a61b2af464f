// End to end in a genuine VS Code (code-server 4.100.3 = VS Code 1.100.3): the example extension's panel, the host
// adapter and the real settings.json on disk. Run with `npm run test:e2e` (after `npm run build`).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { installCodeServer, prepareExample, startCodeServer } from './code-server.js';

const KEY = 'codeStudio.telemetry.enabled';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server;
let browser;
let profile;
let page;

before(async () => {
  const installDir = installCodeServer();
  prepareExample();
  server = await startCodeServer(installDir, {
    settings: { 'workbench.startupEditor': 'none', 'workbench.colorTheme': 'Default Dark Modern', 'workbench.tips.enabled': false },
  });
  profile = mkdtempSync(join(tmpdir(), 'cs-telemetry-e2e-browser-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(server.url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server?.stop();
});

/** Runs a command from the command palette, by its title, as a user would. */
async function runCommand(title) {
  // The palette lists what is registered when it opens: extensions still activating show up on a later try.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 2000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 15) throw error;
    }
  }
}

const webview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
const telemetrySwitch = () => webview().getByRole('switch', { name: 'Allow Anonymous Telemetry' });
const badge = () => webview().locator('cs-telemetry-status-badge [part="label"]');

/** Waits until the panel shows `enabled` in its switch and badge. */
async function expectPanelShows(enabled, timeout = 10_000) {
  await assert.doesNotReject(async () => {
    await webview().locator(`[role="switch"][aria-checked="${enabled}"]`).waitFor({ timeout });
    await webview().locator('cs-telemetry-status-badge [part="label"]', { hasText: enabled ? /^On$/ : /^Off$/ }).waitFor({ timeout });
  }, `the panel should show telemetry ${enabled ? 'on' : 'off'}`);
}

/** Waits until settings.json on disk holds `value` for the key (undefined: the key is absent). */
async function expectSettingOnDisk(value, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen;
  while (Date.now() < deadline) {
    seen = server.readSettings()[KEY];
    if (seen === value) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  assert.equal(seen, value, `settings.json should hold ${KEY}: ${value}`);
}

test('the command opens the panel showing the setting\'s current value', async () => {
  await expectSettingOnDisk(undefined);
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
