// What the e2e test files share: one code-server and one browser per file, and the moves a user makes in VS Code
// (command palette, editor groups, settings.json) and in the telemetry panel's webview.
import assert from 'node:assert/strict';
import { after, before, test as nodeTest } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.js';
import { panelLocators } from '../../dev/harness/panel-locators.js';
import { installCodeServer, prepareExample, startCodeServer } from './code-server.js';

export const KEY = 'codeStudio.telemetry.allowAnonymousTelemetry';
/** The example's extension id, which VS Code's telemetry logger puts in front of every event name. */
export const EXTENSION_ID = 'code-studio.code-studio-telemetry-example';

/** The badge's words (src/components/telemetry-status-badge): with the account switch offered, "on" says who is sent. */
export const BADGE = { anonymous: 'On, anonymous', linked: 'On, with your account', off: 'Off' };

/** The running code-server, the browser context and its one page; set by `setUpWorkbench`'s `before`. */
export let server;
export let browser;
export let page;
let profile;

/**
 * Starts code-server with the example extension and opens the workbench in Chromium, once for the calling test file,
 * and stops both after it. `init` runs on the browser context before the workbench loads (init scripts, listeners).
 * `vsix`: an async function that returns the path of a VSIX to install the example from, instead of this checkout.
 * `extensions`: more extension folders to load, as `startCodeServer` takes them, or an async function that returns them.
 * `settings` (called as code-server starts) adds to the user's settings.json.
 */
export function setUpWorkbench({ init, vsix, extensions, settings = () => ({}), notice = 'close', env = {} } = {}) {
  before(async () => {
    const installDir = installCodeServer();
    if (!vsix) prepareExample();
    server = await startCodeServer(installDir, {
      env,
      vsix: await vsix?.(),
      extensions: (typeof extensions === 'function' ? await extensions() : extensions) ?? [],
      settings: {
        'workbench.startupEditor': 'none',
        'workbench.colorTheme': 'Default Dark Modern',
        'workbench.tips.enabled': false,
        // Other servers on this machine would otherwise raise "your application is available" notifications.
        'remote.autoForwardPorts': false,
        ...settings(),
      },
    });
    profile = mkdtempSync(join(tmpdir(), 'cs-telemetry-e2e-browser-'));
    browser = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions,
      headless: true,
      viewport: { width: 1400, height: 900 },
    });
    await init?.(browser);
    page = browser.pages()[0] ?? (await browser.newPage());
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The example holds every upload until its telemetry notice is answered: closed here unless the test answers it.
    if (notice === 'close') await answerNotice();
  });

  after(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.stop();
  });
}

/** A test that leaves a screenshot of the editor in test-results/ when it fails, to see what the user would have seen. */
export function test(name, fn) {
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

/** Runs a command from the command palette, by its title, as a user would; returns when its row was clicked (ms since the epoch). */
export async function runCommand(title) {
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
      const clickedAt = Date.now();
      await row.click();
      return clickedAt;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 15) throw error;
    }
  }
}

/** Runs an editor-opening command in a second editor group, so that the panel stays visible in the first. */
export async function openBeside(title) {
  const groups = page.locator('.editor-group-container');
  if ((await groups.count()) < 2) await runCommand('View: New Editor Group to the Right');
  else await groups.nth(1).locator('.tab').first().click();
  await runCommand(title);
}

const panelTab = () => page.locator('.tab', { hasText: 'Telemetry Settings' });

/** Opens the panel (or brings it forward) in the first editor group, where no other editor hides it. */
export async function openPanel() {
  if ((await panelTab().count()) === 0 && (await page.locator('.editor-group-container').count()) > 1) {
    await runCommand('View: Focus First Editor Group');
  }
  await runCommand('Code Studio: Telemetry Settings');
  await telemetrySwitch().waitFor({ timeout: 20_000 });
}

/** Closes the panel by its tab's close button, as a user does. */
export async function closePanel() {
  await panelTab().hover();
  await panelTab().getByRole('button', { name: /^Close/ }).click();
  await panelTab().waitFor({ state: 'detached' });
}

/** Reloads the window as a user does: the workbench saves its open editors first (a bare page reload may lose them). */
export async function reloadWindow() {
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 }),
    runCommand('Developer: Reload Window'),
  ]);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}

export const webview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
/** The panel's parts in the webview, through the same harness selectors the browser tests use (dev/harness). */
export const panel = () => panelLocators(webview());
export const telemetrySwitch = () => panel().switch();
export const accountSwitch = () => panel().accountSwitch();
export const badge = () => panel().badge();

/**
 * Waits until the panel shows `enabled` in its switch and badge; `identity` is what the badge says "on" carries
 * (signed out, or the account switch off: anonymous).
 */
export async function expectPanelShows(enabled, { identity = 'anonymous', timeout = 10_000 } = {}) {
  const words = enabled ? BADGE[identity] : BADGE.off;
  await assert.doesNotReject(async () => {
    await panel().switch({ checked: enabled }).waitFor({ timeout });
    await badge().filter({ hasText: new RegExp(`^${words}$`) }).waitFor({ timeout });
  }, `the panel should show telemetry ${enabled ? 'on' : 'off'}, its badge "${words}"`);
}

/**
 * Waits until settings.json on disk gives the key the value `enabled`. The key absent means the default, on:
 * VS Code's Settings editor removes a key set back to its default.
 */
export async function expectSettingOnDisk(enabled, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen;
  while (Date.now() < deadline) {
    seen = server.readSettings()[KEY];
    if ((seen ?? true) === enabled) return Date.now();
    await new Promise((wait) => setTimeout(wait, 25));
  }
  assert.equal(seen, enabled, `settings.json should give ${KEY} the value ${enabled}`);
}

/**
 * Opens the user settings.json beside the panel and replaces its text with the file as it is on disk plus `changes`,
 * unsaved; resolves once the editor shows each changed line. Save with Control+S.
 */
export async function pasteIntoSettingsJson(changes) {
  await openBeside('Preferences: Open User Settings (JSON)');
  const editor = page.locator('.editor-group-container.active .monaco-editor');
  await editor.locator('.view-lines', { hasText: 'workbench.startupEditor' }).waitFor(); // the file is loaded
  const settings = { ...server.readSettings(), ...changes };
  // Pasted, as typing would let the editor close brackets and quotes of its own.
  await page.evaluate((text) => globalThis.navigator.clipboard.writeText(text), JSON.stringify(settings, null, 2));
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  for (const [key, value] of Object.entries(changes)) {
    await editor.locator('.view-line', { hasText: `"${key}": ${JSON.stringify(value)}` }).waitFor();
  }
  return settings;
}

/** Edits settings.json in the editor with `changes`, saves it, and waits until the file on disk has them. */
export async function editSettingsJson(changes, timeout = 10_000) {
  const expected = await pasteIntoSettingsJson(changes);
  await page.keyboard.press('Control+S');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    try {
      assert.deepEqual(server.readSettings(), expected);
      return;
    } catch {
      await new Promise((wait) => setTimeout(wait, 25));
    }
  }
  assert.deepEqual(server.readSettings(), expected, 'settings.json on disk should have the saved changes');
}

/**
 * Ends the extension host as a crash or an update does (SIGKILL) and waits until code-server has started another.
 * Returns when each happened (ms since the epoch).
 */
export async function killExtensionHost() {
  const old = server.extensionHostPids();
  assert.ok(old.length > 0, 'an extension host runs');
  const killedAt = Date.now();
  for (const pid of old) process.kill(pid, 'SIGKILL');
  const deadline = killedAt + 30_000;
  for (;;) {
    const fresh = server.extensionHostPids().filter((pid) => !old.includes(pid));
    if (fresh.length > 0) return { killedAt, startedAt: Date.now(), pids: fresh };
    assert.ok(Date.now() < deadline, 'code-server started a new extension host within 30 s');
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/** The id VS Code gives the page in the panel's webview (its iframe's `id` parameter): a new page has a new one. */
export async function panelPageId() {
  const src = await page.locator('iframe.webview.ready').getAttribute('src', { timeout: 5000 });
  return new URL(src, server.url).searchParams.get('id');
}

// "Show what was sent" of one data type, read as a user reads it (shared by the files that check what was sent).

export const STATUS_SETTLED = /events? sent recently|Nothing of this kind was sent recently|Telemetry is off|Could not load the events/;

/**
 * Opens "Show what was sent" of a data type afresh (closing it first if open, so the host is asked again) and
 * returns its status line and events, newest first, each as { name, data } with the data as shown (text).
 */
export async function showEvents(title) {
  const toggle = panel().eventsToggle(title);
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  await toggle.click();
  return readEvents(title);
}

/** The status line and rows of a data type's open events region, once it is no longer loading. */
export async function readEvents(title) {
  const status = panel().eventsStatus(title);
  await status.filter({ hasText: STATUS_SETTLED }).waitFor({ timeout: 10_000 });
  return { status: (await status.innerText()).trim(), events: await panel().readEvents(title) };
}

/** The status line for `count` events (src/components/telemetry-events). */
export const countLine = (count) => (count === 1 ? '1 event sent recently, newest first.' : `${count} events sent recently, newest first.`);

/** The example's telemetry notice, as VS Code shows it: a notification toast. */
export const noticeToast = () => page.locator('.notification-toast', { hasText: 'Code Studio collects anonymous usage data' });

/** Waits for the notice and answers it: a button by its title, or closed (its Clear Notification action). */
export async function answerNotice(button) {
  const toast = noticeToast();
  await toast.waitFor({ timeout: 60_000 });
  if (button) await toast.getByRole('button', { name: button }).click();
  else {
    await toast.hover();
    await toast.locator('.codicon-notifications-clear').click();
  }
  await toast.waitFor({ state: 'detached', timeout: 10_000 });
}
