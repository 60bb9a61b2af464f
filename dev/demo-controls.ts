// The demo page's controls: they turn the knobs of the fake editor (fake-editor.ts: the host adapter that ships, on
// a fake `vscode`), whose adapter talks to the panel in the iframe as VS Code's host frame does. What the editor
// holds (its settings and history) is kept in localStorage, and every message either way is written to the log.
/// <reference types="vite/client" />
import {
  DEMO_ACCOUNT,
  FakeEditor,
  type ExportOutcome,
  type FakeEditorLogEntry,
  type FakeEditorStore,
  type TelemetryLevel,
} from './fake-editor.js';
import type { SentLogSeed } from './demo-events.js';
import { NOTICE_KEY } from '../src/host/telemetry-notice.js';
import { PROTOCOL_VERSION, type TelemetryAccount } from '../src/protocol/protocol.js';

const STORE_KEY = 'cs-demo-editor';
const frame = document.querySelector<HTMLIFrameElement>('#webview')!;
// `npm run example:react` (Vite's mode "react"): the webview is the React example's settings page, not the bare panel.
// Under the test runner there is no import.meta.env.
if (import.meta.env?.MODE === 'react') frame.src = './dev/react-webview.html';
const form = document.querySelector<HTMLFormElement>('#controls')!;
const log = document.querySelector<HTMLOListElement>('#log')!;
const failNext = document.querySelector<HTMLButtonElement>('#failNext')!;

const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;

const ACCOUNTS: Record<string, TelemetryAccount | null> = {
  '': null,
  ada: DEMO_ACCOUNT,
  grace: { loginName: 'grace', email: 'grace@example.com' },
};
/** Written when a save fails on purpose: a read-only settings file, in words like VS Code's. */
const READ_ONLY = 'Unable to write into user settings because the file is read-only.';
const boolean = (value: string) => (value === '' ? undefined : value === 'on');

const offers = () => ({
  events: input('offerEvents').checked,
  gate: input('gate').checked,
  doNotTrack: input('doNotTrack').checked,
  notice: input('notice').checked,
  links: input('offerLinks').checked,
  accountSwitch: input('accountSwitch').checked,
  language: select('locale').value || undefined,
});

const saved: FakeEditorStore = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}');
const sentLog = () => select('sentLog').value as SentLogSeed;
// A first start: the notice's answer from an earlier visit is forgotten, so the notice shows.
if (input('notice').checked) delete saved.memento?.[NOTICE_KEY];
const editor = new FakeEditor({
  store: saved,
  ...offers(),
  latency: Number(input('latency').value) || 0,
  silent: input('neverAnswer').checked,
  protocol: input('newerProtocol').checked ? PROTOCOL_VERSION + 1 : PROTOCOL_VERSION,
  policy: input('policy').checked,
  account: ACCOUNTS[select('account').value] ?? null,
  manyEvents: sentLog() === 'many',
  sentLog: sentLog(),
  failEvents: input('failEvents').checked,
  exportOutcome: select('exportOutcome').value as ExportOutcome,
});
if (input('failSaves').checked) editor.failEverySave = READ_ONLY;
// The controls show what the editor holds, which may come from an earlier visit.
select('telemetryLevel').value = editor.telemetryLevel;
select('workspaceValue').value = editor.workspaceValue === undefined ? '' : editor.workspaceValue ? 'on' : 'off';

const keep = () => localStorage.setItem(STORE_KEY, JSON.stringify(editor.store));

function write(line: string): void {
  const item = document.createElement('li');
  item.textContent = line;
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild!.remove();
}

const describe = (entry: FakeEditorLogEntry): string => {
  switch (entry.kind) {
    case 'to-editor':
      return `webview → editor ${JSON.stringify(entry.message)}${entry.dropped ? ' (lost: the editor is not answering)' : ''}`;
    case 'to-webview':
      return `editor → webview ${JSON.stringify(entry.message)}${entry.dropped ? ' (lost: the editor is not answering)' : ''}`;
    case 'opened':
      return `(the editor would open ${entry.url} in the browser; nothing navigates here)`;
    case 'adapter':
      return `adapter: ${entry.text}`;
    case 'editor':
      return `editor: ${entry.text}`;
  }
};

const notification = document.querySelector<HTMLElement>('#notification')!;
/** The editor's notification (the telemetry notice), with its buttons and a close button, as VS Code shows it. */
function showNotification(): void {
  const shown = editor.notification;
  notification.hidden = !shown;
  if (!shown) return;
  notification.querySelector('#notificationText')!.textContent = shown.message;
  const buttons = [...shown.items, undefined].map((item) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = item ?? 'Close';
    button.addEventListener('click', () => editor.answerNotification(item));
    return button;
  });
  notification.querySelector('#notificationButtons')!.replaceChildren(...buttons);
}

editor.onDidLog((entry) => {
  write(describe(entry));
  showNotification();
  if (entry.kind !== 'to-webview') return;
  // The adapter posts after each change it made or saw: what the editor holds is saved by then.
  keep();
  const message = entry.message as { type?: string; code?: string };
  if (message.type === 'telemetry/error' && message.code === 'write-failed') failNext.textContent = 'Fail the next save';
});
editor.connectFrame(frame);
showNotification();

const reloadWebview = () => frame.contentWindow?.location.reload();

// Every control turns one knob; the adapter pushes what changes to the webview unasked, as it would in VS Code.
const knobs: Record<string, () => void> = {
  latency: () => (editor.latency = Number(input('latency').value) || 0),
  failSaves: () => (editor.failEverySave = input('failSaves').checked ? READ_ONLY : undefined),
  neverAnswer: () => (editor.silent = input('neverAnswer').checked),
  // A newer editor: the webview meets it when it next says hello.
  newerProtocol: () => {
    editor.protocol = input('newerProtocol').checked ? PROTOCOL_VERSION + 1 : PROTOCOL_VERSION;
    reloadWebview();
  },
  policy: () => (editor.policy = input('policy').checked),
  telemetryLevel: () => (editor.telemetryLevel = select('telemetryLevel').value as TelemetryLevel),
  account: () => (editor.account = ACCOUNTS[select('account').value] ?? null),
  workspaceValue: () => (editor.workspaceValue = boolean(select('workspaceValue').value)),
  sentLog: () => {
    editor.manyEvents = sentLog() === 'many';
    editor.sentLog = sentLog();
  },
  failEvents: () => (editor.failEvents = input('failEvents').checked),
  exportOutcome: () => (editor.exportOutcome = select('exportOutcome').value as ExportOutcome),
};
// What the extension offers is fixed while its adapter runs: a change restarts it, and the webview with it.
for (const name of ['offerEvents', 'offerLinks', 'accountSwitch', 'locale', 'gate', 'doNotTrack', 'notice']) {
  knobs[name] = () => {
    if (name === 'notice' && input('notice').checked) editor.forgetNoticeAnswer();
    editor.restart(offers());
    reloadWebview();
  };
}
form.addEventListener('input', (event) => {
  const name = (event.target as HTMLInputElement).name;
  if (name === 'latency') knobs.latency!();
});
form.addEventListener('change', (event) => {
  knobs[(event.target as HTMLInputElement).name]?.();
  keep();
});
document.querySelector('#flip')!.addEventListener('click', () => {
  editor.editSettingsFile(!(editor.store.enabled ?? true));
  keep();
});
failNext.addEventListener('click', () => {
  editor.failNextSave(READ_ONLY);
  failNext.textContent = 'The next save will fail';
});
document.querySelector('#reload')!.addEventListener('click', reloadWebview);
document.querySelector('#sendSamples')!.addEventListener('click', () => editor.sendSampleEvents());

const paintTheme = () => {
  const body = frame.contentDocument?.body;
  if (body) body.className = select('theme').value;
};
select('theme').addEventListener('change', paintTheme);
frame.addEventListener('load', paintTheme);
