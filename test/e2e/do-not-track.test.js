// DO_NOT_TRACK=1 in the extension host's environment, in a genuine VS Code (code-server 4.100.3): the panel says why
// nothing is sent and the badge says Off while the switch stays as the user set it; "Send Sample Events" writes no
// line to sent-events.jsonl; and no notice is shown, since nothing is collected.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { badge, EXTENSION_ID, noticeToast, openPanel, page, runCommand, server, setUpWorkbench, telemetrySwitch, test, webview } from './workbench.js';

setUpWorkbench({ notice: 'keep', env: { DO_NOT_TRACK: '1' } });

const storageFile = () => join(server.dir, 'ud', 'User', 'globalStorage', EXTENSION_ID, 'sent-events.jsonl');

test('DO_NOT_TRACK=1: the panel says why, the badge says Off, nothing is written, no notice', async () => {
  await openPanel();
  await webview().getByText('Your environment sets DO_NOT_TRACK, so Code Studio sends nothing, whatever this switch says.').waitFor({ timeout: 10_000 });
  assert.equal(await badge().innerText(), 'Off');
  assert.equal(await telemetrySwitch().getAttribute('aria-checked'), 'true', 'the setting itself is still on');
  await runCommand('Code Studio (demo): Send Sample Events');
  await page.waitForTimeout(2000); // time for an upload that must not happen; asserted, not measured
  assert.equal(existsSync(storageFile()) ? readFileSync(storageFile(), 'utf8') : '', '');
  assert.equal(await noticeToast().count(), 0);
});
