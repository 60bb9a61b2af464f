import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { isFromHost, listenToHost } from '../../src/webview/host-messages.js';
import type { StateMessage } from '../../src/protocol/protocol.js';
import { TelemetryClient } from '../../src/webview/telemetry-client.js';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { FakeVsCodeApi } from '../support/fake-host.js';
import { hostWindow, postFrom } from '../support/host-window.js';
import type { VsCodeApi } from '../../src/webview/vscode-api.js';
import { WebviewPage } from '../support/webview-page.js';

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

/** Waits for `frame` to load. */
const loaded = (frame: HTMLIFrameElement) => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

/** Resolves with the next real message event whose data is `data` (compared by `rev`), as `isFromHost` judged it. */
function judgeNext(rev: number): Promise<boolean> {
  return messageWithRev(rev).then((event) => isFromHost(event, window));
}

describe('isFromHost', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe.test-frame')) frame.remove();
  });

  it('accepts a real message from the own origin posted by a window that is neither this one nor a frame inside it', async () => {
    const judged = judgeNext(1);
    await postFrom(hostWindow(), perfectState(1));
    expect(await judged).to.equal(true);
  });

  it('rejects an event a script made: with no source, and even with the host window as its source', () => {
    // The browser's own events are trusted; one a script dispatches can claim any origin and source.
    for (const source of [null, hostWindow()]) {
      const event = new MessageEvent('message', { data: perfectState(2), origin: location.origin, source });
      expect(isFromHost(event, window), String(source)).to.equal(false);
    }
  });

  it('rejects another origin', async () => {
    // A pop-up of another origin (this server answers on localhost and 127.0.0.1 alike) posts from its own script.
    const otherHost = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const seen = messageWithRev(300);
    const other = window.open(`${location.protocol}//${otherHost}:${location.port}/test/support/forger.html?rev=300`, 'cs-test-other-origin', 'popup')!;
    try {
      const event = await seen;
      expect(event.origin).to.not.equal(location.origin);
      expect(event.isTrusted).to.equal(true);
      expect(isFromHost(event, window)).to.equal(false);
    } finally {
      other.close();
    }
  });

  it('rejects a message the window posts to itself', async () => {
    const judged = judgeNext(3);
    window.postMessage(perfectState(3), '*');
    expect(await judged).to.equal(false);
  });

  it('rejects a message from a child or grandchild frame', async () => {
    const child = addFrame('<iframe srcdoc="<p>grandchild</p>"></iframe>');
    await loaded(child);
    const grandchild = child.contentWindow!.frames[0];
    expect(grandchild, 'grandchild frame').to.not.equal(undefined);
    for (const [rev, source] of [[4, child.contentWindow!], [5, grandchild]] as const) {
      const judged = judgeNext(rev);
      await postFrom(source, perfectState(rev));
      expect(await judged, `rev ${rev}`).to.equal(false);
    }
  });

  it('rejects a child frame that removed its own parent, as VS Code does inside a webview', async () => {
    const child = addFrame('<p>child</p>');
    await loaded(child);
    const childWindow = child.contentWindow!;
    // Its `parent` is the frame's to change: walking up from it would end as at the top, and call it the host.
    Object.defineProperty(childWindow, 'parent', { value: childWindow, configurable: true });
    const judged = judgeNext(6);
    await postFrom(childWindow, perfectState(6));
    expect(await judged).to.equal(false);
  });

  it('rejects a grandchild whose parent frame hides its frames by setting its length to 0', async () => {
    const child = addFrame('<iframe srcdoc="<p>grandchild</p>"></iframe>');
    await loaded(child);
    const childWindow = child.contentWindow!;
    const grandchild = childWindow.frames[0];
    (childWindow as unknown as { length: number }).length = 0;
    expect(childWindow.length).to.equal(0);
    const judged = judgeNext(7);
    await postFrom(grandchild, perfectState(7));
    expect(await judged).to.equal(false);
  });

  it('seen from inside a child frame, the page above it is its host', async () => {
    const child = addFrame('<p>child</p>');
    await loaded(child);
    const childWindow = child.contentWindow!;
    const seen = new Promise<MessageEvent>((resolve) => childWindow.addEventListener('message', resolve, { once: true }));
    childWindow.postMessage(perfectState(8), '*');
    const event = await seen;
    expect(event.source).to.equal(window);
    expect(isFromHost(event, childWindow)).to.equal(true);
  });
});

describe('listenToHost', () => {
  it('passes host data to the listener, nothing a script dispatched, and stops after unsubscribe', async () => {
    const received: unknown[] = [];
    const unsubscribe = listenToHost(window, (data) => received.push(data));
    await postFrom(hostWindow(), { n: 1 });
    window.dispatchEvent(new MessageEvent('message', { data: { n: 2 }, origin: location.origin, source: null }));
    window.dispatchEvent(new MessageEvent('message', { data: { n: 3 }, origin: location.origin, source: hostWindow() }));
    unsubscribe();
    await postFrom(hostWindow(), { n: 4 });
    expect(received).to.deep.equal([{ n: 1 }]);
  });
});

/** A webview API of the shape VS Code's has, with no transport of its own: host messages come as window events. */
function windowOnlyApi(api: FakeVsCodeApi): VsCodeApi {
  return { postMessage: (message) => api.postMessage(message), getState: () => api.getState(), setState: (state) => api.setState(state) };
}

describe('messages from frames and from the page itself never reach the client', () => {
  let api: FakeVsCodeApi;
  let client: TelemetryClient;

  beforeEach(async () => {
    api = new FakeVsCodeApi();
    client = new TelemetryClient({ api: windowOnlyApi(api) });
    const hello = api.last!;
    await postFrom(hostWindow(), { ...perfectState(5), state: { enabled: true }, inReplyTo: hello.id });
    expect(client.view.enabled).to.equal(true);
    expect(client.view.phase).to.equal('ready');
  });

  afterEach(() => {
    client.dispose();
    for (const frame of document.querySelectorAll('iframe.test-frame')) frame.remove();
  });

  /** After the frames' message has been seen, the client still shows on, and a real host message still gets through. */
  async function expectUntouchedButListening(rev: number) {
    expect(client.view.enabled).to.equal(true);
    expect(client.view.host?.enabled).to.equal(true);
    expect(client.ignoredMessages).to.equal(0);
    expect(api.savedStates).to.have.length(1);
    await postFrom(hostWindow(), perfectState(rev + 1));
    expect(client.view.enabled, 'the same message from the host is accepted').to.equal(false);
  }

  it('ignores a same-origin child iframe posting a perfect state message to its parent', async () => {
    const seen = messageWithRev(101);
    const frame = addFrame(postFromFrameScript('parent', 101));
    const event = await seen;
    expect(event.source).to.equal(frame.contentWindow);
    expect(event.origin).to.equal(location.origin);
    await expectUntouchedButListening(101);
  });

  it('ignores a sandboxed (opaque-origin) srcdoc iframe posting a perfect state message', async () => {
    const seen = messageWithRev(102);
    addFrame(postFromFrameScript('parent', 102), 'allow-scripts');
    const event = await seen;
    expect(event.origin).to.equal('null');
    await expectUntouchedButListening(102);
  });

  it('ignores a same-origin grandchild frame posting to the top page', async () => {
    const seen = messageWithRev(103);
    const inner = postFromFrameScript('parent.parent', 103);
    const frame = addFrame(`<iframe srcdoc="${inner.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`);
    const event = await seen;
    expect(event.source).to.not.equal(frame.contentWindow);
    expect((event.source as Window).parent).to.equal(frame.contentWindow);
    await expectUntouchedButListening(103);
  });

  it('ignores the page posting to itself', async () => {
    const seen = messageWithRev(104);
    window.postMessage(perfectState(104), '*');
    const event = await seen;
    expect(event.source).to.equal(window);
    await expectUntouchedButListening(104);
  });

  it('ignores a synthetic event that claims the own origin and no source', async () => {
    window.dispatchEvent(new MessageEvent('message', { data: perfectState(105), origin: location.origin, source: null }));
    await expectUntouchedButListening(105);
  });
});

describe('the panel ignores frames', () => {
  afterEach(() => {
    fixtureCleanup();
    for (const frame of document.querySelectorAll('iframe.test-frame')) frame.remove();
  });

  it('keeps showing the host state when a same-origin child and grandchild post perfect messages', async () => {
    const api = new FakeVsCodeApi();
    const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${windowOnlyApi(api)}></cs-telemetry-settings>`);
    await waitUntil(() => api.last?.type === 'telemetry/hello', 'the panel says hello');
    await postFrom(hostWindow(), { ...perfectState(200), state: { enabled: true }, inReplyTo: api.last!.id });
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
    await postFrom(hostWindow(), perfectState(203));
    await el.updateComplete;
    expect(el.view.enabled).to.equal(false);
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
