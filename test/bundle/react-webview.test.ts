import { expect, waitUntil } from '@open-wc/testing';
import { FakeEditor, type FakeEditorOptions } from '../../dev/fake-editor.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';

// The React example (examples/react-webview), as `vite build` writes it, in a webview page under the webview CSP,
// talking to the fake editor: the package's host adapter on a fake vscode. React renders the panel and hands it
// the VS Code API the page acquired, as a property.
class ReactWebview {
  readonly frame = document.createElement('iframe');
  readonly editor: FakeEditor;
  readonly #connection: { dispose(): void };

  constructor(options: FakeEditorOptions = {}) {
    this.editor = new FakeEditor(options);
    this.#connection = this.editor.connectFrame(this.frame);
  }

  async open(): Promise<void> {
    sessionStorage.clear();
    this.frame.style.width = '400px';
    this.frame.style.height = '800px';
    this.frame.src = '/test/support/react-webview.html';
    document.body.append(this.frame);
    await waitUntil(() => ['on', 'off'].includes(this.panel?.badgeStatus ?? ''), 'the React page\'s panel showed the editor\'s setting', { timeout: 15000 });
  }

  close(): void {
    this.frame.remove();
    this.#connection.dispose();
    this.editor.dispose();
  }

  get document(): Document {
    return this.frame.contentDocument!;
  }

  get element() {
    return this.document.querySelector('cs-telemetry-settings')!;
  }

  /** The panel, once it has rendered. */
  get panel(): PanelHarness | undefined {
    const found = this.frame.contentDocument?.querySelector('cs-telemetry-settings');
    return found?.shadowRoot?.querySelector('cs-telemetry-status-badge') ? new PanelHarness(found) : undefined;
  }

  /** The page's CSP violations, less the one the test runner causes: its dev server adds a script to every page. */
  get violations(): string[] {
    const seen = (this.frame.contentWindow as Window & { violations: string[] }).violations;
    return seen.filter((violation) => !violation.endsWith('/__web-dev-server__web-socket.js'));
  }
}

describe('the React example in a webview', () => {
  let page: ReactWebview;
  const panel = () => page.panel!;

  before(async () => {
    page = new ReactWebview({ events: true });
    await page.open();
  });

  after(() => page.close());

  it('is rendered by React, with the page\'s API and timeout set as properties', () => {
    expect(page.document.querySelector('#root > main > h1')?.textContent).to.equal('Settings');
    // As attributes they would be the strings "[object Object]" and "5000".
    expect(page.element.getAttributeNames()).to.deep.equal([]);
    expect(page.element.vscodeApi).to.have.property('postMessage');
    expect(page.element.timeout).to.equal(5000);
    expect(page.editor.received[0]?.type).to.equal('telemetry/hello');
    expect(panel().badgeStatus).to.equal('on');
  });

  it('switches off and on through the editor, whose setting follows', async () => {
    panel().switch.click();
    await waitUntil(() => panel().badgeStatus === 'off', 'off', { timeout: 5000 });
    expect(page.editor.store.enabled).to.equal(false);
    expect(panel().switch.checked).to.equal(false);
    panel().switch.click();
    await waitUntil(() => panel().badgeStatus === 'on', 'on', { timeout: 5000 });
    expect(page.editor.store.enabled).to.equal(true);
    expect(panel().switch.checked).to.equal(true);
  });

  it('follows a change the editor makes while React holds the page', async () => {
    page.editor.editSettingsFile(false);
    await waitUntil(() => panel().badgeStatus === 'off', 'the editor\'s change shown', { timeout: 5000 });
    page.editor.editSettingsFile(true);
    await waitUntil(() => panel().badgeStatus === 'on', 'and back', { timeout: 5000 });
  });

  it('loads the events list from its own build when the editor offers events', async () => {
    panel().dataTypes.showWhatWasSent('Token usage');
    await waitUntil(() => panel().dataTypes.eventsList('Token usage').rows.length > 0, 'the editor\'s events listed', { timeout: 5000 });
  });

  it('caused no CSP violation', () => {
    expect(page.violations).to.deep.equal([]);
  });
});

describe('the React example in an editor that speaks German', () => {
  let page: ReactWebview;

  before(async () => {
    page = new ReactWebview({ language: 'de' });
    await page.open();
  });

  after(() => page.close());

  it('loads the German strings from its own build, under the webview CSP', async () => {
    await waitUntil(() => page.panel!.headingText === 'Telemetrie', 'the German heading', { timeout: 5000 });
    expect(page.violations).to.deep.equal([]);
  });
});
