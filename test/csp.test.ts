import { expect, waitUntil } from '@open-wc/testing';

// dist/webview.js in a page with a VS Code webview's strict CSP. This test page plays the editor's host frame:
// the webview iframe posts to it, and it answers into the iframe from the same origin, as VS Code's host frame does.
const NONCE = 'cs-test-nonce';
const CSP = `default-src 'none'; script-src 'nonce-${NONCE}'; style-src ${location.origin}`;

interface WebviewWindow extends Window {
  violations: string[];
}

const webviewPage = `<!doctype html><html lang="en"><head>
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<script nonce="${NONCE}">
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => parent.postMessage(message, self.origin),
    getState: () => state,
    setState: (value) => (state = value),
  });
</script>
<script type="module" nonce="${NONCE}" src="/dist/webview.js"></script>
</head><body class="vscode-dark"><cs-telemetry-settings timeout="300"></cs-telemetry-settings></body></html>`;

describe('dist/webview.js under a strict webview CSP', () => {
  let frame: HTMLIFrameElement;
  let requests: { type: string; id: string; enabled?: boolean }[];
  let rev: number;
  let answering: boolean;
  const host = { enabled: true, editorTelemetryEnabled: true, managedBy: null as string | null, account: null as object | null };

  const win = () => frame.contentWindow as WebviewWindow;
  const panel = () => frame.contentDocument!.querySelector('cs-telemetry-settings')!;
  const shadow = () => panel().shadowRoot!;
  const badge = () => shadow().querySelector('cs-telemetry-status-badge')?.getAttribute('status');
  const alertText = () => shadow().querySelector('[role=alert]')?.textContent ?? '';
  const sendToWebview = (message: unknown) => win().postMessage(message, location.origin);
  const state = (inReplyTo?: string) => ({ type: 'telemetry/state', protocol: 1, rev, inReplyTo, state: { ...host } });
  const push = () => {
    rev++;
    sendToWebview(state());
  };

  const onRequest = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow) return;
    requests.push(event.data);
    if (!answering) return;
    if (event.data.type === 'telemetry/set') {
      host.enabled = event.data.enabled;
      rev++;
    }
    sendToWebview(state(event.data.id));
  };

  before(async () => {
    requests = [];
    rev = 1;
    answering = false;
    window.addEventListener('message', onRequest);
    frame = document.createElement('iframe');
    frame.style.width = '320px';
    frame.srcdoc = webviewPage;
    document.body.append(frame);
    await waitUntil(() => requests.some((r) => r.type === 'telemetry/hello'), 'the panel said hello', { timeout: 5000 });
  });

  after(() => {
    window.removeEventListener('message', onRequest);
    frame.remove();
  });

  it('paints loading before the host answers', () => {
    expect(badge()).to.equal('loading');
  });

  it('shows on and off from the host', async () => {
    sendToWebview(state(requests[0].id));
    await waitUntil(() => badge() === 'on', 'on');
    host.enabled = false;
    push();
    await waitUntil(() => badge() === 'off', 'off');
  });

  it('shows saving, then a failed save with Retry', async () => {
    const button = shadow().querySelector('cs-switch')!.shadowRoot!.querySelector('button')!;
    button.click();
    await waitUntil(() => badge() === 'saving', 'saving');
    await waitUntil(() => alertText().includes('Could not save'), 'save failed after the timeout', { timeout: 3000 });
    expect(shadow().querySelector('[part=retry]')).to.not.equal(null);
  });

  it('shows the host unreachable', async () => {
    await waitUntil(() => alertText().includes("Can't reach Code Studio"), 'unreachable', { timeout: 3000 });
    answering = true;
    (shadow().querySelector('[part=retry]') as HTMLButtonElement).click();
    await waitUntil(() => alertText() === '' || !alertText().trim(), 'recovered');
  });

  it('shows policy, editor-wide off and signed in', async () => {
    host.managedBy = 'policy';
    host.editorTelemetryEnabled = false;
    host.account = { loginName: '<b>ada</b>', email: 'ada@example.com' };
    push();
    await waitUntil(() => shadow().textContent!.includes('Managed by your organization'), 'locked');
    expect(shadow().textContent).to.include('sends nothing');
    const list = shadow().querySelector('cs-telemetry-data-types')!.shadowRoot!;
    await waitUntil(() => list.textContent!.includes('<b>ada</b>'), 'account as text');
  });

  it('shows that Code Studio needs an update', async () => {
    sendToWebview({ type: 'telemetry/state', protocol: 2, rev: rev + 1, state: { ...host } });
    await waitUntil(() => alertText().includes('Code Studio needs an update'), 'incompatible');
  });

  it('caused no CSP violation in any of those states', () => {
    expect(win().violations).to.deep.equal([]);
  });

  it('does report a violation when something breaks the policy (the check can fail)', async () => {
    const probe = frame.contentDocument!.createElement('div');
    probe.innerHTML = '<span style="color: red">inline style</span>';
    frame.contentDocument!.body.append(probe);
    await waitUntil(() => win().violations.length > 0, 'a violation for an inline style attribute');
    expect(win().violations[0]).to.match(/^style-src/);
  });
});
