// A mock of the editor's extension host for the demo page. It owns the setting (kept in localStorage), answers the
// webview's requests in the iframe as protocol v1 says, and pushes every change, whatever made it. It offers the
// issue-6 extensions as controls: events, links (logged, never opened), the account switch, history and a language.
import {
  PROTOCOL_VERSION,
  isWebviewMessage,
  type ChangedBy,
  type HostMessage,
  type TelemetryState,
} from '../src/protocol/protocol.js';
import { MANY_EVENTS, demoEvents } from './demo-events.js';

const STORE_KEY = 'cs-demo-editor';
const frame = document.querySelector<HTMLIFrameElement>('#webview')!;
const form = document.querySelector<HTMLFormElement>('#controls')!;
const log = document.querySelector<HTMLOListElement>('#log')!;

interface Stored {
  enabled: boolean;
  /** The account switch's value, when the host offers it. */
  accountLinked: boolean;
  changedAt: string | null;
  changedBy: ChangedBy;
}

const stored: Stored = {
  enabled: true,
  accountLinked: false,
  changedAt: null,
  changedBy: 'default',
  ...JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}'),
};
let rev = 1;
let failNextSave = false;

const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

function state(): TelemetryState {
  const policy = control('policy').checked;
  return {
    enabled: stored.enabled,
    editorTelemetryEnabled: !control('editorOff').checked,
    managedBy: policy ? 'policy' : null,
    account: control('signedIn').checked ? { loginName: 'ada', email: 'ada@example.com' } : null,
    changedAt: stored.changedAt,
    changedBy: policy ? 'policy' : stored.changedBy,
    ...(control('accountSwitch').checked ? { accountLinked: stored.accountLinked } : {}),
    ...(control('locale').value ? { locale: control('locale').value } : {}),
    offers: [
      ...(control('offerEvents').checked ? ['events'] : []),
      ...(control('offerLinks').checked ? ['privacy-statement', 'how-telemetry-works'] : []),
    ],
  };
}

/** Saves a change; `changedAt` only for the main setting, whose history the panel shows. */
function save(patch: Partial<Stored>): void {
  Object.assign(stored, patch, patch.changedBy ? { changedAt: new Date().toISOString() } : {});
  localStorage.setItem(STORE_KEY, JSON.stringify(stored));
}

function write(line: string): void {
  const item = document.createElement('li');
  item.textContent = line;
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild!.remove();
}

function post(message: HostMessage): void {
  const latency = Number(control('latency').value) || 0;
  setTimeout(() => {
    write(`host → webview ${JSON.stringify(message)}`);
    frame.contentWindow?.postMessage(message, location.origin);
  }, latency);
}

const stateMessage = (inReplyTo?: string): HostMessage => ({
  type: 'telemetry/state',
  protocol: PROTOCOL_VERSION,
  rev,
  ...(inReplyTo ? { inReplyTo } : {}),
  state: state(),
});

function push(): void {
  rev++;
  post(stateMessage());
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
  const message: unknown = event.data;
  write(`webview → host ${JSON.stringify(message)}`);
  if (!isWebviewMessage(message)) return;
  if (message.type === 'telemetry/open') {
    // A real host opens the URL with the editor's external-link API; the demo only says it would.
    write(`(the editor would open the ${message.target} link in the browser; nothing navigates here)`);
    return;
  }
  if (control('neverAnswer').checked) return;
  const refuse = (code: string, text: string) =>
    post({ type: 'telemetry/error', protocol: PROTOCOL_VERSION, inReplyTo: message.id, code, message: text });
  if (message.type === 'telemetry/events') {
    if (control('failEvents').checked) return refuse('events-unavailable', 'The event log could not be read.');
    // Account details are sent only while signed in and, when the switch is offered, while it is on.
    const accountSent = control('signedIn').checked && (!control('accountSwitch').checked || stored.accountLinked);
    const events = message.category === 'account' && !accountSent ? [] : demoEvents(message.category, control('manyEvents').checked ? MANY_EVENTS : undefined);
    post({ type: 'telemetry/events', protocol: PROTOCOL_VERSION, inReplyTo: message.id, events });
    return;
  }
  if (message.type === 'telemetry/set') {
    // Policy locks both switches.
    if (state().managedBy) return refuse('locked', 'This setting is managed by your organization.');
    if (failNextSave || control('failSaves').checked) {
      failNextSave = false;
      document.querySelector<HTMLButtonElement>('#failNext')!.textContent = 'Fail the next save';
      return refuse('write-failed', 'The settings file is read-only.');
    }
    if (message.enabled !== undefined && message.enabled !== stored.enabled) {
      save({ enabled: message.enabled, changedBy: 'user' });
      rev++;
    }
    if (message.accountLinked !== undefined && message.accountLinked !== stored.accountLinked) {
      save({ accountLinked: message.accountLinked });
      rev++;
    }
  }
  post(stateMessage(message.id));
});

// Every control is a change on the host side, which the host pushes to the webview unasked.
form.addEventListener('change', (event) => {
  const name = (event.target as HTMLInputElement).name;
  if (['editorOff', 'policy', 'signedIn', 'accountSwitch', 'locale', 'offerEvents', 'offerLinks'].includes(name)) push();
});
document.querySelector('#flip')!.addEventListener('click', () => {
  save({ enabled: !stored.enabled, changedBy: 'settings-file' });
  push();
});
document.querySelector('#failNext')!.addEventListener('click', (event) => {
  failNextSave = true;
  (event.target as HTMLButtonElement).textContent = 'The next save will fail';
});
document.querySelector('#badVersion')!.addEventListener('click', () => {
  post({ type: 'telemetry/state', protocol: 2, rev: rev + 1, state: state() } as unknown as HostMessage);
});
document.querySelector('#reload')!.addEventListener('click', () => frame.contentWindow?.location.reload());
control('theme').addEventListener('change', () => {
  const body = frame.contentDocument?.body;
  if (body) body.className = control('theme').value;
});
frame.addEventListener('load', () => {
  const body = frame.contentDocument?.body;
  if (body) body.className = control('theme').value;
});
