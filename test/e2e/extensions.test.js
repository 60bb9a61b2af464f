// The protocol's extensions end to end in a genuine VS Code (code-server 4.100.3): what was sent, the account switch, the history line,
// the links and the language, through the example extension and the host adapter. Run with `npm run test:e2e`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  accountSwitch,
  badge,
  BADGE,
  browser,
  closePanel,
  countLine,
  editSettingsJson,
  expectPanelShows,
  expectSettingOnDisk,
  EXTENSION_ID,
  KEY,
  openPanel,
  page,
  reloadWindow,
  runCommand,
  setUpWorkbench,
  showEvents,
  telemetrySwitch,
  test,
  panel,
} from './workbench.js';

const LANGUAGE_KEY = 'codeStudio.demo.displayLanguage';
const PRIVACY_URL = 'https://code-studio.example/privacy';

/** Console messages of every frame, the webview's included, since the browser started. */
const consoleMessages = [];
/** Responses for the German strings module, wherever in the webview's chain they were fetched. */
const germanChunkResponses = [];

setUpWorkbench({
  init: (context) => {
    // Chromium reports each CSP violation, in any frame (the webview's too), as a console error naming the policy.
    context.on('console', (message) => consoleMessages.push({ type: message.type(), text: message.text(), url: message.location().url }));
    context.on('response', (response) => {
      if (/\/locales\/de\.js(\?|$)/.test(response.url())) germanChunkResponses.push({ url: response.url(), status: response.status() });
    });
  },
});

/** Makes sure the panel is open with telemetry on, whatever an earlier test left. */
async function panelOpenWithTelemetryOn() {
  await openPanel();
  if ((await telemetrySwitch().getAttribute('aria-checked')) !== 'true') {
    await telemetrySwitch().click();
    await expectSettingOnDisk(true);
  }
}

const sendSampleEvents = () => runCommand('Code Studio (demo): Send Sample Events');

/** "Show what was sent" of a data type once it lists `count` events: the command returns before its upload is done. */
async function showSent(title, count, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await showEvents(title);
    if (shown.events.length >= count || Date.now() > deadline) return shown;
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

/** An event as shown, without the properties VS Code adds to every event (`common.*`, checked in sent-events.test.js). */
const ownFields = ({ name, data }) => ({ name, data: Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('common.'))) });

test('what was sent: the sample events show per data type; while off nothing is recorded and the list says so', async () => {
  await panelOpenWithTelemetryOn();
  await expectPanelShows(true);
  const tokensBefore = (await showEvents('Token usage')).events.length;
  const modelBefore = (await showEvents('Model and command')).events.length;

  await sendSampleEvents();
  const tokens = await showSent('Token usage', tokensBefore + 1);
  assert.equal(tokens.status, countLine(tokensBefore + 1));
  assert.deepEqual(ownFields(tokens.events[0]), { name: `${EXTENSION_ID}/tokens/usage`, data: { prompt: '120', completion: '48' } });
  const model = await showSent('Model and command', modelBefore + 1);
  assert.equal(model.status, countLine(modelBefore + 1));
  assert.deepEqual(ownFields(model.events[0]), { name: `${EXTENSION_ID}/model-command/run`, data: { model: 'demo-model', command: 'explain' } });

  // Off: the open list says nothing is sent instead of listing, and the sender records nothing.
  await telemetrySwitch().click();
  await expectSettingOnDisk(false);
  await expectPanelShows(false);
  const offLine = panel().eventsStatus('Token usage');
  await offLine.filter({ hasText: /^Telemetry is off, so nothing is sent\.$/ }).waitFor({ timeout: 5000 });
  assert.ok(await offLine.isVisible(), 'the "off" state is shown, not hidden');
  assert.equal(await panel().eventRows('Token usage').count(), 0, 'no rows while off');
  await sendSampleEvents();

  await telemetrySwitch().click();
  await expectSettingOnDisk(true);
  await expectPanelShows(true);
  const afterOff = await showEvents('Token usage');
  assert.equal(afterOff.status, countLine(tokensBefore + 1), 'nothing was recorded while telemetry was off');
  assert.equal(afterOff.events.length, tokensBefore + 1);

  // On again: the next send is recorded, so the unchanged count above was not a list that stopped updating.
  await sendSampleEvents();
  assert.equal((await showSent('Token usage', tokensBefore + 2)).status, countLine(tokensBefore + 2));
});

test('account: signed in, the account switch is on and sent; switched off, the badge says anonymous, nothing is sent, and it stays off after a reload', async () => {
  await panelOpenWithTelemetryOn();
  const title = 'Account details, when signed in';
  await runCommand('Code Studio: Sign In (Demo Account)');
  await panel().account().filter({ hasText: 'ada' }).waitFor({ timeout: 5000 });
  // The example links the account by default: the switch is there, on, and the badge says so.
  await panel().accountSwitch({ checked: true }).waitFor({ timeout: 5000 });
  await expectPanelShows(true, { identity: 'linked' });

  const accountBefore = (await showEvents(title)).events.length;
  await sendSampleEvents();
  const sent = await showSent(title, accountBefore + 1);
  assert.equal(sent.status, countLine(accountBefore + 1));
  assert.deepEqual(ownFields(sent.events[0]), { name: `${EXTENSION_ID}/account/session`, data: { signedIn: 'true', loginName: 'ada', email: 'ada@example.com' } });

  await accountSwitch().click();
  await panel().accountSwitch({ checked: false }).waitFor({ timeout: 5000 });
  await expectPanelShows(true, { identity: 'anonymous' });

  const tokensBefore = (await showEvents('Token usage')).events.length;
  await sendSampleEvents();
  assert.equal((await showSent('Token usage', tokensBefore + 1)).events.length, tokensBefore + 1, 'the samples were sent');
  const unlinked = await showSent(title, accountBefore + 2);
  assert.equal(unlinked.status, countLine(accountBefore + 2));
  assert.deepEqual(ownFields(unlinked.events[0]).data, { signedIn: 'true' }, 'no login name or email while the account switch is off');

  await reloadWindow();
  // The panel comes back by itself after the reload, and again when closed and opened.
  await accountSwitch().waitFor({ timeout: 20_000 });
  await panel().accountSwitch({ checked: false }).waitFor({ timeout: 10_000 });
  await expectPanelShows(true, { identity: 'anonymous' });
  await closePanel();
  await openPanel();
  await panel().accountSwitch({ checked: false }).waitFor({ timeout: 10_000 });
  await expectPanelShows(true, { identity: 'anonymous' });

  await runCommand('Code Studio: Sign Out (Demo Account)');
  await panel().account().waitFor({ state: 'detached', timeout: 5000 });
});

test('history: a change from the panel says "from this page", one in settings.json says "in your settings"', async () => {
  await panelOpenWithTelemetryOn();
  const history = panel().history();
  await telemetrySwitch().click();
  await expectSettingOnDisk(false);
  await expectPanelShows(false);
  // Under a minute ago reads "now" (Intl.RelativeTimeFormat, numeric: auto).
  await history.filter({ hasText: /^Last changed now, from this page$/ }).waitFor({ timeout: 5000 });

  await editSettingsJson({ [KEY]: true });
  await expectPanelShows(true);
  await history.filter({ hasText: /^Last changed now, in your settings$/ }).waitFor({ timeout: 5000 });
});

test('links: "Privacy statement" leaves the webview where it is and asks VS Code to open the URL', async () => {
  await openPanel();
  const frame = await page.locator('iframe.webview.ready').contentFrame().locator('#active-frame').elementHandle().then((element) => element.contentFrame());
  const webviewUrl = frame.url();
  const navigations = [];
  const onNavigated = (navigated) => {
    if (navigated !== page.mainFrame()) navigations.push(navigated.url());
  };
  page.on('framenavigated', onNavigated);
  const pages = [];
  const onPage = (opened) => pages.push(opened);
  browser.on('page', onPage);
  try {
    await panel().link('Privacy statement').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    const text = await dialog.innerText();
    console.log(`# dialog: ${JSON.stringify(text)}; pages opened: ${pages.map((opened) => opened.url()).join(', ') || 'none'}`);
    assert.match(text, /Do you want .+ to open the external website\?/);
    assert.ok(text.split('\n').includes(PRIVACY_URL), `the dialog names ${PRIVACY_URL} on a line of its own: ${text}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(pages, [], 'cancelled: no page opened');
    assert.deepEqual(navigations, [], 'no frame navigated');
    assert.ok(!frame.isDetached(), 'the page in the webview is the same page');
    assert.equal(frame.url(), webviewUrl);
    await telemetrySwitch().waitFor({ timeout: 5000 });
  } finally {
    // A failed check must not leave the modal dialog over the workbench for the next test.
    if (await page.locator('.monaco-dialog-box').isVisible()) await page.keyboard.press('Escape');
    page.off('framenavigated', onNavigated);
    browser.off('page', onPage);
  }
});

/** The German of a message id in xliff/de.xlf, or undefined when it has no translation there. */
function german(id) {
  const xliff = readFileSync(join(import.meta.dirname, '../../xliff/de.xlf'), 'utf8');
  const unit = xliff.match(new RegExp(`<trans-unit id="${id.replace(/\./g, '\\.')}">([\\s\\S]*?)</trans-unit>`));
  return unit?.[1].match(/<target[^>]*>([\s\S]*?)<\/target>/)?.[1];
}

test('language: with the display language German the panel speaks German, loaded under the webview\'s CSP', async () => {
  await openPanel();
  await closePanel();
  await editSettingsJson({ [LANGUAGE_KEY]: 'de' });
  const consoleFrom = consoleMessages.length;
  const chunksFrom = germanChunkResponses.length;
  await runCommand('Code Studio: Telemetry Settings');
  // lang follows the strings that are shown: "de" only once the German module has loaded.
  const section = (lang) => panel().section(lang);
  const inGerman = await section('de').waitFor({ timeout: 20_000 }).then(() => true, () => false);
  // Checked first: a module the CSP blocks is the likeliest reason for the page to stay in English.
  const violations = consoleMessages.slice(consoleFrom).filter(({ text }) => /Content Security Policy/i.test(text));
  assert.deepEqual(violations, [], 'no CSP violation in the webview');
  assert.ok(inGerman, 'the panel switched to German: its section has lang="de"');
  const chunks = germanChunkResponses.slice(chunksFrom);
  assert.ok(chunks.length > 0 && chunks.every(({ status }) => status >= 200 && status < 300), `locales/de.js was fetched: ${JSON.stringify(chunks)}`);
  console.log(`# locales/de.js: ${chunks.map(({ url, status }) => `${status} ${url}`).join('; ')}`);
  const heading = german('panel.heading');
  const switchLabel = german('panel.switch');
  assert.ok(heading && switchLabel, 'xliff/de.xlf translates the heading and the switch');
  await panel().heading(heading).waitFor({ timeout: 5000 });
  await panel().switch({ name: switchLabel }).waitFor({ timeout: 5000 });

  // Back to English for whatever runs next.
  await closePanel();
  await editSettingsJson({ [LANGUAGE_KEY]: '' });
  await openPanel();
  await section('en').waitFor({ timeout: 10_000 });
  await panel().heading('Telemetry').waitFor();
  assert.ok(Object.values(BADGE).includes(await badge().innerText()), 'the badge speaks English again');
});
