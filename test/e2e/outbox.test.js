// The outbox end to end in a genuine VS Code (code-server 4.100.3) with a real HTTP collector on 127.0.0.1, set as the
// example's `codeStudio.demo.collectorUrl`: what the panel lists is what the collector received, across a reload; a
// collector that fails twice gets each event once; off, it gets nothing more, not after a reload, an extension-host
// kill or a window closed, and events logged just before the switch never arrive; one deletion request goes instead.
// Run with `npm run test:e2e` (after `npm run build`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  browser,
  expectPanelShows,
  expectSettingOnDisk,
  EXTENSION_ID,
  killExtensionHost,
  openPanel,
  panelPageId,
  reloadWindow,
  runCommand,
  server,
  setUpWorkbench,
  showEvents,
  telemetrySwitch,
  test,
} from './workbench.js';
import { SAMPLE_NAMES, sleep, startCollector, TITLES } from './collector.js';
import * as workbench from './workbench.js';

// Listening before the file's hooks run: code-server starts with its address in settings.json.
const collector = await startCollector();
const { expectReceived } = collector;

setUpWorkbench({ settings: () => ({ 'codeStudio.demo.collectorUrl': collector.url }) });

/** What the panel lists for each data type equals what the collector received of it, newest first, as text. */
async function expectPanelListsCollector() {
  for (const [category, title] of Object.entries(TITLES)) {
    const got = collector.received.filter((event) => event.category === category).reverse();
    const shown = await showEvents(title);
    const expected = got.map((event) => ({ name: event.name, data: Object.fromEntries(Object.entries(event.data).map(([key, value]) => [key, String(value)])) }));
    assert.deepEqual(shown.events, expected, `${title}: the panel lists what the collector received`);
  }
}

const queueFile = () => join(server.dir, 'ud', 'User', 'globalStorage', EXTENSION_ID, 'telemetry-queue.jsonl');
const queuedNames = () => (existsSync(queueFile()) ? readFileSync(queueFile(), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).event.name) : []);

test('on: the collector gets one event per data type; the panel lists exactly what it received, after a reload too', async () => {
  await openPanel();
  await expectPanelShows(true);
  await runCommand('Code Studio (demo): Send Sample Events');
  // The session start, queued when the example activated, goes with the first batch.
  const received = await expectReceived(SAMPLE_NAMES.length + 1);
  assert.deepEqual(received.map((event) => event.name), [`${EXTENSION_ID}/system/session-start`, ...SAMPLE_NAMES]);
  await expectPanelListsCollector();

  await reloadWindow();
  await openPanel();
  await expectPanelListsCollector();
});

test('a collector that fails twice, then recovers, gets each event once', async () => {
  const before = collector.received.length;
  const postsBefore = collector.posts;
  collector.failures = 2;
  await runCommand('Code Studio (demo): Send Sample Events');
  // The reload started a new extension host, whose session start goes first.
  const count = before + SAMPLE_NAMES.length + 1;
  const received = (await expectReceived(count)).slice(before);
  assert.deepEqual(received.map((event) => event.name), [`${EXTENSION_ID}/system/session-start`, ...SAMPLE_NAMES]);
  assert.equal(collector.posts - postsBefore, 3, 'two failed posts, then the one accepted');
  // A retry that came late would show up now.
  await sleep(3000);
  assert.equal(collector.received.length, count, 'each event once');
  await expectPanelListsCollector();
});

test('off: one deletion request, then nothing, not after a reload, a kill or a window closed; what was logged just before never arrives', async () => {
  // A new extension host logs its session start; the batch is not due for 30 s.
  const oldPage = await panelPageId();
  await killExtensionHost();
  // The panel is revived with a new page, which the new host answers.
  for (const deadline = Date.now() + 20_000; (await panelPageId().catch(() => oldPage)) === oldPage; ) {
    assert.ok(Date.now() < deadline, 'the panel was revived');
    await sleep(100);
  }
  const deadline = Date.now() + 20_000;
  while (!queuedNames().includes(`${EXTENSION_ID}/system/session-start`) && Date.now() < deadline) await sleep(100);
  assert.ok(queuedNames().includes(`${EXTENSION_ID}/system/session-start`), 'the session start waits in the queue');
  const before = collector.received.length;

  await openPanel();
  await expectPanelShows(true);
  await telemetrySwitch().click();
  await expectSettingOnDisk(false);
  await expectPanelShows(false);
  assert.deepEqual(queuedNames(), [], 'purged on disk');
  const request = (await expectReceived(before + 1)).at(-1);
  assert.equal(request.name, 'deletion-request');
  assert.deepEqual(Object.keys(request.data), ['machineId']);
  assert.ok(typeof request.data.machineId === 'string' && request.data.machineId.length > 0, 'the anonymous machine id');

  await runCommand('Code Studio (demo): Send Sample Events');
  await reloadWindow();
  await openPanel();
  await expectPanelShows(false);
  await runCommand('Code Studio (demo): Send Sample Events');
  await killExtensionHost();
  // A window closed and opened again.
  const page = await browser.newPage();
  await workbench.page.close();
  await page.goto(server.url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // Past the batch interval (30 s) since the session start was logged, and past every retry.
  await sleep(35_000);
  assert.deepEqual(collector.received.slice(before).map((event) => event.name), ['deletion-request'], 'nothing but the deletion request');
});
