// The telemetry notice in a genuine VS Code (code-server 4.100.3), fresh user data: it appears on the first
// activation, nothing reaches sent-events.jsonl before it is answered (not even through "Send Sample Events"), the
// panel opened meanwhile says so, and "Open Telemetry Settings" opens the panel and lets what waited go.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerNotice, badge, EXTENSION_ID, noticeToast, openPanel, page, panel, reloadWindow, runCommand, server, setUpWorkbench, test, webview } from './workbench.js';

setUpWorkbench({ notice: 'keep' });

const storageFile = () => join(server.dir, 'ud', 'User', 'globalStorage', EXTENSION_ID, 'sent-events.jsonl');
const sentLines = () => (existsSync(storageFile()) ? readFileSync(storageFile(), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : []);
const HOLD_WORDS = 'Code Studio sends nothing until you answer its notice about telemetry.';

test('the notice appears on first activation with Turn Off and Open Telemetry Settings; nothing is uploaded until it is answered', async () => {
  const toast = noticeToast();
  await toast.waitFor({ timeout: 60_000 });
  assert.match(await toast.innerText(), /Code Studio collects anonymous usage data to improve product quality and user experience\. Your code, prompts and files are never collected\./);
  await toast.getByRole('button', { name: 'Turn Off' }).waitFor();
  await toast.getByRole('button', { name: 'Open Telemetry Settings' }).waitFor();
  // The session start waits in the outbox; Send Sample Events logs five more and flushes: still nothing may leave.
  await runCommand('Code Studio (demo): Send Sample Events');
  await openPanel();
  await webview().getByText(HOLD_WORDS).waitFor({ timeout: 10_000 });
  await runCommand('Code Studio (demo): Send Sample Events');
  await page.waitForTimeout(2000); // time for an upload that must not happen; asserted, not measured
  assert.deepEqual(sentLines(), [], 'sent-events.jsonl has no line before the notice is answered');
  assert.equal(await badge().innerText(), 'On, anonymous');
});

test('Open Telemetry Settings: the panel no longer says it waits, and what waited is uploaded with the next flush', async () => {
  await answerNotice('Open Telemetry Settings');
  await webview().getByText(HOLD_WORDS).waitFor({ state: 'detached', timeout: 10_000 });
  await runCommand('Code Studio (demo): Send Sample Events');
  const deadline = Date.now() + 10_000;
  while (sentLines().length < 16 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 50));
  const names = sentLines().map((line) => line.name.replace(`${EXTENSION_ID}/`, ''));
  assert.equal(names.filter((name) => name === 'system/session-start').length, 1, names.join('\n'));
  assert.equal(names.filter((name) => name === 'tokens/usage').length, 3, names.join('\n'));
  assert.equal(names.length, 16, names.join('\n'));
});

test('the panel counts what was sent per data type, follows a new send while open, and shows the same after a reload', async () => {
  const tokens = () => panel().dataType('Token usage').locator('[part=sent-count]');
  await tokens().filter({ hasText: '3 sent in the last 7 days.' }).waitFor({ timeout: 10_000 });
  await runCommand('Code Studio (demo): Send Sample Events');
  await tokens().filter({ hasText: '4 sent in the last 7 days.' }).waitFor({ timeout: 10_000 });
  const lines = sentLines().filter((line) => line.category === 'tokens');
  assert.equal(lines.length, 4, 'the count is what sent-events.jsonl holds');
  await reloadWindow();
  await openPanel();
  await tokens().filter({ hasText: '4 sent in the last 7 days.' }).waitFor({ timeout: 20_000 });
  // Answered before the reload: not shown again.
  assert.equal(await noticeToast().count(), 0);
});
