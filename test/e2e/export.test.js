// The sent log's export and its reading back, end to end in a genuine VS Code (code-server 4.100.3) with a real HTTP
// collector on 127.0.0.1: "Export what was sent…" opens VS Code's save dialog (in code-server its simple file dialog,
// a quick input that takes a typed path), and the file written holds exactly what the collector received, which is
// what the example's sent-events.jsonl holds; Escape writes nothing and the panel says so. After "Developer: Reload
// Window" the counts and the lists are read back from disk: the same, plus only what was uploaded since.
// Run with `npm run test:e2e` (after `npm run build`).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import {
  countLine,
  expectPanelShows,
  EXTENSION_ID,
  openPanel,
  page,
  panel,
  reloadWindow,
  runCommand,
  server,
  setUpWorkbench,
  showEvents,
  test,
} from './workbench.js';
import { SAMPLE_NAMES, sleep, startCollector, TITLES } from './collector.js';

// Listening before the file's hooks run: code-server starts with its address in settings.json.
const collector = await startCollector();
const { expectReceived } = collector;

/** Where the tests pick export files: a folder of their own, outside code-server's. */
const exportDir = mkdtempSync(join(tmpdir(), 'cs-telemetry-e2e-export-'));
after(() => rmSync(exportDir, { recursive: true, force: true }));

setUpWorkbench({ settings: () => ({ 'codeStudio.demo.collectorUrl': collector.url }) });

const SESSION_START = `${EXTENSION_ID}/system/session-start`;

/** The example's own record of each upload: sent-events.jsonl in its global storage, parsed. */
const storageFile = () => join(server.dir, 'ud', 'User', 'globalStorage', EXTENSION_ID, 'sent-events.jsonl');
const sentLines = () => (existsSync(storageFile()) ? readFileSync(storageFile(), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : []);

/** VS Code's save dialog as code-server shows it: the simple file dialog, a quick input titled by the host. */
const saveDialog = () => page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: /^Export what was sent$/ }) });

/**
 * Presses "Export what was sent…" and waits until the save dialog has read its start folder (the workspace folder):
 * a path typed before that is overwritten by the folder's when it arrives. Returns the path box, focused.
 */
async function openSaveDialog() {
  await panel().exportButton().click();
  await saveDialog().waitFor({ timeout: 10_000 });
  await panel().exportStatus().filter({ hasText: /^Exporting: choose where to save the file in the dialog\.$/ }).waitFor({ timeout: 5000 });
  const path = saveDialog().locator('.quick-input-box input');
  const start = `${join(server.dir, 'ws')}/`;
  const upRow = saveDialog().locator('.quick-input-list .monaco-list-row', { hasText: /^\.\./ });
  const deadline = Date.now() + 10_000;
  while (!((await path.inputValue()) === start && (await upRow.count()) === 1) && Date.now() < deadline) await sleep(50);
  assert.equal(await path.inputValue(), start, 'the dialog starts in the workspace folder');
  assert.equal(await upRow.count(), 1, 'the dialog lists its start folder, ".." first');
  await assert.doesNotReject(() => path.and(page.locator(':focus')).waitFor({ timeout: 5000 }), 'the path box has the focus');
  return path;
}

/**
 * Types `file` into the save dialog's path box and accepts it with Enter. The dialog lists a typed folder a moment
 * after it is typed, and an Enter that comes before that only moves it there: so the folder is typed first and its
 * listing awaited (".." and each entry of the folder), then the name. Enter is pressed again only while the dialog
 * stays open with the path as typed and no message, and each press waits long enough for a loaded machine.
 */
async function saveAs(path, file) {
  const folder = `${dirname(file)}/`;
  await path.fill(folder);
  const rows = saveDialog().locator('.quick-input-list .monaco-list-row');
  const listed = () => readdirSync(dirname(file)).length + 1;
  const deadline = Date.now() + 10_000;
  while (!((await path.inputValue()) === folder && (await rows.count()) === listed()) && Date.now() < deadline) await sleep(50);
  await path.fill(file);
  for (let enters = 1; ; enters++) {
    await page.keyboard.press('Enter');
    try {
      await saveDialog().waitFor({ state: 'hidden', timeout: 8000 });
      console.log(`# the save dialog took ${file} at Enter number ${enters}`);
      return;
    } catch (error) {
      const message = saveDialog().locator('.quick-input-message');
      assert.ok(!(await message.isVisible()), `the save dialog says: ${await message.innerText()}`);
      assert.equal(await path.inputValue(), file, 'the path typed stays in the box');
      if (enters === 3) throw error;
    }
  }
}

/** Waits until `locator` (one of the panel's lines) says exactly `words`; `what` names it in the failure. */
async function expectText(locator, words, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let said = (await locator.innerText()).trim();
  while (said !== words && Date.now() < deadline) {
    await sleep(50);
    said = (await locator.innerText()).trim();
  }
  assert.equal(said, words, what);
}
const expectExportStatus = (words) => expectText(panel().exportStatus(), words, "the panel's export line");

/** An event as "Show what was sent" shows it: its data as text. */
const asShown = (event) => ({ name: event.name, data: Object.fromEntries(Object.entries(event.data).map(([key, value]) => [key, String(value)])) });

/** Each data type's count line (part `sent-count`) and its "Show what was sent" list, as the panel shows them. */
async function readCountsAndLists() {
  const shown = {};
  for (const [category, title] of Object.entries(TITLES)) {
    const count = (await panel().dataType(title).locator('[part=sent-count]').innerText()).trim();
    const { status, events } = await showEvents(title);
    shown[category] = { count, status, events };
  }
  return shown;
}

/** What the panel must show for the collector's events: per data type, its count and its events newest first. */
function expectedFrom(received) {
  return Object.fromEntries(
    Object.keys(TITLES).map((category) => {
      const events = received.filter((event) => event.category === category).reverse().map(asShown);
      return [category, { count: countText(events.length), status: events.length ? countLine(events.length) : 'Nothing of this kind was sent recently.', events }];
    }),
  );
}
/** The words of part `sent-count` (src/components/telemetry-data-types/sent-count.ts), all sent within the week. */
const countText = (count) => (count === 0 ? 'None sent in the last 7 days.' : `${count} sent in the last 7 days.`);

test('Export what was sent… writes the file picked in the save dialog: every event the collector received, in order', async () => {
  await openPanel();
  await expectPanelShows(true);
  await runCommand('Code Studio (demo): Send Sample Events');
  await expectReceived(SAMPLE_NAMES.length + 1);
  await runCommand('Code Studio (demo): Send Sample Events');
  // The session start, queued when the example activated, went with the first batch.
  const received = await expectReceived(2 * SAMPLE_NAMES.length + 1);
  assert.deepEqual(
    received.map((event) => event.name),
    [SESSION_START, ...SAMPLE_NAMES, ...SAMPLE_NAMES],
  );
  // The example appends to sent-events.jsonl once the collector has answered: a moment after the collector has them.
  const deadline = Date.now() + 10_000;
  while (sentLines().length < received.length && Date.now() < deadline) await sleep(50);
  assert.deepEqual(sentLines(), received, 'sent-events.jsonl holds what the collector received');

  // The dialog starts in the workspace folder; a path typed in full goes anywhere on the machine.
  const path = await openSaveDialog();
  const file = join(exportDir, 'sent-telemetry.json');
  await saveAs(path, file);
  await expectExportStatus(`Exported ${received.length} events to ${file}.`);

  const exported = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`# exported ${exported.length} events, ${statSync(file).size} bytes; the first: ${JSON.stringify(exported[0])}`);
  // Every event, every field, in the order uploaded: what the collector got, which is what the example recorded.
  assert.deepEqual(exported, collector.received);
  assert.deepEqual(exported, sentLines());
});

test('Escape in the save dialog: nothing is written, and the panel says no file was chosen', async () => {
  const listing = () => ({ export: readdirSync(exportDir).sort(), workspace: readdirSync(join(server.dir, 'ws')).sort() });
  const before = listing();
  const earlier = readFileSync(join(exportDir, 'sent-telemetry.json'), 'utf8');

  await openSaveDialog();
  await page.keyboard.press('Escape');
  await saveDialog().waitFor({ state: 'hidden', timeout: 10_000 });
  await expectExportStatus('Nothing was exported: no file was chosen.');
  // A write that must not come would land by now: the host answers only after writing.
  await sleep(1000);
  assert.deepEqual(listing(), before, 'no file was written, where the dialog started or where the last export went');
  assert.equal(readFileSync(join(exportDir, 'sent-telemetry.json'), 'utf8'), earlier, 'the earlier export is as it was');
});

test('after Developer: Reload Window, the counts and the lists are read back from disk: the same, and an export still has every event', async () => {
  const shownBefore = await readCountsAndLists();
  const receivedBefore = [...collector.received];
  assert.deepEqual(shownBefore, expectedFrom(receivedBefore), 'before the reload the panel shows what the collector received');

  await reloadWindow();
  await openPanel();
  // The new extension host logs its session start, which goes with its first batch (within 30 s): the one event the
  // collector may get meanwhile. Waited for, so that the panel is read once the log no longer moves.
  const received = await expectReceived(receivedBefore.length + 1, 60_000);
  assert.equal(received.at(-1).name, SESSION_START);
  assert.deepEqual(received.slice(0, -1), receivedBefore);
  const sessionStart = asShown(received.at(-1));
  const systemCount = panel().dataType(TITLES.system).locator('[part=sent-count]');
  await expectText(systemCount, countText(shownBefore.system.events.length + 1), 'System configurations: its count, read back and then followed');

  const shownAfter = await readCountsAndLists();
  for (const category of Object.keys(TITLES)) {
    if (category === 'system') continue;
    assert.deepEqual(shownAfter[category], shownBefore[category], `${TITLES[category]}: the same count and list after the reload`);
  }
  // System configurations: what it showed before, below the one event uploaded since.
  const systemBefore = shownBefore.system.events;
  assert.deepEqual(shownAfter.system, {
    count: countText(systemBefore.length + 1),
    status: countLine(systemBefore.length + 1),
    events: [sessionStart, ...systemBefore],
  });

  const path = await openSaveDialog();
  const file = join(exportDir, 'after-reload.json');
  await saveAs(path, file);
  await expectExportStatus(`Exported ${received.length} events to ${file}.`);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), collector.received, 'the export after the reload has every event, in order');
});
