import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { isFromHost, listenToHost } from '../src/bridge/host-channel.js';
import type { StateMessage } from '../src/bridge/protocol.js';
import { TelemetryClient } from '../src/bridge/telemetry-client.js';
import '../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../src/components/telemetry-settings/telemetry-settings.js';
import { FakeHost, FakeVsCodeApi, deliverFromHost } from './support/fake-host.js';
import { WebviewPage } from './support/webview-page.js';

/** A message the client would accept from the host: it would turn telemetry off. */
const perfectState = (rev: number): StateMessage => ({
  type: 'telemetry/state',
  protocol: 1,
  rev,
  state: { enabled: false, editorTelemetryEnabled: true, managedBy: null, account: null, changedAt: null },
});

/** Resolves with the next window message event whose data has this `rev`, once every listener has seen it. */
function messageWithRev(rev: number, timeout = 5000): Promise<MessageEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      reject(new Error(`no message with rev ${rev} arrived`));
    }, timeout);
    function onMessage(event: MessageEvent) {
      if ((event.data as { rev?: unknown } | null)?.rev !== rev) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      // Resolve after this dispatch has reached every listener.
      setTimeout(() => resolve(event), 0);
    }
    window.addEventListener('message', onMessage);
  });
}

const postFromFrameScript = (target: string, rev: number) =>
  `<script>${target}.postMessage(${JSON.stringify(perfectState(rev))}, '*');</script>`;

/** Adds an iframe with `srcdoc` to the page and returns it; removed in afterEach. */
function addFrame(srcdoc: string, sandbox?: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.srcdoc = srcdoc;
  frame.className = 'test-frame';
  document.body.append(frame);
  return frame;
}

describe('isFromHost', () => {
  it('accepts a message from the own origin with no source window (how VS Code delivers host messages)', () => {
    const event = new MessageEvent('message', { data: {}, origin: location.origin, source: null });
    expect(isFromHost(event, window)).to.equal(true);
  });

  it('rejects another origin, an empty origin and the opaque origin', () => {
    for (const origin of ['https://evil.example', '', 'null', location.origin + '.evil.example', location.origin + '/']) {
      const event = new MessageEvent('message', { data: {}, origin, source: null });
      expect(isFromHost(event, window), origin).to.equal(false);
    }
  });

  it('rejects a message whose source is the window itself', () => {
    const event = new MessageEvent('message', { data: {}, origin: location.origin, source: window });
    expect(isFromHost(event, window)).to.equal(false);
  });

  it('rejects a message whose source is a child or grandchild frame', async () => {
    const child = addFrame('<iframe srcdoc="<p>grandchild</p>"></iframe>');
    await new Promise((resolve) => child.addEventListener('load', resolve, { once: true }));
    const childWindow = child.contentWindow!;
    const grandchild = childWindow.frames[0];
    expect(grandchild, 'grandchild frame').to.not.equal(undefined);
    expect(grandchild.parent).to.equal(childWindow);
    for (const source of [childWindow, grandchild]) {
      const event = new MessageEvent('message', { data: {}, origin: location.origin, source });
      expect(isFromHost(event, window)).to.equal(false);
    }
    // Seen from inside the child, the top page is its host: neither itself nor one of its frames.
    const fromParent = new MessageEvent('message', { data: {}, origin: location.origin, source: window });
    expect(isFromHost(fromParent, childWindow)).to.equal(true);
  });

  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe.test-frame')) frame.remove();
  });
});

describe('listenToHost', () => {
  it('passes host data to the listener and stops after unsubscribe', () => {
    const received: unknown[] = [];
    const unsubscribe = listenToHost(window, (data) => received.push(data));
    deliverFromHost({ n: 1 });
    window.dispatchEvent(new MessageEvent('message', { data: { n: 2 }, origin: 'https://evil.example', source: null }));
    window.dispatchEvent(new MessageEvent('message', { data: { n: 3 }, origin: location.origin, source: window }));
    unsubscribe();
    deliverFromHost({ n: 4 });
    expect(received).to.deep.equal([{ n: 1 }]);
  });
});

describe('messages from frames and from the page itself never reach the client', () => {
  let api: FakeVsCodeApi;
  let client: TelemetryClient;

  beforeEach(() => {
    api = new FakeVsCodeApi();
    client = new TelemetryClient({ api });
    const hello = api.last!;
    deliverFromHost({ ...perfectState(5), state: { enabled: true }, inReplyTo: hello.id });
    expect(client.view.enabled).to.equal(true);
    expect(client.view.phase).to.equal('ready');
  });

  afterEach(() => {
    client.dispose();
    for (const frame of document.querySelectorAll('iframe.test-frame')) frame.remove();
  });

  /** After the frames' message has been seen, the client still shows on, and a real host message still gets through. */
  function expectUntouchedButListening(rev: number) {
    expect(client.view.enabled).to.equal(true);
    expect(client.view.host?.enabled).to.equal(true);
    expect(client.ignoredMessages).to.equal(0);
    expect(api.savedStates).to.have.length(1);
    deliverFromHost(perfectState(rev + 1));
    expect(client.view.enabled, 'the same message from the host is accepted').to.equal(false);
  }

  it('ignores a same-origin child iframe posting a perfect state message to its parent', async () => {
    const seen = messageWithRev(101);
    const frame = addFrame(postFromFrameScript('parent', 101));
    const event = await seen;
    expect(event.source).to.equal(frame.contentWindow);
    expect(event.origin).to.equal(location.origin);
    expectUntouchedButListening(101);
  });

  it('ignores a sandboxed (opaque-origin) srcdoc iframe posting a perfect state message', async () => {
    const seen = messageWithRev(102);
    addFrame(postFromFrameScript('parent', 102), 'allow-scripts');
    const event = await seen;
    expect(event.origin).to.equal('null');
    expectUntouchedButListening(102);
  });

  it('ignores a same-origin grandchild frame posting to the top page', async () => {
    const seen = messageWithRev(103);
    const inner = postFromFrameScript('parent.parent', 103);
    const frame = addFrame(`<iframe srcdoc="${inner.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`);
    const event = await seen;
    expect(event.source).to.not.equal(frame.contentWindow);
    expect((event.source as Window).parent).to.equal(frame.contentWindow);
    expectUntouchedButListening(103);
  });

  it('ignores the page posting to itself', async () => {
    const seen = messageWithRev(104);
    window.postMessage(perfectState(104), '*');
    const event = await seen;
    expect(event.source).to.equal(window);
    expectUntouchedButListening(104);
  });
});

describe('the panel ignores frames', () => {
  afterEach(() => {
    fixtureCleanup();
    for (const frame of document.querySelectorAll('iframe.test-frame')) frame.remove();
  });

  it('keeps showing the host state when a same-origin child and grandchild post perfect messages', async () => {
    const host = new FakeHost({ enabled: true });
    try {
      const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${host.api}></cs-telemetry-settings>`);
      await host.idle();
      await el.updateComplete;
      expect(el.view.enabled).to.equal(true);
      const seenChild = messageWithRev(201);
      addFrame(postFromFrameScript('parent', 201));
      await seenChild;
      const seenGrandchild = messageWithRev(202);
      const inner = postFromFrameScript('parent.parent', 202).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      addFrame(`<iframe srcdoc="${inner}"></iframe>`);
      await seenGrandchild;
      await el.updateComplete;
      expect(el.view.enabled).to.equal(true);
      expect(el.view.host?.enabled).to.equal(true);
      expect(el.shadowRoot!.querySelector('cs-telemetry-status-badge')!.getAttribute('status')).to.equal('on');
      expect(el.shadowRoot!.querySelector('cs-switch')!.checked).to.equal(true);
      // The host itself is still heard.
      host.push({ enabled: false });
      await el.updateComplete;
      expect(el.view.enabled).to.equal(false);
    } finally {
      host.dispose();
    }
  });
});

describe('a frame of another origin inside the webview page', () => {
  let page: WebviewPage;

  afterEach(() => page.close());

  it('posting a perfect telemetry/state is ignored by dist/webview.js', async () => {
    // This server answers on localhost and 127.0.0.1 alike: the other name is another origin.
    const otherHost = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const otherOrigin = `${location.protocol}//${otherHost}:${location.port}`;
    page = new WebviewPage({ body: `<iframe id="forger" src="${otherOrigin}/test/support/forger.html?rev=500"></iframe>` });
    const seen: MessageEvent[] = [];
    await page.open();
    page.win.addEventListener('message', (event) => {
      if ((event.data as { rev?: number })?.rev === 501) seen.push(event);
    });
    page.answer(page.requests[0]);
    await waitUntil(() => page.badge === 'on', 'on');
    // The forger may have posted before the listener above: load it again and wait for its second message.
    const forger = page.frame.contentDocument!.querySelector<HTMLIFrameElement>('#forger')!;
    forger.src = `${otherOrigin}/test/support/forger.html?rev=500&again`;
    await waitUntil(() => seen.length > 0, 'the forged message reached the webview page', { timeout: 5000 });
    expect(seen[0].origin).to.equal(otherOrigin);
    await page.flush();
    await page.panel.updateComplete;
    expect(page.badge).to.equal('on');
    expect(page.switchControl.getAttribute('aria-checked')).to.equal('true');
    expect((page.savedState as { csTelemetry: { rev: number } }).csTelemetry.rev).to.equal(1);
    // The host itself is still heard.
    page.push({ enabled: false });
    await waitUntil(() => page.badge === 'off', 'the host is heard');
  });
});
