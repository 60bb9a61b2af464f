/**
 * dist/webview.js in a real page inside an iframe, as VS Code runs it: this test page plays the editor's host frame.
 * The webview posts requests to it; it answers into the iframe from the same origin, as VS Code's host frame does.
 * The webview API's saved state lives here, outside the page, so it survives a reload of the page as in VS Code.
 *
 *   const page = new WebviewPage({ csp: true });
 *   await page.open();                 // resolves once the panel said hello
 *   page.answer(page.requests[0]);     // or page.answering = true to answer every request at once
 */
import { waitUntil } from '@open-wc/testing';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { words } from '../../dev/harness/words.js';

export const NONCE = 'cs-test-nonce';

export interface WebviewRequest {
  type: 'telemetry/hello' | 'telemetry/get' | 'telemetry/set' | 'telemetry/events' | 'telemetry/open';
  id: string;
  enabled?: boolean;
  accountLinked?: boolean;
  category?: string;
  target?: string;
}

export interface HostState {
  enabled: boolean;
  editorTelemetryEnabled: boolean;
  managedBy: 'policy' | null;
  account: { loginName: string; email: string } | null;
  // The protocol's extensions, absent until a test offers them.
  accountLinked?: boolean;
  changedAt?: string | null;
  changedBy?: 'user' | 'settings-file' | 'policy' | 'default' | null;
  locale?: string;
  offers?: string[];
}

/** The package's own files a page may load: the bundle, its chunks (extensions, localization, alert, details), and a language's strings. */
export const OWN_FILE = /\/dist\/(webview(-extensions|-localization|-alert|-data-type-details)?|locales\/[\w-]+)\.js$/;

/** What the page's own script records before dist/webview.js runs: CSP violations and calls to network APIs. */
export interface PageRecords {
  violations: string[];
  networkCalls: string[];
  resourceEntries: string[];
}

interface WebviewPageOptions {
  /** Serve the page with a VS Code webview's strict CSP. */
  csp?: boolean;
  /** The panel's timeout attribute, in ms. */
  timeout?: number;
  /** Extra markup for the page's body, after the panel. */
  body?: string;
}

// Runs first in the page: records violations, wraps every network API the panel could call, and watches resource
// loads, so a request made by any road is seen.
const pageScript = `
  const records = (window.records = { violations: [], networkCalls: [], resourceEntries: [] });
  document.addEventListener('securitypolicyviolation', (e) => records.violations.push(e.violatedDirective + ' ' + e.blockedURI));
  const note = (what) => records.networkCalls.push(what);
  const realFetch = window.fetch;
  window.fetch = function (...args) { note('fetch ' + String(args[0])); return realFetch.apply(this, args); };
  const realOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (...args) { note('xhr ' + String(args[1])); return realOpen.apply(this, args); };
  const realBeacon = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = (url, data) => { note('beacon ' + String(url)); return realBeacon(url, data); };
  for (const name of ['WebSocket', 'EventSource']) {
    const Real = window[name];
    window[name] = class extends Real { constructor(url, ...rest) { note(name + ' ' + String(url)); super(url, ...rest); } };
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!${OWN_FILE}.test(entry.name)) records.resourceEntries.push(entry.initiatorType + ' ' + entry.name);
  }).observe({ type: 'resource', buffered: true });
  const store = parent.webviewStores[frameElement.dataset.store];
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => parent.postMessage(message, self.origin),
    getState: () => structuredClone(store.state),
    setState: (value) => (store.state = structuredClone(value)),
  });
`;

declare global {
  interface Window {
    webviewStores?: Record<string, { state: unknown }>;
  }
}

let pages = 0;

export class WebviewPage {
  readonly frame = document.createElement('iframe');
  /** Every request the webview posted, across reloads, in order. */
  readonly requests: WebviewRequest[] = [];
  /** The host's setting. */
  host: HostState = { enabled: true, editorTelemetryEnabled: true, managedBy: null, account: null };
  rev = 1;
  /** Answer each request as it comes (sets are applied). */
  answering = false;
  readonly #store = { state: undefined as unknown };
  readonly #key = `page-${++pages}`;
  readonly #html: string;

  constructor({ csp = false, timeout = 300, body = '' }: WebviewPageOptions = {}) {
    const policy = `default-src 'none'; script-src 'nonce-${NONCE}'; style-src ${location.origin}`;
    this.#html = `<!doctype html><html lang="en"><head>
${csp ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ''}
<script nonce="${NONCE}">${pageScript}</script>
<script type="module" nonce="${NONCE}" src="/dist/webview.js"></script>
</head><body class="vscode-dark"><cs-telemetry-settings timeout="${timeout}"></cs-telemetry-settings>${body}</body></html>`;
  }

  /** Adds the frame to the page; resolves once the panel has said hello. */
  async open(): Promise<void> {
    (window.webviewStores ??= {})[this.#key] = this.#store;
    window.addEventListener('message', this.#onRequest);
    this.frame.dataset.store = this.#key;
    this.frame.style.width = '320px';
    this.frame.style.height = '600px';
    this.frame.srcdoc = this.#html;
    document.body.append(this.frame);
    await this.waitForRequest('telemetry/hello', 0);
  }

  /** Reloads the page, as VS Code does when the webview is reloaded; resolves once the new page said hello. */
  async reload(): Promise<void> {
    const before = this.requests.length;
    this.win.location.reload();
    await this.waitForRequest('telemetry/hello', before);
  }

  close(): void {
    window.removeEventListener('message', this.#onRequest);
    this.frame.remove();
    delete window.webviewStores?.[this.#key];
  }

  get win(): Window & { records: PageRecords } {
    return this.frame.contentWindow as Window & { records: PageRecords };
  }

  get records(): PageRecords {
    return this.win.records;
  }

  get savedState(): unknown {
    return this.#store.state;
  }

  get panel(): HTMLElementTagNameMap['cs-telemetry-settings'] {
    return this.frame.contentDocument!.querySelector('cs-telemetry-settings')!;
  }

  /** The page's panel, read and pressed as a user does. */
  get harness(): PanelHarness {
    return new PanelHarness(this.panel);
  }

  get shadow(): ShadowRoot {
    return this.harness.root;
  }

  /** The badge's status attribute, or undefined before the panel rendered. */
  get badge(): string | null | undefined {
    return this.panel ? this.harness.badgeStatus : undefined;
  }

  get switchControl(): HTMLButtonElement {
    return this.harness.switch.control;
  }

  get alertText(): string {
    return this.harness.alertText;
  }

  get text(): string {
    return this.harness.text;
  }

  /** Resolves with the first request of `type` at or after index `from` of `requests`. */
  async waitForRequest(type: WebviewRequest['type'], from = this.requests.length): Promise<WebviewRequest> {
    let found: WebviewRequest | undefined;
    await waitUntil(() => (found = this.requests.slice(from).find((r) => r.type === type)), `a ${type} from the webview`, { timeout: 5000 });
    return found!;
  }

  /** Posts a message into the webview as its host would. */
  send(message: unknown): void {
    this.win.postMessage(message, location.origin);
  }

  stateMessage(inReplyTo?: string): object {
    return { type: 'telemetry/state', protocol: 1, rev: this.rev, inReplyTo, state: structuredClone(this.host) };
  }

  /** Recent events the page's host serves, by category. */
  events: Record<string, object[]> = {};

  /** Applies a request to the host's state (a set) and posts the answer; an open gets none. */
  answer(request: WebviewRequest): void {
    if (request.type === 'telemetry/open') return;
    if (request.type === 'telemetry/events') {
      this.send({ type: 'telemetry/events', protocol: 1, inReplyTo: request.id, events: this.events[request.category!] ?? [] });
      return;
    }
    if (request.type === 'telemetry/set' && request.enabled !== undefined && request.enabled !== this.host.enabled) {
      this.host.enabled = request.enabled;
      this.rev++;
    }
    if (request.type === 'telemetry/set' && request.accountLinked !== undefined && request.accountLinked !== this.host.accountLinked) {
      this.host.accountLinked = request.accountLinked;
      this.rev++;
    }
    this.send(this.stateMessage(request.id));
  }

  /** Resolves once the page has handled every message posted to it so far (messages to a window arrive in order). */
  async flush(): Promise<void> {
    const marker = `flush-${Math.random()}`;
    const seen = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.data !== marker) return;
        this.win.removeEventListener('message', onMessage);
        setTimeout(resolve); // after every listener has seen it
      };
      this.win.addEventListener('message', onMessage);
    });
    this.send(marker);
    await seen;
  }

  /** Changes the host's state and pushes it unasked. */
  push(patch: Partial<HostState>): void {
    Object.assign(this.host, patch);
    this.rev++;
    this.send(this.stateMessage());
  }

  #onRequest = (event: MessageEvent) => {
    if (event.source !== this.frame.contentWindow) return;
    this.requests.push(event.data as WebviewRequest);
    if (this.answering) this.answer(event.data as WebviewRequest);
  };
}

/**
 * Takes the page through every state the section shows (README, "What it shows"), waiting for each to be painted;
 * returns the names of the states seen. Starts from a page that said hello and was not answered.
 */
export async function walkEveryState(page: WebviewPage): Promise<string[]> {
  const seen: string[] = [];
  const reach = async (name: string, painted: () => boolean, timeout = 3000) => {
    await waitUntil(painted, `the page shows: ${name}`, { timeout });
    seen.push(name);
  };
  await reach('loading', () => page.badge === 'loading' && page.text.includes('Reading your setting'));
  page.answer(page.requests.find((r) => r.type === 'telemetry/hello')!);
  await reach('on', () => page.badge === 'on');
  page.push({ enabled: false });
  await reach('off', () => page.badge === 'off');

  let from = page.requests.length;
  page.switchControl.click();
  await reach('saving', () => page.badge === 'saving');
  const set = await page.waitForRequest('telemetry/set', from);
  page.send({ type: 'telemetry/error', protocol: 1, inReplyTo: set.id, code: 'write-failed', message: 'The settings file is read-only.' });
  await reach('save failed', () => page.badge === 'off' && page.alertText.includes('read-only'));
  page.answer(await page.waitForRequest('telemetry/get', from));

  from = page.requests.length;
  page.switchControl.click();
  // The save may have landed: the last confirmed value, named as such; once the re-read goes unanswered too, Unknown.
  await reach('save timed out', () => page.alertText.includes('Code Studio did not answer. It was last off.') && page.badge === 'off');
  await reach('unreachable', () => page.alertText.includes('Your setting is not known now.') && page.badge === 'error');
  page.answering = true;
  page.harness.retry();
  await reach('recovered', () => page.alertText === '' && page.badge === 'off');

  page.push({ managedBy: 'policy' });
  // Locked, the switch stays focusable: unavailable by aria-disabled.
  await reach('managed by policy', () => page.text.includes('Managed by your organization') && page.switchControl.getAttribute('aria-disabled') === 'true');
  page.push({ managedBy: null, editorTelemetryEnabled: false, enabled: true });
  await reach('editor-wide telemetry off', () => page.text.includes('sends nothing') && page.badge === 'off');
  page.push({ editorTelemetryEnabled: true, account: { loginName: '<b>ada</b>', email: 'ada@example.com' } });
  const list = () => page.harness.dataTypes;
  await reach('signed in', () => list().text.includes('<b>ada</b>'));
  for (const toggle of list().toggles) toggle.click();
  await reach('every item expanded', () => list().root.querySelectorAll('[aria-expanded=true]').length === 5);
  page.push({ account: null });
  await reach('signed out', () => list().text.includes('You are signed out'));

  // The protocol's extensions: history, account switch, links, the events list (a chunk of its own) and another language.
  page.events = {
    system: [{ time: '2026-11-30T10:00:00.000Z', category: 'system', name: 'system/<i>start</i>', data: { os: 'linux', cores: 2 } }],
  };
  page.push({
    account: { loginName: 'ada', email: 'ada@example.com' },
    accountLinked: true,
    changedBy: 'user',
    changedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    offers: ['events', 'privacy-statement', 'how-telemetry-works'],
  });
  await reach(
    'history, account switch and links',
    () =>
      page.text.includes('5 minutes ago, from this page') &&
      page.text.includes('Privacy statement') &&
      list().text.includes('Include my account details'),
  );
  list().eventsToggles[0].click();
  await reach('events shown', () => words(list().eventsLists[0]?.rows[0]).includes('system/<i>start</i>'));
  page.push({ locale: 'de' });
  await reach('in German', () => page.harness.headingText === 'Telemetrie');
  page.push({ locale: 'en', account: null, accountLinked: undefined, changedBy: undefined, changedAt: undefined, offers: undefined });
  await reach('in English again', () => page.harness.headingText === 'Telemetry');

  page.rev++;
  page.send({ type: 'telemetry/state', protocol: 2, rev: page.rev, state: structuredClone(page.host) });
  await reach('needs an update', () => page.alertText.includes('Code Studio needs an update'));
  return seen;
}
