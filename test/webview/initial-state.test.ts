import { expect } from '@open-wc/testing';
import { INITIAL_STATE_ELEMENT_ID, type StateMessage } from '../../src/protocol/protocol.js';
import { LOADING_VIEW, TelemetryClient } from '../../src/webview/telemetry-client.js';
import { readInitialState } from '../../src/webview/initial-state.js';
import { ManualClock } from '../../dev/harness/manual-clock.js';
import { FakeHost, FakeVsCodeApi } from '../support/fake-host.js';

const TIMEOUT = 1000;
const live: { client: TelemetryClient; host: FakeHost }[] = [];

afterEach(() => {
  for (const { client, host } of live.splice(0)) {
    client.dispose();
    host.dispose();
  }
});

/** The state message a host embeds: what its adapter would push now (no inReplyTo). */
function embed(patch: Partial<StateMessage['state']> = {}, fields: Partial<StateMessage> = {}): StateMessage {
  return {
    type: 'telemetry/state',
    protocol: 1,
    instance: 'host-a',
    rev: 3,
    state: { enabled: false, editorTelemetryEnabled: true, managedBy: null, account: null, ...patch },
    ...fields,
  };
}

/** A client started with `initialState`, on a manual host of instance `host-a` at rev 3, with `saved` in its API. */
function start(initialState: unknown, { saved, enabled = false }: { saved?: unknown; enabled?: boolean } = {}) {
  const host = new FakeHost({ manual: true, instance: 'host-a', rev: 3, enabled, api: new FakeVsCodeApi(saved) });
  const client = new TelemetryClient({ api: host.api, scheduler: new ManualClock(), timeout: TIMEOUT, initialState });
  live.push({ client, host });
  return { host, client, api: host.api };
}

describe('the embedded first state', () => {
  it('is shown at once, as confirmed, before the hello is answered; the hello still goes out', () => {
    const { client, api } = start(embed({ enabled: false, account: { loginName: 'ada', email: 'ada@example.com' } }));
    expect(client.view.phase).to.equal('ready');
    expect(client.view.certainty).to.equal('confirmed');
    expect(client.view.enabled).to.equal(false);
    expect(client.view.host?.account).to.deep.equal({ loginName: 'ada', email: 'ada@example.com' });
    expect(api.sent('telemetry/hello')).to.have.length(1);
  });

  it('gives way to the hello’s answer when the host holds another value', () => {
    const { client, host } = start(embed({ enabled: false }), { enabled: true });
    host.change({ enabled: true }); // rev 4 of the same instance
    host.replyAll();
    expect(client.view.enabled).to.equal(true);
    expect(client.view.certainty).to.equal('confirmed');
  });

  it('gives way to a restarted host’s word (a new instance, rev from 1 again)', () => {
    const { client, host } = start(embed({ enabled: false }), { enabled: false });
    host.restart({ instance: 'host-b' });
    host.push({ enabled: true }); // rev 2 of host-b, below the embed's 3
    expect(client.view.enabled).to.equal(true);
    expect(client.view.certainty).to.equal('confirmed');
  });

  it('keeps the stale-state rules: a late push of the same instance with a lower rev is not shown', () => {
    const { client, host, api } = start(embed({ enabled: false }, { rev: 7 }));
    host.deliver({ ...embed({ enabled: true }, { rev: 6 }) });
    expect(client.view.enabled).to.equal(false);
    expect(api.sent('telemetry/hello'), 'the first hello, on its way, is the check: no second').to.have.length(1);
  });

  it('is saved with its instance, so a reload of the page knows what it showed', () => {
    const { api } = start(embed({ enabled: false }));
    const { csTelemetry } = api.getState() as { csTelemetry: { rev: number; instance: string; state: { enabled: boolean } } };
    expect([csTelemetry.rev, csTelemetry.instance, csTelemetry.state.enabled]).to.deep.equal([3, 'host-a', false]);
  });

  describe('against a saved state (a restored or reloaded page)', () => {
    const savedOf = (enabled: boolean, rev: number, instance?: string) => ({
      csTelemetry: { rev, instance, state: { enabled, editorTelemetryEnabled: true, managedBy: null, account: null } },
    });

    it('the same host’s later word wins, as last known (a reload of a page whose HTML is older)', () => {
      const { client } = start(embed({ enabled: false }, { rev: 3 }), { saved: savedOf(true, 5, 'host-a') });
      expect(client.view.enabled).to.equal(true);
      expect(client.view.certainty).to.equal('last-known');
    });

    it('the same word (same instance and rev) is shown as last known: a reload of the same page', () => {
      const { client } = start(embed({ enabled: false }, { rev: 3 }), { saved: savedOf(false, 3, 'host-a') });
      expect(client.view.certainty).to.equal('last-known');
    });

    it('the embed wins over the same host’s older word, and over another instance’s (new HTML after a restart)', () => {
      for (const saved of [savedOf(true, 2, 'host-a'), savedOf(true, 9, 'host-old'), savedOf(true, 9)]) {
        const { client } = start(embed({ enabled: false }, { rev: 3 }), { saved });
        expect(client.view.enabled, JSON.stringify(saved)).to.equal(false);
        expect(client.view.certainty).to.equal('confirmed');
      }
    });

    it('an invalid embed leaves the saved state shown as before', () => {
      for (const initialState of [embed({}, { inReplyTo: 'other-1', rev: 20 }), { ...embed(), protocol: 2 }]) {
        const { client } = start(initialState, { saved: savedOf(true, 9, 'host-a') });
        expect(client.view.enabled, JSON.stringify(initialState)).to.equal(true);
        expect(client.view.certainty).to.equal('last-known');
      }
    });

    it('without an embed the saved state is shown as before', () => {
      const { client } = start(undefined, { saved: savedOf(true, 9, 'host-a') });
      expect(client.view.enabled).to.equal(true);
      expect(client.view.certainty).to.equal('last-known');
    });
  });

  describe('an invalid embed is no embed: loading and hello, exactly as without one', () => {
    // Every field inherited, none its own: the guards read own data properties only.
    const inherited = Object.create(embed({ enabled: true })) as unknown;
    const cases: [string, unknown][] = [
      ['nothing', undefined],
      ['null', null],
      ['a string', JSON.stringify(embed())],
      ['an array', [embed()]],
      ['another protocol', embed({}, { protocol: 2 as 1 })],
      ['no rev', { ...embed(), rev: undefined }],
      ['an error message', { type: 'telemetry/error', protocol: 1, inReplyTo: 'x-1', code: 'locked', message: '' }],
      ['a malformed state', embed({ enabled: 'yes' as unknown as boolean })],
      ['HTML for a login name of 5000 characters', embed({ account: { loginName: '<b>'.repeat(2000), email: 'a@b' } })],
      ['a reply to some request', embed({}, { inReplyTo: 'other-1' })],
      ['fields on the prototype chain only', inherited],
    ];
    for (const [name, initialState] of cases) {
      it(name, () => {
        const { client, api } = start(initialState);
        expect(client.view).to.deep.equal(LOADING_VIEW);
        expect(api.sent('telemetry/hello')).to.have.length(1);
        expect(api.getState(), 'nothing saved').to.equal(undefined);
      });
    }
  });
});

describe('readInitialState', () => {
  const added: Element[] = [];
  afterEach(() => added.splice(0).forEach((element) => element.remove()));

  function place(html: string): void {
    const template = document.createElement('template');
    template.innerHTML = html;
    const element = template.content.firstElementChild!;
    document.body.append(element);
    added.push(element);
  }

  it('reads the JSON of the data block, escapes included', () => {
    place(`<script type="application/json" id="${INITIAL_STATE_ELEMENT_ID}">{"a":"\\u003c/script\\u003e\\u2028"}</script>`);
    expect(readInitialState(document)).to.deep.equal({ a: '</script>\u2028' });
  });

  it('reads nothing from another kind of element, a script of another type, or text that is not JSON', () => {
    expect(readInitialState(document), 'none').to.equal(undefined);
    for (const html of [
      `<div id="${INITIAL_STATE_ELEMENT_ID}">{"a":1}</div>`,
      `<script type="text/plain" id="${INITIAL_STATE_ELEMENT_ID}">{"a":1}</script>`,
      `<script type="application/json" id="${INITIAL_STATE_ELEMENT_ID}">{"a":</script>`,
    ]) {
      place(html);
      expect(readInitialState(document), html).to.equal(undefined);
      added.splice(0).forEach((element) => element.remove());
    }
  });
});
