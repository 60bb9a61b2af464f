import { expect, waitUntil } from '@open-wc/testing';
import { WebviewPage, walkEveryState } from '../support/webview-page.js';

// dist/webview.js in a page with a VS Code webview's strict CSP:
// default-src 'none'; script-src 'nonce-…'; style-src <this origin>.
describe('dist/webview.js under a strict webview CSP', () => {
  let page: WebviewPage;

  before(async () => {
    page = new WebviewPage({ csp: true });
    await page.open();
  });

  after(() => page.close());

  it('shows every state of the section', async () => {
    const seen = await walkEveryState(page);
    expect(seen).to.deep.equal([
      'loading', 'on', 'off', 'saving', 'save failed', 'save timed out', 'unreachable', 'recovered', 'managed by policy',
      'editor-wide telemetry off', 'signed in', 'every item expanded', 'signed out', 'history, account switch and links',
      'events shown', 'in German', 'in English again', 'needs an update',
    ]);
  });

  it('caused no CSP violation in any of those states', () => {
    expect(page.records.violations).to.deep.equal([]);
  });

  it('does report a violation when something breaks the policy (the check can fail)', async () => {
    const probe = page.frame.contentDocument!.createElement('div');
    probe.innerHTML = '<span style="color: red">inline style</span>';
    page.frame.contentDocument!.body.append(probe);
    await waitUntil(() => page.records.violations.length > 0, 'a violation for an inline style attribute');
    expect(page.records.violations[0]).to.match(/^style-src/);
  });
});
