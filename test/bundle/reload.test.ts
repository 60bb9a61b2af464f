import { expect, waitUntil } from '@open-wc/testing';
import { WebviewPage } from '../support/webview-page.js';

// The webview page reloads while a set is pending (VS Code reloads a webview, or the user does). The new page must
// paint the state its predecessor saved, say hello, and end in step with the host; replies addressed to the old
// page, which still arrive, must change nothing.
describe('reload while a set is pending', () => {
  let page: WebviewPage;

  before(async () => {
    page = new WebviewPage({ csp: true });
    await page.open();
  });

  after(() => page.close());

  it('paints the saved state, says hello, ignores the old page\'s replies and ends in step', async () => {
    page.answer(page.requests[0]);
    await waitUntil(() => page.badge === 'on', 'on');
    const oldHello = page.requests[0];
    let from = page.requests.length;
    page.switchControl.click();
    const set = await page.waitForRequest('telemetry/set', from);
    expect(set.enabled).to.equal(false);
    expect(page.badge).to.equal('saving');

    from = page.requests.length;
    await page.reload();
    const hello = page.requests.slice(from).find((r) => r.type === 'telemetry/hello')!;
    expect(hello.id.split('-')[0], 'a new page prefix').to.not.equal(set.id.split('-')[0]);
    await waitUntil(() => page.badge !== undefined, 'the new page rendered');
    expect(page.badge, 'the saved state painted, no loading').to.equal('on');
    expect(page.switchControl.getAttribute('aria-checked')).to.equal('true');
    expect(page.text).to.not.include('Reading your setting');

    // The host applies the old page's set and answers it, and answers the old hello again with a later rev.
    const saved = JSON.stringify(page.savedState);
    page.answer(set);
    page.rev += 5;
    page.send({ type: 'telemetry/state', protocol: 1, rev: page.rev, inReplyTo: oldHello.id, state: { ...page.host, enabled: true } });
    page.send({ type: 'telemetry/error', protocol: 1, inReplyTo: set.id, code: 'write-failed', message: 'old page' });
    await page.flush();
    await page.panel.updateComplete;
    expect(page.badge, 'replies to the old page changed nothing').to.equal('on');
    expect(page.alertText).to.equal('');
    expect(JSON.stringify(page.savedState)).to.equal(saved);
    expect(page.requests.length, 'and caused nothing to be sent').to.equal(from + 1);

    page.answer(hello);
    await waitUntil(() => page.badge === 'off', 'in step with the host');
    expect(page.host.enabled).to.equal(false);
    expect(page.switchControl.getAttribute('aria-checked')).to.equal('false');
    expect(page.switchControl.disabled).to.equal(false);
    expect(page.alertText).to.equal('');
    expect(page.records.violations).to.deep.equal([]);
  });
});
