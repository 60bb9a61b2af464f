import { expect, waitUntil } from '@open-wc/testing';
import { PanelHarness } from '../../dev/harness/panel-harness.js';

// The demo a newcomer opens first (index.html, served by `npm start`): the panel in its webview iframe, talking to
// the mock editor, which keeps the setting in localStorage.
describe('the demo page', () => {
  let page: HTMLIFrameElement;
  const editor = () => page.contentDocument!;
  const webview = () => page.contentDocument?.querySelector<HTMLIFrameElement>('#webview')?.contentDocument;
  const panel = () => {
    const element = webview()?.querySelector('cs-telemetry-settings');
    return element ? new PanelHarness(element) : undefined;
  };
  const badge = () => panel()?.badgeStatus;
  const stored = () => JSON.parse(editor().defaultView!.localStorage.getItem('cs-demo-editor') ?? '{}');

  before(async () => {
    localStorage.removeItem('cs-demo-editor');
    page = document.createElement('iframe');
    page.style.width = '1000px';
    page.style.height = '700px';
    page.src = '/index.html';
    document.body.append(page);
    await waitUntil(() => badge() === 'on', 'the panel connected to the mock editor', { timeout: 10000 });
  });

  after(() => page.remove());

  it('switches off and on, with the mock editor\'s stored setting following', async () => {
    (editor().querySelector('input[name=latency]') as HTMLInputElement).value = '0';
    panel()!.switch.click();
    await waitUntil(() => badge() === 'off', 'off', { timeout: 5000 });
    expect(stored().enabled).to.equal(false);
    panel()!.switch.click();
    await waitUntil(() => badge() === 'on', 'on', { timeout: 5000 });
    expect(stored().enabled).to.equal(true);
  });

  it('pushes the policy lock from its controls to the panel', async () => {
    const policy = editor().querySelector<HTMLInputElement>('input[name=policy]')!;
    policy.click();
    await waitUntil(() => panel()!.text.includes('Managed by your organization'), 'locked');
    policy.click();
    await waitUntil(() => !panel()!.text.includes('Managed by your organization'), 'unlocked');
  });
});
