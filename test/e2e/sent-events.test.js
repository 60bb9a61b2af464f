// What the example's collector got, end to end in a genuine VS Code (code-server 4.100.3): VS Code's own
// TelemetryLogger, then the consent gate and its outbox, then an upload that appends each batch to sent-events.jsonl
// in the extension's global storage folder. The file and "Show what was sent" must agree. Run with `node --test`.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  countLine,
  expectPanelShows,
  expectSettingOnDisk,
  EXTENSION_ID,
  openPanel,
  panel,
  runCommand,
  server,
  setUpWorkbench,
  showEvents,
  telemetrySwitch,
  test,
} from './workbench.js';

setUpWorkbench();

/** Where VS Code keeps the example's global storage: under the user-data dir code-server.js gives it. */
const storageFile = () => join(server.dir, 'ud', 'User', 'globalStorage', EXTENSION_ID, 'sent-events.jsonl');

/** The lines of sent-events.jsonl, parsed; none while the file does not exist. */
const sentLines = () =>
  existsSync(storageFile())
    ? readFileSync(storageFile(), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
    : [];

/** Waits until the file has `count` lines; returns them. */
async function expectLines(count, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (sentLines().length < count && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 50));
  const lines = sentLines();
  assert.equal(lines.length, count, `sent-events.jsonl should have ${count} lines:\n${lines.map((line) => line.name).join('\n')}`);
  return lines;
}

const SAMPLE_NAMES = ['system/heartbeat', 'model-command/run', 'tokens/usage', 'autocomplete/feedback', 'account/session'].map(
  (name) => `${EXTENSION_ID}/${name}`,
);

/** The properties VS Code 1.100's logger adds to every event; the gate lets them through and the panel shows them. */
const VSCODE_PROPERTIES = ['common.vscodemachineid', 'common.vscodesessionid', 'common.extname', 'common.extversion', 'common.vscodeversion', 'common.uikind', 'common.remotename'];

test('off: Send Sample Events writes nothing and "Show what was sent" says so; on: one line per data type, shown as in the file', async () => {
  await openPanel();
  // The folder exists once the example activated; its sender writes only what the gate lets through.
  const folder = join(server.dir, 'ud', 'User', 'globalStorage', EXTENSION_ID);
  assert.ok(existsSync(folder), `the extension's global storage folder is ${folder}: ${readdirSync(join(server.dir, 'ud', 'User')).join(', ')}`);
  if ((await telemetrySwitch().getAttribute('aria-checked')) === 'true') await telemetrySwitch().click();
  await expectSettingOnDisk(false);
  await expectPanelShows(false);
  // The example asks for deletion as the switch goes off: that one line is written while off. Before it, only the
  // session start, had its batch come due before the switch.
  const deadline = Date.now() + 10_000;
  while (!sentLines().some((line) => line.name === 'deletion-request') && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 50));
  const names = sentLines().map((line) => line.name);
  assert.equal(names.at(-1), 'deletion-request', names.join('\n'));
  assert.ok(names.slice(0, -1).every((name) => name === `${EXTENSION_ID}/system/session-start`), names.join('\n'));
  const before = sentLines().length;

  await runCommand('Code Studio (demo): Send Sample Events');
  // The off line first, then the wait for a write that must not come.
  await panel().eventsToggle('Model and command').click();
  await panel().eventsStatus('Model and command').filter({ hasText: /^Telemetry is off, so nothing is sent\.$/ }).waitFor({ timeout: 5000 });
  assert.equal(await panel().eventRows('Model and command').count(), 0, 'no rows while off');
  await new Promise((wait) => setTimeout(wait, 1500));
  assert.equal(sentLines().length, before, 'no line added while telemetry is off');

  await telemetrySwitch().click();
  await expectSettingOnDisk(true);
  await expectPanelShows(true);
  const nothing = await showEvents('Model and command');
  assert.equal(nothing.status, 'Nothing of this kind was sent recently.', 'the send while off was not recorded either');
  assert.equal(sentLines().length, before, 'switching on sends nothing by itself');

  await runCommand('Code Studio (demo): Send Sample Events');
  const lines = (await expectLines(before + SAMPLE_NAMES.length)).slice(before);
  assert.deepEqual(lines.map((line) => line.name), SAMPLE_NAMES, 'one line per data type, in order');
  for (const line of lines) {
    assert.ok(!Number.isNaN(Date.parse(line.time)), `a time on ${line.name}`);
    for (const property of VSCODE_PROPERTIES) assert.ok(property in line.data, `${property} in ${line.name}: ${JSON.stringify(line.data)}`);
  }
  const modelLine = lines[1];
  console.log(`# sent-events.jsonl, model-command line: ${JSON.stringify(modelLine)}`);
  assert.equal(modelLine.data.model, 'demo-model');
  assert.equal(modelLine.data['common.extname'], EXTENSION_ID);

  const shown = await showEvents('Model and command');
  assert.equal(shown.status, countLine(1));
  // Shown as text, every field the file has, VS Code's own properties included, and nothing else.
  const asText = Object.fromEntries(Object.entries(modelLine.data).map(([key, value]) => [key, String(value)]));
  assert.deepEqual(shown.events[0], { name: modelLine.name, data: asText });
});
