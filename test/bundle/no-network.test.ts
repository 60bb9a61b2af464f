import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { OWN_FILE, WebviewPage, walkEveryState } from '../support/webview-page.js';

interface LoggedRequest {
  url: string;
  documentURL: string;
  type: string;
}

// The panel makes no request of its own in any state. Three witnesses: DevTools' network events for the webview's
// document, wrappers around every network API (fetch, XHR, sendBeacon, WebSocket, EventSource) installed before
// dist/webview.js runs, and the page's resource timing entries (images, fonts, anything fetched). The page has no CSP,
// so a request would really be made, not blocked.
describe('no network requests', () => {
  let page: WebviewPage;
  let requests: LoggedRequest[];
  const fromWebview = () => requests.filter((r) => r.documentURL === 'about:srcdoc' && !OWN_FILE.test(r.url));

  before(async () => {
    await executeServerCommand('network-log', { action: 'start' });
    page = new WebviewPage({ csp: false });
    await page.open();
    await walkEveryState(page);
    await page.reload();
    await waitUntil(() => page.badge === 'on', 'the reloaded page is back in step');
    requests = await executeServerCommand<LoggedRequest[], { action: string }>('network-log', { action: 'stop' });
  });

  after(() => page.close());

  it('loads dist/webview.js and its own chunks and nothing else, in every state and after a reload', () => {
    expect(requests.some((r) => r.url.endsWith('/dist/webview.js')), 'the network log sees the webview at all').to.equal(true);
    // The events list and the German strings are the package's own files, loaded by the states that need them.
    expect(requests.some((r) => r.url.endsWith('/dist/webview-extensions.js')), 'the extensions chunk').to.equal(true);
    expect(requests.some((r) => r.url.endsWith('/dist/locales/de.js')), 'the German chunk').to.equal(true);
    expect(fromWebview()).to.deep.equal([]);
  });

  it('calls no network API and loads no resource', () => {
    expect(page.records.networkCalls).to.deep.equal([]);
    expect(page.records.resourceEntries).to.deep.equal([]);
  });

  it('would see a request made from inside a shadow root and through fetch (the checks can fail)', async () => {
    await executeServerCommand('network-log', { action: 'start' });
    const image = page.frame.contentDocument!.createElement('img');
    image.src = '/package.json?probe=image'; // served, so the run logs no 404
    page.shadow.append(image);
    await page.win.fetch('/package.json?probe=fetch').catch(() => undefined);
    await waitUntil(() => page.records.resourceEntries.length >= 2, 'resource entries for the probes');
    const probes = await executeServerCommand<LoggedRequest[], { action: string }>('network-log', { action: 'stop' });
    expect(probes.filter((r) => r.documentURL === 'about:srcdoc').map((r) => new URL(r.url).search)).to.include.members([
      '?probe=image',
      '?probe=fetch',
    ]);
    expect(page.records.networkCalls).to.deep.equal(['fetch /package.json?probe=fetch']);
  });
});
