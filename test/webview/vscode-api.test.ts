import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sharedVsCodeApi } from '../../src/webview/vscode-api.js';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { normalizeState } from '../../src/protocol/protocol.js';
import { TelemetryClient } from '../../src/webview/telemetry-client.js';
import { FakeVsCodeApi, deliverFromHost } from '../support/fake-host.js';

// vscode-api.ts keeps the page's one API in module state, and each test file runs in a page of its own:
// these tests run in order, from a page that has not acquired anything yet.
describe('the page\'s VS Code API', () => {
  afterEach(() => {
    delete globalThis.acquireVsCodeApi;
  });

  it('when acquireVsCodeApi() throws (the page took it already), says how to hand it over, in the log and in the panel', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      globalThis.acquireVsCodeApi = () => {
        throw new Error('An instance of the VS Code API has already been acquired');
      };
      const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings></cs-telemetry-settings>`);
      expect(el.view.problem?.code).to.equal('api-taken');
      const alert = () => el.shadowRoot?.querySelector('[part=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      await waitUntil(() => alert().includes('provideVsCodeApi'), 'the panel says how to hand the API over');
      expect(alert()).to.equal(
        'Not connected to Code Studio: this page called acquireVsCodeApi() before the panel. It must hand the API over with provideVsCodeApi(api).',
      );
      expect(errors.length).to.be.greaterThan(0);
      expect(String(errors[0][0])).to.contain('provideVsCodeApi');
    } finally {
      console.error = original;
    }
  });

  it('acquires the global once and shares it between every panel on the page', async () => {
    const api = new FakeVsCodeApi();
    let calls = 0;
    globalThis.acquireVsCodeApi = () => {
      calls++;
      return api;
    };
    const first = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings></cs-telemetry-settings>`);
    const second = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings></cs-telemetry-settings>`);
    await waitUntil(() => api.posted.filter((m) => (m as { type: string }).type === 'telemetry/hello').length === 2, 'both said hello');
    expect(calls).to.equal(1);
    expect(sharedVsCodeApi()).to.equal(api);
    expect(first.view.phase).to.equal('loading');
    expect(second.view.phase).to.equal('loading');
  });
});

describe('the page\'s saved webview state', () => {
  const confirmed = (api: FakeVsCodeApi, enabled: boolean) => {
    const client = new TelemetryClient({ api });
    const hello = api.last!;
    deliverFromHost({ type: 'telemetry/state', protocol: 1, rev: 1, inReplyTo: hello.id, state: { enabled } });
    client.dispose();
  };

  it('keeps every key the panel does not own when it saves the confirmed state', () => {
    const api = new FakeVsCodeApi({ scrollTop: 120, openSection: 'models', csTelemetry: { rev: 0, state: { enabled: true } } });
    confirmed(api, false);
    expect(api.getState()).to.deep.equal({
      scrollTop: 120,
      openSection: 'models',
      csTelemetry: { rev: 1, state: normalizeState({ enabled: false }), instance: undefined },
    });
  });

  it('saves nothing over a saved state that is not an object: it is the page\'s alone', () => {
    for (const saved of ['page-state', 42, ['a', 'b']]) {
      const api = new FakeVsCodeApi(saved);
      confirmed(api, false);
      expect(api.getState(), JSON.stringify(saved)).to.deep.equal(saved);
    }
  });

  it('saves the confirmed state when nothing was saved before', () => {
    const api = new FakeVsCodeApi();
    confirmed(api, true);
    expect(api.getState()).to.deep.equal({ csTelemetry: { rev: 1, state: normalizeState({ enabled: true }), instance: undefined } });
  });
});
