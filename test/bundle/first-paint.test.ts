import { expect, waitUntil } from '@open-wc/testing';
// The adapter's own modules: the host entry also holds the gate's outbox, which needs Node's fs.
import { connectTelemetryHost } from '../../src/host/telemetry-host.js';
import { initialStateHtml } from '../../src/host/initial-state.js';
import { INITIAL_STATE_ELEMENT_ID } from '../../src/protocol/protocol.js';
import { createFakeVsCode, createFakeWebview } from '../../dev/fake-vscode.js';
import { installPaintSampler } from '../support/paint-sampler.js';
import { NONCE, WebviewPage } from '../support/webview-page.js';

// dist/webview.js in a page whose HTML holds the state the host adapter embedded (initialStateHtml, on a fake
// `vscode`): the first frame must show it, never "Checking…"; an embed that is not a valid state is no embed.

interface PaintRecord {
  frames: { status: string | null; checking: boolean; checked: string | null }[];
  statuses: (string | null)[];
}

/** Login name and email that try to end the data block and run a script, even one with the page's nonce. */
const BREAKOUT = {
  loginName: `</script><script nonce="${NONCE}">window.pwned = 1</script><!--`,
  email: '\u2028\u2029</SCRIPT >@example.com',
};

/** The HTML the real adapter embeds for a setting that is off and an account signed in. */
async function embeddedHtml(account: { loginName: string; email: string } | null = BREAKOUT): Promise<string> {
  const fake = createFakeVsCode({ defaults: { 'codeStudio.telemetry.allowAnonymousTelemetry': false } });
  // The fake implements what the adapter uses of `vscode`, not every overload.
  const connection = connectTelemetryHost(createFakeWebview(), { vscode: fake.vscode as never, account: () => account, log: () => {} });
  const html = await initialStateHtml(connection);
  connection.dispose();
  return html;
}

const sampler = `<script nonce="${NONCE}">(${installPaintSampler.toString()})()</script>`;

/** Opens a page with `body` after the panel and the paint sampler before any of the page's modules run. */
async function openPage(body: string, csp = true): Promise<WebviewPage> {
  const page = new WebviewPage({ csp, body: sampler + body });
  await page.open();
  return page;
}

const paint = (page: WebviewPage) => (page.win as unknown as { csPaint: PaintRecord }).csPaint;
/** The frames painted since the panel first rendered. */
const rendered = (page: WebviewPage) =>
  paint(page)
    .frames.filter((frame) => frame.status !== null)
    .map(({ status, checking, checked }) => ({ status, checking, checked }));

describe('the embedded first state in dist/webview.js', () => {
  let page: WebviewPage | undefined;
  afterEach(() => {
    page?.close();
    page = undefined;
  });

  it('is what the first rendered frame shows, under the strict CSP: not one frame or DOM state of "Checking…"', async () => {
    page = await openPage(await embeddedHtml());
    const current = page;
    await waitUntil(() => rendered(current).length >= 3, 'three frames painted with the panel in them');
    const [first] = rendered(page);
    expect(first, 'the first frame with the panel').to.deep.equal({ status: 'off', checking: false, checked: 'false' });
    expect(paint(page).frames.filter((frame) => frame.status === 'loading' || frame.checking), 'frames of Checking…').to.deep.equal([]);
    expect(paint(page).statuses, 'every status the badge had').to.not.include('loading');
    expect(paint(page).statuses[0]).to.equal('off');
    expect(page.harness.dataTypes.text, 'the account shown as text').to.include(BREAKOUT.loginName);
    expect(page.records.violations).to.deep.equal([]);
  });

  it('still says hello, and follows the answer when it differs', async () => {
    page = await openPage(await embeddedHtml(null));
    const current = page;
    expect(page.requests.map((request) => request.type)).to.deep.equal(['telemetry/hello']);
    await waitUntil(() => current.badge === 'off', 'the embedded state');
    page.host.enabled = true;
    page.answer(page.requests[0]);
    await waitUntil(() => current.badge === 'on', 'the answer');
    expect(page.switchControl.getAttribute('aria-checked')).to.equal('true');
  });

  it('host text cannot break out of the data block, even without a CSP', async () => {
    page = await openPage(await embeddedHtml(), false);
    const current = page;
    await waitUntil(() => current.badge === 'off', 'the embedded state');
    expect((page.win as unknown as { pwned?: number }).pwned).to.equal(undefined);
    expect(page.frame.contentDocument!.querySelectorAll('script')).to.have.length(4); // the page's two, the sampler, the data block
    expect(page.harness.dataTypes.text).to.include(BREAKOUT.loginName);
  });

  describe('an embed that is not a valid state is no embed: loading, hello, the answer', () => {
    const block = (json: string) => `<script type="application/json" id="${INITIAL_STATE_ELEMENT_ID}">${json}</script>`;
    const state = (fields: object) =>
      JSON.stringify({ type: 'telemetry/state', protocol: 1, rev: 1, state: { enabled: false }, ...fields });
    const cases: [string, string][] = [
      ['another protocol', block(state({ protocol: 2 }))],
      ['a malformed state', block(state({ state: { enabled: 'no' } }))],
      ['not JSON', block('{"type":')],
      ['a script, not a data block', `<script id="${INITIAL_STATE_ELEMENT_ID}">${state({})}</script>`],
      // What a host that does not escape writes: the data block ends early and a script follows, which the CSP blocks.
      ['an unescaped breakout', block(state({ state: { enabled: false, account: { loginName: '</script><script>window.pwned = 1</script>', email: 'a' } } }))],
    ];
    for (const [name, html] of cases) {
      it(name, async () => {
        page = await openPage(html);
        const current = page;
        await waitUntil(() => rendered(current).length >= 1, 'the panel painted');
        expect(rendered(page)[0], 'the first frame: as without an embed').to.deep.equal({ status: 'loading', checking: true, checked: 'false' });
        expect((page.win as unknown as { pwned?: number }).pwned).to.equal(undefined);
        // The two that put a script in the page: the CSP blocked it, and said so.
        const blocked = page.records.violations.some((violation) => violation.startsWith('script-src'));
        expect(blocked, page.records.violations.join()).to.equal(/script, not|breakout/.test(name));
        page.answer(page.requests[0]);
        await waitUntil(() => current.badge === 'on', 'the answer');
      });
    }
  });
});
