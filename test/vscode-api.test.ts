import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sharedVsCodeApi } from '../src/bridge/vscode-api.js';
import '../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../src/components/telemetry-settings/telemetry-settings.js';
import { FakeVsCodeApi } from './support/fake-host.js';

// vscode-api.ts keeps the page's one API in module state, and each test file runs in a page of its own:
// these tests run in order, from a page that has not acquired anything yet.
describe('the page\'s VS Code API', () => {
  afterEach(() => {
    delete globalThis.acquireVsCodeApi;
  });

  it('when acquireVsCodeApi() throws (the page took it already), says how to hand it over and shows not connected', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      globalThis.acquireVsCodeApi = () => {
        throw new Error('An instance of the VS Code API has already been acquired');
      };
      const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings></cs-telemetry-settings>`);
      expect(el.view.problem?.code).to.equal('no-host');
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
