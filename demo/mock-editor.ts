// A mock of the editor's extension host for the demo page. It owns the setting (kept in localStorage), answers the
// webview's requests in the iframe as protocol v1 says, and pushes every change, whatever made it.
import { PROTOCOL_VERSION, isWebviewMessage, type HostMessage, type TelemetryState } from '../src/bridge/protocol.js';

const STORE_KEY = 'cs-demo-editor';
const frame = document.querySelector<HTMLIFrameElement>('#webview')!;
const form = document.querySelector<HTMLFormElement>('#controls')!;
const log = document.querySelector<HTMLOListElement>('#log')!;

interface Stored {
  enabled: boolean;
  changedAt: string | null;
}

const stored: Stored = { enabled: true, changedAt: null, ...JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') };
let rev = 1;
let failNextSave = false;

const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

function state(): TelemetryState {
  return {
    enabled: stored.enabled,
    editorTelemetryEnabled: !control('editorOff').checked,
    managedBy: control('policy').checked ? 'policy' : null,
    account: control('signedIn').checked ? { loginName: 'ada', email: 'ada@example.com' } : null,
    changedAt: stored.changedAt,
  };
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
  if (control('neverAnswer').checked) return;
  if (message.type === 'telemetry/set') {
    if (state().managedBy) {
      post({ type: 'telemetry/error', protocol: PROTOCOL_VERSION, inReplyTo: message.id, code: 'locked', message: 'This setting is managed by your organization.' });
      return;
    }
    if (failNextSave || control('failSaves').checked) {
      failNextSave = false;
      document.querySelector<HTMLButtonElement>('#failNext')!.textContent = 'Fail the next save';
      post({ type: 'telemetry/error', protocol: PROTOCOL_VERSION, inReplyTo: message.id, code: 'write-failed', message: 'The settings file is read-only.' });
      return;
    }
    if (message.enabled !== stored.enabled) {
      stored.enabled = message.enabled;
      stored.changedAt = new Date().toISOString();
      localStorage.setItem(STORE_KEY, JSON.stringify(stored));
      rev++;
    }
  }
  post(stateMessage(message.id));
});

// Every control is a change on the host side, which the host pushes to the webview unasked.
form.addEventListener('change', (event) => {
  const name = (event.target as HTMLInputElement).name;
  if (['editorOff', 'policy', 'signedIn'].includes(name)) push();
});
document.querySelector('#flip')!.addEventListener('click', () => {
  stored.enabled = !stored.enabled;
  stored.changedAt = new Date().toISOString();
  localStorage.setItem(STORE_KEY, JSON.stringify(stored));
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
