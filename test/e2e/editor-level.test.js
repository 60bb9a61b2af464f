// End to end in code-server: the panel says what is really sent at the editor's own telemetry level. Between the
// levels below all, env.isTelemetryEnabled stays false and no telemetry event fires, so the words must follow the
// configuration event; a panel opened afterwards reads the level from the settings.
import assert from 'node:assert/strict';
import { badge, closePanel, editSettingsJson, expectPanelShows, openPanel, server, setUpWorkbench, test, webview } from './workbench.js';

const LEVEL = 'telemetry.telemetryLevel';
const CRASH_ONLY =
  "The editor's telemetry is set to crash reports only, so Code Studio sends nothing, whatever this switch says. The editor itself may still send crash reports.";
const ERRORS_ONLY =
  "The editor's telemetry is set to errors only, so Code Studio sends only error reports while this switch is on, and no usage data.";

setUpWorkbench();

/** Waits until the panel's badge says `words` and its one note under the setting row says `note` (none: null). */
async function expectLevelWords(words, note, timeout = 10_000) {
  await assert.doesNotReject(
    badge().filter({ hasText: new RegExp(`^${words}$`) }).waitFor({ timeout }),
    `the badge should say "${words}"`,
  );
  const notes = webview().locator('[part=switch] ~ .note');
  if (note === null) assert.equal(await notes.count(), 0, 'no note under the setting row');
  else await assert.doesNotReject(notes.filter({ hasText: note }).waitFor({ timeout }), `the panel should say "${note}"`);
}

test('at level all the panel says on, and nothing about the level', async () => {
  assert.equal(server.readSettings()[LEVEL], undefined, 'a fresh profile has no level of its own');
  await openPanel();
  await expectPanelShows(true);
  await expectLevelWords('On, anonymous', null);
});

test('telemetry.telemetryLevel set to error in the user settings: the open panel says only error reports are sent', async () => {
  await editSettingsJson({ [LEVEL]: 'error' });
  await openPanel();
  await expectLevelWords('Errors only', ERRORS_ONLY);
});

test('a panel opened while the level is error says the same: a new page and adapter read it from the settings', async () => {
  await closePanel();
  await openPanel();
  await expectLevelWords('Errors only', ERRORS_ONLY);
});

test('error to crash changes no env.isTelemetryEnabled: the configuration event alone brings the new words', async () => {
  await editSettingsJson({ [LEVEL]: 'crash' });
  await openPanel();
  await expectLevelWords('Off', CRASH_ONLY);
});
