import { expect } from '@open-wc/testing';
import type { StateMessage, WebviewMessage } from '../../src/protocol/protocol.js';
import {
  AUTO_HELLOS,
  DEFAULT_TIMEOUT,
  EXPORT_TIMEOUT,
  SEND_LIMIT,
  SEND_WINDOW,
  STALE_CHECKS,
  TelemetryClient,
  type TelemetryView,
} from '../../src/webview/telemetry-client.js';
import { readEvents } from '../../src/webview/events-reader.js';
import { ManualClock } from '../../dev/harness/manual-clock.js';
import { FakeHost, FakeVsCodeApi, deliverFromHost, type FakeHostOptions, type RequestMessage } from '../support/fake-host.js';

const TIMEOUT = 1000;

interface Setup {
  host: FakeHost;
  api: FakeVsCodeApi;
  scheduler: ManualClock;
  client: TelemetryClient;
  views: TelemetryView[];
}

const live: Setup[] = [];

/** A client on a manual-mode fake host with controlled time; the host answers only when told. */
function setup(options: FakeHostOptions = {}): Setup {
  const host = new FakeHost({ manual: true, ...options });
  const scheduler = new ManualClock();
  // With the events extension's reader, as the panel gives it once the extensions' chunk is in.
  const client = new TelemetryClient({ api: host.api, scheduler, timeout: TIMEOUT, readEvents });
  const views: TelemetryView[] = [];
  client.subscribe((view) => views.push(view));
  const context = { host, api: host.api, scheduler, client, views };
  live.push(context);
  return context;
}

/** A client that has said hello and heard the host's answer. */
function ready(options: FakeHostOptions = {}): Setup {
  const context = setup(options);
  context.host.replyAll();
  expect(context.client.view.phase).to.equal('ready');
  return context;
}

/** Nothing outstanding, no timer left, nothing saving, and what is shown is the host's truth. */
function expectQuiet({ client, scheduler, host }: Setup) {
  expect(client.pendingRequests, 'pending requests').to.equal(0);
  expect(scheduler.pending, 'pending timers').to.equal(0);
  expect(client.view.saving, 'saving').to.equal(false);
  expect(client.view.enabled, 'shown').to.equal(host.state.enabled);
  expect(client.view.host, 'host state').to.deep.equal(host.state);
}

const sets = (api: FakeVsCodeApi) => api.sent('telemetry/set');

afterEach(() => {
  for (const context of live.splice(0)) {
    context.client.dispose();
    context.host.dispose();
  }
});

describe('TelemetryClient', () => {
  describe('connecting', () => {
    it('says hello on construct, with a string id and protocol 1, and shows loading', () => {
      const { api, client, scheduler } = setup();
      expect(api.posted).to.have.length(1);
      const hello = api.posted[0] as RequestMessage;
      expect(hello).to.deep.equal({ type: 'telemetry/hello', id: hello.id, protocol: 1 });
      expect(hello.id).to.be.a('string');
      expect(hello.id.length).to.be.greaterThan(0);
      expect(client.view).to.deep.equal({
        phase: 'loading',
        enabled: null,
        saving: false,
        accountLinked: null,
        accountSaving: false,
        host: null,
        certainty: 'unknown',
        problem: null,
      });
      expect(client.pendingRequests).to.equal(1);
      expect(scheduler.pending).to.equal(1);
    });

    it('becomes ready with the host state when the hello is answered', () => {
      const context = setup({ enabled: false, account: { loginName: 'ada', email: 'ada@example.com' } });
      context.host.replyAll();
      expect(context.client.view.phase).to.equal('ready');
      expect(context.client.view.enabled).to.equal(false);
      expect(context.client.view.host?.account).to.deep.equal({ loginName: 'ada', email: 'ada@example.com' });
      expect(context.client.view.problem).to.equal(null);
      expectQuiet(context);
    });

    it('uses ids that are unique within the page and across clients', () => {
      const a = ready();
      const b = ready();
      for (const value of [false, true]) a.client.setEnabled(value);
      a.client.retry();
      const ids = [...a.api.posted, ...b.api.posted].map((m) => (m as RequestMessage).id);
      expect(ids).to.have.length(5);
      expect(new Set(ids).size).to.equal(5);
    });

    it('defaults to a 5 s timeout', () => {
      expect(DEFAULT_TIMEOUT).to.equal(5000);
      const scheduler = new ManualClock();
      const client = new TelemetryClient({ api: new FakeVsCodeApi(), scheduler, listen: () => () => {} });
      try {
        scheduler.advance(4999);
        expect(client.view.phase).to.equal('loading');
        scheduler.advance(1);
        expect(client.view.phase).to.equal('unreachable');
      } finally {
        client.dispose();
      }
    });

    it('takes host data from a custom `listen` transport and unsubscribes on dispose', () => {
      let feed: ((data: unknown) => void) | undefined;
      let unsubscribed = 0;
      const api = new FakeVsCodeApi();
      const client = new TelemetryClient({
        api,
        scheduler: new ManualClock(),
        listen: (listener) => {
          feed = listener;
          return () => unsubscribed++;
        },
      });
      const hello = api.last!;
      // The window is not listened to when a transport is given.
      deliverFromHost({ type: 'telemetry/state', protocol: 1, rev: 1, inReplyTo: hello.id, state: { enabled: true } });
      expect(client.view.phase).to.equal('loading');
      feed!({ type: 'telemetry/state', protocol: 1, rev: 1, inReplyTo: hello.id, state: { enabled: false } });
      expect(client.view.phase).to.equal('ready');
      expect(client.view.enabled).to.equal(false);
      client.dispose();
      expect(unsubscribed).to.equal(1);
    });
  });

  describe('the optimistic switch', () => {
    it('a host that answers inside postMessage does not leave saving behind', () => {
      const api = new FakeVsCodeApi();
      let rev = 1;
      api.onPost = (m) => {
        const r = m as { id: string; enabled?: boolean };
        deliverFromHost({ type: 'telemetry/state', protocol: 1, rev: rev++, inReplyTo: r.id, state: { enabled: r.enabled ?? true } });
      };
      const scheduler = new ManualClock();
      const client = new TelemetryClient({ api, scheduler });
      try {
        client.setEnabled(false);
        expect(client.pendingRequests).to.equal(0);
        expect(scheduler.pending).to.equal(0);
        expect(client.view.saving).to.equal(false);
        expect(client.view.enabled).to.equal(false);
      } finally {
        client.dispose();
      }
    });

    it('a late reply that brings what a timed-out save asked for clears the alert', () => {
      const context = ready({ enabled: true });
      const { client, host, scheduler } = context;
      client.setEnabled(false);
      const set = host.held[0];
      scheduler.advance(TIMEOUT);
      expect(client.view.problem?.kind).to.equal('save-failed');
      expect(client.view.enabled).to.equal(true);
      host.deliver(host.answer(set));
      expect(client.view.enabled).to.equal(false);
      expect(client.view.problem).to.equal(null);
    });

    it('shows the flip at once, saves, and the reply settles it', () => {
      const context = ready({ enabled: true });
      const { client, api, host } = context;
      const viewsBefore = context.views.length;
      client.setEnabled(false);
      expect(client.view.enabled).to.equal(false);
      expect(client.view.saving).to.equal(true);
      expect(client.view.host?.enabled, 'host unchanged until it answers').to.equal(true);
      expect(context.views.length).to.equal(viewsBefore + 1);
      const set = api.last!;
      expect(set).to.deep.equal({ type: 'telemetry/set', id: set.id, enabled: false });
      expect(host.state.enabled).to.equal(true);
      host.reply();
      expect(host.state.enabled).to.equal(false);
      expect(client.view).to.include({ phase: 'ready', enabled: false, saving: false, problem: null });
      expectQuiet(context);
    });

    it('replaces the view object on every change instead of mutating it', () => {
      const context = ready({ enabled: true });
      const before = context.client.view;
      context.client.setEnabled(false);
      expect(context.client.view).to.not.equal(before);
      expect(before.enabled).to.equal(true);
      expect(before.saving).to.equal(false);
      context.host.reply();
      expect(context.views.at(-1)).to.equal(context.client.view);
    });

    it('an error reply shows the host state again, re-reads it with get, and reports save-failed', () => {
      const context = ready({ enabled: true });
      const { client, api, host } = context;
      host.failNextSave('write-failed', 'The settings file is read-only.');
      client.setEnabled(false);
      const set = api.last!;
      host.reply();
      expect(client.view.enabled).to.equal(true);
      expect(client.view.saving).to.equal(false);
      expect(client.view.problem).to.deep.equal({
        kind: 'save-failed',
        code: 'write-failed',
        message: 'The settings file is read-only.',
        wanted: false,
        field: 'enabled',
      });
      const get = api.last!;
      expect(get).to.deep.equal({ type: 'telemetry/get', id: get.id });
      expect(get.id).to.not.equal(set.id);
      host.reply();
      expect(client.view.problem?.kind, 'the failure stays reported after the re-read').to.equal('save-failed');
      host.push({ enabled: false }); // changed elsewhere to what the user wanted
      expect(client.view.enabled).to.equal(false);
      expect(client.view.problem, 'the host now holds what the user asked for: nothing failed to report').to.equal(null);
      expectQuiet(context);
    });

    it('no reply within the timeout shows the host state, re-reads it, and reports a timeout', () => {
      const context = ready({ enabled: true });
      const { client, api, host, scheduler } = context;
      client.setEnabled(false);
      scheduler.advance(TIMEOUT - 1);
      expect(client.view.saving).to.equal(true);
      expect(client.view.enabled).to.equal(false);
      scheduler.advance(1);
      expect(client.view.saving).to.equal(false);
      expect(client.view.enabled).to.equal(true);
      expect(client.view.phase).to.equal('ready');
      expect(client.view.problem).to.deep.equal({ kind: 'save-failed', code: 'timeout', message: '', wanted: false, field: 'enabled' });
      expect(api.last!.type).to.equal('telemetry/get');
      expect(host.held.map((m) => m.type)).to.deep.equal(['telemetry/set', 'telemetry/get']);
      // The late reply to the set, and then the get, tell the truth: the host did save it.
      host.replyAll();
      expect(client.view.enabled).to.equal(false);
      expectQuiet(context);
    });

    it('becomes unreachable when the get after a timeout is not answered either', () => {
      const context = ready({ enabled: true });
      const { client, scheduler } = context;
      context.host.silent = true;
      client.setEnabled(false);
      scheduler.advance(TIMEOUT);
      expect(client.view.problem?.kind).to.equal('save-failed');
      scheduler.advance(TIMEOUT);
      expect(client.view.phase).to.equal('unreachable');
      expect(client.view.problem).to.deep.equal({ kind: 'unreachable', code: 'timeout', message: '' });
      expect(client.view.enabled).to.equal(true);
      expect(client.view.saving).to.equal(false);
      expect(client.pendingRequests, 'an automatic hello is out').to.equal(1);
      expect(context.api.last!.type).to.equal('telemetry/hello');
    });

    it('says hello again by itself after silence, each time waiting twice as long, then stops', () => {
      const { client, api, scheduler } = setup();
      const hellos = () => api.sent('telemetry/hello').length;
      scheduler.advance(TIMEOUT);
      expect(client.view.phase).to.equal('unreachable');
      expect(client.view.problem).to.deep.equal({ kind: 'unreachable', code: 'timeout', message: '' });
      for (let n = 1; n <= AUTO_HELLOS; n++) {
        expect(hellos(), `hello ${n} went out at once`).to.equal(1 + n);
        scheduler.advance((TIMEOUT << n) - 1);
        expect(hellos(), `no new hello before its wait of ${TIMEOUT << n} ms`).to.equal(1 + n);
        scheduler.advance(1);
        expect(client.view.phase).to.equal('unreachable');
      }
      expect(hellos()).to.equal(1 + AUTO_HELLOS);
      expect(client.pendingRequests).to.equal(0);
      expect(scheduler.pending).to.equal(0);
      scheduler.advance(100 * TIMEOUT);
      expect(hellos(), 'bounded: Retry is the user\'s from here').to.equal(1 + AUTO_HELLOS);
    });

    it('an automatic hello that is answered brings the panel back without Retry', () => {
      const context = ready({ enabled: true });
      const { client, host, scheduler } = context;
      client.setEnabled(false);
      host.held.length = 0; // the set is lost
      scheduler.advance(TIMEOUT);
      expect(client.view.problem?.kind).to.equal('save-failed');
      host.held.length = 0; // and so is the get that followed
      scheduler.advance(TIMEOUT);
      expect(client.view.phase).to.equal('unreachable');
      host.reply(); // the automatic hello
      expect(client.view).to.include({ phase: 'ready', enabled: true, saving: false, problem: null });
      expectQuiet(context);
    });

    it('an error reply to a hello is an answer: no automatic hello follows', () => {
      const { client, host, api, scheduler } = setup();
      const hello = host.held.shift()!;
      host.deliver({ type: 'telemetry/error', protocol: 1, inReplyTo: hello.id, code: 'bad-request', message: 'Nope' });
      scheduler.advance(100 * TIMEOUT);
      expect(client.view.phase).to.equal('unreachable');
      expect(api.sent('telemetry/hello')).to.have.length(1);
    });

    it('becomes unreachable when the hello is never answered', () => {
      const { client, scheduler } = setup();
      scheduler.advance(TIMEOUT);
      expect(client.view).to.deep.equal({
        phase: 'unreachable',
        enabled: null,
        saving: false,
        accountLinked: null,
        accountSaving: false,
        host: null,
        certainty: 'unknown',
        problem: { kind: 'unreachable', code: 'timeout', message: '' },
      });
    });

    it('an error reply to the hello reports the host unreachable, with its code and words', () => {
      const { client, host } = setup();
      const hello = host.held.shift()!;
      host.deliver({ type: 'telemetry/error', protocol: 1, inReplyTo: hello.id, code: 'bad-request', message: 'Nope' });
      expect(client.view.problem).to.deep.equal({ kind: 'unreachable', code: 'bad-request', message: 'Nope' });
      expect(client.view.saving).to.equal(false);
      expect(client.pendingRequests).to.equal(0);
    });
  });

  describe('retry', () => {
    it('after save-failed resends the set with the wanted value', () => {
      const context = ready({ enabled: true });
      const { client, api, host } = context;
      host.failNextSave('write-failed');
      client.setEnabled(false);
      host.replyAll(); // the error, then the get
      expect(client.view.problem?.kind).to.equal('save-failed');
      expect(client.view.enabled).to.equal(true);
      const before = sets(api).length;
      client.retry();
      expect(sets(api)).to.have.length(before + 1);
      expect(sets(api).at(-1)!.enabled).to.equal(false);
      expect(client.view).to.include({ enabled: false, saving: true, problem: null });
      host.reply();
      expect(host.state.enabled).to.equal(false);
      expect(client.view.problem).to.equal(null);
      expectQuiet(context);
    });

    it('after a timed-out save resends the set with the wanted value', () => {
      const context = ready({ enabled: false });
      const { client, api, host, scheduler } = context;
      client.setEnabled(true);
      scheduler.advance(TIMEOUT);
      expect(client.view.problem).to.include({ kind: 'save-failed', code: 'timeout', wanted: true });
      host.held.splice(0, 1); // the set never reached the host
      host.reply(); // the get
      expect(client.view.enabled).to.equal(false);
      client.retry();
      expect(api.last).to.deep.include({ type: 'telemetry/set', enabled: true });
      expect(client.view).to.include({ enabled: true, saving: true, problem: null });
      host.reply();
      expect(host.state.enabled).to.equal(true);
      expectQuiet(context);
    });

    it('after unreachable says hello again', () => {
      const context = setup({ enabled: false });
      const { client, api, host, scheduler } = context;
      host.held.length = 0; // the first hello is lost
      scheduler.advance(TIMEOUT);
      expect(client.view.phase).to.equal('unreachable');
      client.retry();
      const hello = api.last!;
      expect(hello).to.deep.equal({ type: 'telemetry/hello', id: hello.id, protocol: 1 });
      expect(api.sent('telemetry/hello'), 'the first, the automatic one, and Retry\'s').to.have.length(3);
      expect(client.view.phase, 'no state known yet').to.equal('loading');
      expect(client.view.problem).to.equal(null);
      host.reply();
      expect(client.view.phase).to.equal('ready');
      expect(client.view.enabled).to.equal(false);
      host.replyAll(); // Retry's own hello, sent after the one answered, is still awaited
      expectQuiet(context);
    });

    it('after unreachable with a known state shows it as ready while the hello is out', () => {
      const context = ready({ enabled: true });
      const { client, api, host, scheduler } = context;
      host.silent = true;
      client.retry(); // a read, and no save in doubt
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ phase: 'unreachable', certainty: 'last-known' });
      host.silent = false;
      client.retry();
      expect(api.last!.type).to.equal('telemetry/hello');
      expect(client.view).to.include({ phase: 'ready', enabled: true, certainty: 'last-known', problem: null });
      host.replyAll();
      expect(client.view.certainty).to.equal('confirmed');
      expectQuiet(context);
    });

    it('after a save and its re-read went unanswered, shows loading, not the unknown value, while the hello is out', () => {
      const context = ready({ enabled: true });
      const { client, api, host, scheduler } = context;
      host.silent = true;
      client.setEnabled(false);
      scheduler.advance(2 * TIMEOUT);
      expect(client.view).to.include({ phase: 'unreachable', certainty: 'unknown' });
      host.silent = false;
      client.retry();
      expect(api.last!.type).to.equal('telemetry/hello');
      expect(client.view).to.include({ phase: 'loading', certainty: 'unknown', problem: null });
      host.replyAll();
      expect(client.view).to.include({ phase: 'ready', enabled: true, certainty: 'confirmed' });
      expectQuiet(context);
    });
  });

  describe('ordering', () => {
    it('rapid flips with replies delivered out of order end with shown == host, the last intent winning', () => {
      const context = ready({ enabled: true });
      const { client, host, api, scheduler } = context;
      scheduler.advance(SEND_WINDOW); // the hello's slot is free again: the flips are the only sends in the window
      const intents = [false, true, true, false];
      for (const value of intents) {
        client.setEnabled(value);
        expect(client.view.enabled).to.equal(value);
        expect(client.view.saving).to.equal(true);
      }
      expect(sets(api).map((m) => m.enabled)).to.deep.equal(intents);
      // The host applies them in order; the answers travel back in another order.
      const answers = host.held.splice(0).map((request) => host.answer(request));
      expect(host.state.enabled).to.equal(false);
      for (const index of [2, 0, 1]) {
        host.deliver(answers[index]);
        expect(client.view.enabled, `after answer ${index}`).to.equal(false);
        expect(client.view.saving, `after answer ${index}`).to.equal(true);
      }
      host.deliver(answers[3]);
      expect(client.view.saving).to.equal(false);
      // The overtaken replies looked older than what was shown: the client asks the host with one hello, as soon as a
      // slot is free (the four sets took the window's); the ones after it wait for its answer, which tells for all.
      expect(host.held).to.deep.equal([]);
      scheduler.advance(SEND_WINDOW);
      expect(host.held.map((m) => m.type)).to.deep.equal(['telemetry/hello']);
      host.replyAll();
      scheduler.advance(10 * TIMEOUT);
      expect(host.held, 'nothing more to check').to.deep.equal([]);
      expect(client.view.enabled).to.equal(false);
      expectQuiet(context);
    });

    it('when the host applies older requests after the latest, what is shown follows the host', () => {
      const context = ready({ enabled: true });
      const { client, host } = context;
      client.setEnabled(false);
      client.setEnabled(true);
      client.setEnabled(false);
      const [first, middle, last] = host.held.splice(0);
      host.deliver(host.answer(last)); // host: off, rev 2
      expect(client.view).to.include({ enabled: false, saving: false });
      host.deliver(host.answer(middle)); // the host applies an older request later: on, rev 3
      expect(host.state.enabled).to.equal(true);
      expect(client.view.enabled).to.equal(true);
      expectQuiet(context);
      host.deliver(host.answer(first)); // off, rev 4
      expect(client.view.enabled).to.equal(false);
      expectQuiet(context);
    });

    it('a reply to a superseded set does not change what is shown while the latest is pending', () => {
      const context = ready({ enabled: true });
      const { client, host } = context;
      client.setEnabled(false);
      client.setEnabled(true);
      host.reply(); // the first set: the host turns off
      expect(host.state.enabled).to.equal(false);
      expect(client.view.enabled).to.equal(true);
      expect(client.view.saving).to.equal(true);
      expect(client.view.host?.enabled, 'the host truth is still tracked').to.equal(false);
      host.reply();
      expect(client.view.enabled).to.equal(true);
      expectQuiet(context);
    });

    it('an error reply to a superseded set is ignored', () => {
      const context = ready({ enabled: true });
      const { client, host } = context;
      client.setEnabled(false);
      client.setEnabled(true);
      const [first] = host.held.splice(0, 1);
      host.deliver({ type: 'telemetry/error', protocol: 1, inReplyTo: first.id, code: 'write-failed', message: '' });
      expect(client.view).to.include({ enabled: true, saving: true, problem: null });
      host.reply();
      expect(client.view.problem).to.equal(null);
      expectQuiet(context);
    });

    it('ignores a state with an older rev', () => {
      const context = ready({ enabled: true, rev: 5 });
      const { client, api } = context;
      const saved = api.savedStates.length;
      const push = (rev: number, enabled: boolean): StateMessage => ({
        type: 'telemetry/state',
        protocol: 1,
        rev,
        state: { enabled },
      });
      deliverFromHost(push(4, false));
      deliverFromHost(push(-1, false));
      expect(client.view.enabled).to.equal(true);
      expect(api.savedStates).to.have.length(saved);
      expect(api.sent('telemetry/hello'), 'one check for the two, at once').to.have.length(2);
      deliverFromHost(push(6, false));
      expect(client.view.enabled).to.equal(false);
      deliverFromHost(push(5.5, true));
      expect(client.view.enabled).to.equal(false);
      expect(client.ignoredMessages, 'stale is not malformed').to.equal(0);
    });

    it('ignores replies whose inReplyTo this page never sent', () => {
      const context = ready({ enabled: true });
      const { client, api } = context;
      const saved = api.savedStates.length;
      const viewBefore = client.view;
      deliverFromHost({ type: 'telemetry/state', protocol: 1, rev: 99, inReplyTo: 'another-page-1', state: { enabled: false } });
      deliverFromHost({ type: 'telemetry/error', protocol: 1, inReplyTo: 'another-page-2', code: 'write-failed', message: 'x' });
      client.setEnabled(false);
      deliverFromHost({ type: 'telemetry/error', protocol: 1, inReplyTo: 'another-page-3', code: 'write-failed', message: 'x' });
      expect(client.view).to.include({ enabled: false, saving: true, problem: null });
      expect(viewBefore.enabled).to.equal(true);
      expect(api.savedStates).to.have.length(saved);
      context.host.reply();
      expectQuiet(context);
    });

    it('a hello reply starts a new rev count and drops replies to requests sent before it', () => {
      const context = ready({ enabled: true, rev: 10 });
      const { client, host, api } = context;
      const firstHello = api.sent('telemetry/hello')[0];
      client.retry(); // no problem: says hello again
      expect(api.last!.type).to.equal('telemetry/hello');
      host.rev = 1; // the host restarted its count
      host.state.enabled = false;
      host.reply();
      expect(client.view.enabled).to.equal(false);
      expect(client.view.host?.enabled).to.equal(false);
      expect(api.last!.type, 'a lower rev is checked with a get').to.equal('telemetry/get');
      host.reply();
      expect(client.view.enabled).to.equal(false);
      host.push({ enabled: true }); // rev 2 in the new count
      expect(client.view.enabled).to.equal(true);
      // A late answer to the first hello belongs to the old count, whatever its rev.
      deliverFromHost({ type: 'telemetry/state', protocol: 1, rev: 50, inReplyTo: firstHello.id, state: { enabled: false } });
      expect(client.view.enabled).to.equal(true);
      expectQuiet(context);
    });

    it('a hello reply overtaken by a newer pushed state is checked with a get, and the newer state stays', () => {
      const context = ready({ enabled: true, rev: 5 });
      const { client, host, api } = context;
      client.retry(); // says hello
      const helloAnswer = host.answer(host.held.shift()!); // rev 5, enabled
      host.push({ enabled: false }); // rev 6 arrives first
      expect(client.view.enabled).to.equal(false);
      host.deliver(helloAnswer);
      expect(api.last!.type).to.equal('telemetry/get');
      host.reply();
      expect(client.view.enabled).to.equal(false);
      expectQuiet(context);
    });

    it('a set still pending when a later hello is answered is settled by its own reply', () => {
      const context = setup({ enabled: false });
      const { client, host, scheduler } = context;
      host.held.length = 0; // the first hello is lost
      scheduler.advance(TIMEOUT);
      expect(client.view.phase).to.equal('unreachable');
      host.held.length = 0; // and so is the automatic one
      client.setEnabled(true);
      client.retry();
      const [set, hello] = host.held.splice(0);
      expect([set.type, hello.type]).to.deep.equal(['telemetry/set', 'telemetry/hello']);
      const setAnswer = host.answer(set);
      host.deliver(host.answer(hello));
      expect(client.view.saving).to.equal(true);
      host.deliver(setAnswer);
      expect(client.view).to.include({ phase: 'ready', enabled: true, saving: false, problem: null });
      expectQuiet(context);
    });
  });

  describe('pushed changes', () => {
    it('update what is shown at once and never echo a set back', () => {
      const context = ready({ enabled: true });
      const { client, host, api } = context;
      const posted = api.posted.length;
      host.push({ enabled: false });
      expect(client.view.enabled).to.equal(false);
      host.push({ editorTelemetryEnabled: false });
      expect(client.view.host?.editorTelemetryEnabled).to.equal(false);
      host.push({ account: { loginName: 'ada', email: 'ada@example.com' }, enabled: true });
      expect(client.view.enabled).to.equal(true);
      expect(client.view.host?.account?.loginName).to.equal('ada');
      host.push({ managedBy: 'policy', enabled: false });
      expect(client.view.enabled).to.equal(false);
      expect(api.posted).to.have.length(posted);
      expect(sets(api)).to.have.length(0);
      expectQuiet(context);
    });

    it('while saving update the host state but keep showing the intent until the set is answered', () => {
      const context = ready({ enabled: true });
      const { client, host } = context;
      client.setEnabled(false);
      host.push({ account: { loginName: 'ada', email: 'ada@example.com' } });
      expect(client.view.enabled).to.equal(false);
      expect(client.view.saving).to.equal(true);
      expect(client.view.host?.account?.loginName).to.equal('ada');
      host.reply();
      expectQuiet(context);
    });

    it('a policy lock arriving while saving drops the pending set and shows the host state', () => {
      const context = ready({ enabled: true });
      const { client, host, api } = context;
      client.setEnabled(false);
      host.push({ managedBy: 'policy' });
      expect(client.view).to.include({ enabled: true, saving: false });
      expect(client.pendingRequests).to.equal(0);
      host.held.length = 0;
      // Locked: a flip does nothing at all.
      const posted = api.posted.length;
      const view = client.view;
      client.setEnabled(false);
      expect(api.posted).to.have.length(posted);
      expect(client.view).to.equal(view);
      expectQuiet(context);
    });

    it('a set refused as locked shows the host state with save-failed', () => {
      const context = ready({ enabled: true });
      const { client, host } = context;
      client.setEnabled(false);
      host.state.managedBy = 'policy'; // locked on the host, not yet pushed
      host.reply();
      expect(client.view.problem).to.deep.equal({ kind: 'save-failed', code: 'locked', message: '', wanted: false, field: 'enabled' });
      expect(client.view.enabled).to.equal(true);
      expect(host.held.map((m) => m.type)).to.deep.equal(['telemetry/get']);
      host.reply();
      expect(client.view.host?.managedBy).to.equal('policy');
      expect(client.view.problem?.code).to.equal('locked');
      expectQuiet(context);
    });
  });

  describe('saved state', () => {
    it('is written with setState on each confirmed state, never for an unconfirmed flip', () => {
      const context = setup({ enabled: true, rev: 7 });
      const { client, host, api } = context;
      expect(api.savedStates).to.have.length(0);
      host.reply();
      expect(api.getState()).to.deep.equal({ csTelemetry: { rev: 7, state: host.state, instance: undefined } });
      client.setEnabled(false);
      expect(api.savedStates).to.have.length(1);
      host.reply();
      expect(api.savedStates).to.have.length(2);
      expect(host.state.enabled).to.equal(false);
      expect(api.getState()).to.deep.equal({ csTelemetry: { rev: 8, state: host.state, instance: undefined } });
      host.push({ editorTelemetryEnabled: false });
      expect(api.getState()).to.deep.equal({ csTelemetry: { rev: 9, state: host.state, instance: undefined } });
      host.failNextSave();
      client.setEnabled(true);
      host.reply();
      expect(api.savedStates, 'an error writes nothing').to.have.length(3);
    });

    it('a reloaded webview paints the saved state at once (no loading), then says hello', () => {
      const first = ready({ enabled: false, account: { loginName: 'ada', email: 'ada@example.com' } });
      first.client.setEnabled(true);
      first.host.reply();
      const saved = first.api.getState();
      first.client.dispose();
      first.host.dispose();

      const api = new FakeVsCodeApi(saved);
      const context = setup({ api, enabled: true, account: { loginName: 'ada', email: 'ada@example.com' } });
      expect(context.client.view).to.deep.equal({
        phase: 'ready',
        enabled: true,
        saving: false,
        accountLinked: null,
        accountSaving: false,
        host: first.host.state,
        certainty: 'last-known', // an earlier page's word, until this host answers
        problem: null,
      });
      expect(api.posted).to.have.length(1);
      expect((api.posted[0] as WebviewMessage).type).to.equal('telemetry/hello');
      context.host.push({ enabled: false });
      context.host.reply();
      expect(context.views.every((view) => view.phase === 'ready')).to.equal(true);
      expectQuiet(context);
    });

    it('accepts a saved state below the host\'s new count', () => {
      const api = new FakeVsCodeApi({ csTelemetry: { rev: 40, state: { enabled: true } } });
      const context = setup({ api, enabled: false, rev: 2 });
      expect(context.client.view.enabled).to.equal(true);
      context.host.reply();
      expect(context.client.view.enabled).to.equal(false);
      expectQuiet(context);
    });

    const malformed: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['a string', '{"csTelemetry":{"rev":1,"state":{"enabled":true}}}'],
      ['an array', [{ csTelemetry: { rev: 1, state: { enabled: true } } }]],
      ['another extension\'s state', { scroll: 10 }],
      ['csTelemetry null', { csTelemetry: null }],
      ['rev as a string', { csTelemetry: { rev: '1', state: { enabled: true } } }],
      ['rev null (what JSON makes of NaN)', { csTelemetry: { rev: null, state: { enabled: true } } }],
      ['no state', { csTelemetry: { rev: 1 } }],
      ['enabled as a string', { csTelemetry: { rev: 1, state: { enabled: 'true' } } }],
      ['bad account', { csTelemetry: { rev: 1, state: { enabled: true, account: { loginName: 1 } } } }],
      ['csTelemetry from the prototype', Object.create({ csTelemetry: { rev: 1, state: { enabled: true } } })],
    ];
    for (const [name, saved] of malformed) {
      it(`ignores a malformed saved state: ${name}`, () => {
        const { client, api } = setup({ api: new FakeVsCodeApi(saved) });
        expect(client.view.phase).to.equal('loading');
        expect(client.view.enabled).to.equal(null);
        expect(client.view.host).to.equal(null);
        expect(api.sent('telemetry/hello')).to.have.length(1);
      });
    }

    it('survives getState throwing', () => {
      const api = new FakeVsCodeApi();
      api.getState = () => {
        throw new Error('no state');
      };
      const { client } = setup({ api });
      expect(client.view.phase).to.equal('loading');
      expect(api.sent('telemetry/hello')).to.have.length(1);
    });
  });

  describe('bad input', () => {
    let warnings: unknown[][];
    let originalWarn: typeof console.warn;

    beforeEach(() => {
      warnings = [];
      originalWarn = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args);
      };
    });

    afterEach(() => {
      console.warn = originalWarn;
    });

    it('is ignored without throwing or change, counted, and warned about once', () => {
      const context = ready({ enabled: true, rev: 3 });
      const { client, api } = context;
      const view = client.view;
      const hello = api.sent('telemetry/hello')[0];
      class Impostor {
        type = 'telemetry/state';
        protocol = 1;
        rev = 9;
        state = { enabled: false };
      }
      const bad: unknown[] = [
        null,
        undefined,
        42,
        'telemetry/state',
        [],
        { type: 'vscode/other', payload: 1 }, // not ours
        { type: 'telemetry/unknown', protocol: 1, rev: 9 }, // unknown type
        { type: 'telemetry/state', protocol: 1, rev: 9 }, // missing state
        { type: 'telemetry/state', protocol: 1, rev: '9', state: { enabled: false } }, // wrong type
        { type: 'telemetry/state', protocol: 1, rev: NaN, state: { enabled: false } },
        { type: 'telemetry/state', protocol: 1, rev: 9, state: { enabled: 'false' } },
        { type: 'telemetry/state', protocol: 1, rev: 9, inReplyTo: hello.id, state: { enabled: false, managedBy: 'root' } },
        { type: 'telemetry/state', protocol: '2', rev: 9, state: { enabled: false } },
        { type: 'telemetry/error', protocol: 1, inReplyTo: hello.id, code: '', message: '' },
        { type: 'telemetry/set', id: 'x', enabled: false }, // our own request type echoed back
        JSON.parse('{"__proto__":{"type":"telemetry/state","protocol":1,"rev":9,"state":{"enabled":false}}}'),
        Object.create({ type: 'telemetry/state', protocol: 1, rev: 9, state: { enabled: false } }),
        new Impostor(),
        { type: 'telemetry/state', protocol: 1, rev: 9, state: { enabled: false, account: { loginName: 'x'.repeat(5000), email: '' } } },
      ];
      for (const data of bad) expect(() => deliverFromHost(data)).to.not.throw();
      expect(client.ignoredMessages).to.equal(bad.length);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('[cs-telemetry]');
      expect(client.view).to.equal(view);
      expect(context.views.at(-1)).to.equal(view);
      expect(api.savedStates).to.have.length(1);
      // Still working.
      context.host.push({ enabled: false });
      expect(client.view.enabled).to.equal(false);
      expect(client.ignoredMessages).to.equal(bad.length);
      expectQuiet(context);
    });

    it('receive() may be fed directly and counts the same way', () => {
      const { client } = ready();
      client.receive({ nonsense: true });
      client.receive(Symbol('x'));
      expect(client.ignoredMessages).to.equal(2);
      expect(warnings).to.have.length(1);
    });
  });

  describe('another protocol version', () => {
    it('shows incompatible, clears outstanding requests and refuses flips', () => {
      const context = ready({ enabled: true });
      const { client, host, api, scheduler } = context;
      client.setEnabled(false);
      expect(client.pendingRequests).to.equal(1);
      deliverFromHost({ type: 'telemetry/state', protocol: 2, rev: 1, state: { enabled: false, brandNew: 1 } });
      expect(client.view.phase).to.equal('incompatible');
      expect(client.view.problem).to.deep.equal({ kind: 'incompatible', code: 'protocol', message: '', hostProtocol: 2 });
      expect(client.view.saving).to.equal(false);
      expect(client.view.enabled).to.equal(true);
      expect(client.pendingRequests).to.equal(0);
      expect(scheduler.pending).to.equal(0);
      expect(client.ignoredMessages).to.equal(0);
      const posted = api.posted.length;
      client.setEnabled(false);
      expect(api.posted).to.have.length(posted);
      expect(client.view.phase).to.equal('incompatible');
      expect(host.received.map((m) => m.type)).to.deep.equal(['telemetry/hello', 'telemetry/set']);
    });

    it('is also recognised from an error message, before any state is known', () => {
      const { client } = setup();
      deliverFromHost({ type: 'telemetry/error', protocol: 3, inReplyTo: 'x', code: 'c', message: 'm' });
      expect(client.view).to.include({ phase: 'incompatible', enabled: null });
      expect(client.view.problem?.hostProtocol).to.equal(3);
      expect(client.pendingRequests).to.equal(0);
    });
  });

  describe('dispose', () => {
    it('removes its listener from the API\'s transport when it has one', () => {
      const context = ready({ enabled: true });
      expect(context.host.api.listeners).to.equal(1);
      context.client.dispose();
      expect(context.host.api.listeners).to.equal(0);
    });

    it('removes the window listener when the API has no transport of its own, as VS Code\'s has none', () => {
      const added: EventListenerOrEventListenerObject[] = [];
      const removed: EventListenerOrEventListenerObject[] = [];
      const { addEventListener, removeEventListener } = window;
      window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
        if (args[0] === 'message') added.push(args[1]);
        return addEventListener.apply(this, args);
      } as Window['addEventListener'];
      window.removeEventListener = function (this: Window, ...args: Parameters<Window['removeEventListener']>) {
        if (args[0] === 'message') removed.push(args[1]);
        return removeEventListener.apply(this, args);
      } as Window['removeEventListener'];
      try {
        const api = new FakeVsCodeApi();
        const client = new TelemetryClient({ api: { postMessage: (m) => api.postMessage(m), getState: () => undefined, setState: (v) => v } });
        expect(added).to.have.length(1);
        client.dispose();
        expect(removed).to.deep.equal(added);
      } finally {
        window.addEventListener = addEventListener;
        window.removeEventListener = removeEventListener;
      }
    });

    it('clears timers, ignores later messages and stops notifying', () => {
      const context = ready({ enabled: true });
      const { client, host, scheduler } = context;
      client.setEnabled(false);
      const views = context.views.length;
      client.dispose();
      expect(scheduler.pending).to.equal(0);
      expect(client.pendingRequests).to.equal(0);
      host.push({ enabled: false });
      deliverFromHost('garbage');
      expect(client.ignoredMessages).to.equal(0);
      expect(context.views).to.have.length(views);
      expect(client.view.host?.enabled).to.equal(true);
      const posted = host.api.posted.length;
      client.setEnabled(true);
      client.retry();
      expect(host.api.posted).to.have.length(posted);
    });
  });

  describe('a whole session', () => {
    it('ends quiet: no pending request, no timer, shown == host', () => {
      const context = ready({ enabled: true });
      const { client, host, scheduler } = context;
      client.setEnabled(false);
      host.reply();
      host.failNextSave('write-failed');
      client.setEnabled(true);
      host.replyAll();
      client.retry();
      client.setEnabled(false);
      client.setEnabled(true);
      host.push({ editorTelemetryEnabled: false });
      host.replyAll();
      scheduler.advance(SEND_WINDOW); // the last intent waited for a slot: it goes now
      host.replyAll();
      host.silent = true;
      client.setEnabled(false);
      scheduler.advance(TIMEOUT);
      host.silent = false;
      host.held.length = 0;
      scheduler.advance(TIMEOUT);
      expect(client.view.phase).to.equal('unreachable');
      client.retry();
      host.replyAll();
      expect(client.view.phase).to.equal('ready');
      expectQuiet(context);
    });
  });

  describe('the account switch (extension)', () => {
    const offered = { enabled: true, accountLinked: false, account: { loginName: 'ada', email: 'ada@example.com' } };

    it('is null and refuses sets when the host does not offer it', () => {
      const { client, api } = ready({ enabled: true });
      expect(client.view.accountLinked).to.equal(null);
      const posted = api.posted.length;
      client.setAccountLinked(true);
      expect(api.posted).to.have.length(posted);
      expect(client.view.accountSaving).to.equal(false);
    });

    it('shows the intent at once, sends exactly accountLinked, and settles on the reply', () => {
      const context = ready(offered);
      const { client, api, host } = context;
      expect(client.view.accountLinked).to.equal(false);
      client.setAccountLinked(true);
      expect(client.view).to.include({ accountLinked: true, accountSaving: true, saving: false, enabled: true });
      const set = sets(api).at(-1)!;
      expect(set).to.deep.equal({ type: 'telemetry/set', id: set.id, accountLinked: true });
      host.replyAll();
      expect(client.view).to.include({ accountLinked: true, accountSaving: false });
      expect(host.state.accountLinked).to.equal(true);
      expectQuiet(context);
    });

    it('a pending main set and a pending account set do not supersede each other', () => {
      const context = ready(offered);
      const { client, host } = context;
      client.setEnabled(false);
      client.setAccountLinked(true);
      expect(client.pendingRequests).to.equal(2);
      expect(client.view).to.include({ enabled: false, saving: true, accountLinked: true, accountSaving: true });
      host.reply(); // the main set
      expect(client.view).to.include({ enabled: false, saving: false, accountLinked: true, accountSaving: true });
      host.replyAll();
      expect(client.view).to.include({ enabled: false, accountLinked: true, accountSaving: false });
      expectQuiet(context);
    });

    it('the last intent wins among account sets', () => {
      const context = ready(offered);
      const { client, host, api } = context;
      for (const value of [true, false, true]) client.setAccountLinked(value);
      expect(client.pendingRequests).to.equal(1);
      host.reply(); // the first set, superseded: the switch keeps the latest intent
      expect(client.view).to.include({ accountLinked: true, accountSaving: true });
      host.replyAll();
      expect(sets(api).map((m) => m.accountLinked)).to.deep.equal([true, false, true]);
      expect(client.view).to.include({ accountLinked: true, accountSaving: false });
      expectQuiet(context);
    });

    it('rolls back on an error, reports the field, and Retry asks for the account again', () => {
      const context = ready(offered);
      const { client, host, api } = context;
      host.failNextSave('write-failed', 'Disk full');
      client.setAccountLinked(true);
      host.reply();
      expect(client.view).to.include({ accountLinked: false, accountSaving: false });
      expect(client.view.problem).to.deep.equal({
        kind: 'save-failed',
        code: 'write-failed',
        message: 'Disk full',
        wanted: true,
        field: 'accountLinked',
      });
      host.replyAll(); // the get that re-reads the truth
      client.retry();
      expect(sets(api).at(-1)).to.include({ accountLinked: true });
      expect(sets(api).at(-1)!.enabled).to.equal(undefined);
      host.replyAll();
      expect(client.view.problem).to.equal(null);
      expect(client.view.accountLinked).to.equal(true);
      expectQuiet(context);
    });

    it('rolls back on silence', () => {
      const { client, scheduler } = ready(offered);
      client.setAccountLinked(true);
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ accountLinked: false, accountSaving: false });
      expect(client.view.problem).to.include({ kind: 'save-failed', code: 'timeout', field: 'accountLinked' });
    });

    it('a failed account save does not clear a main save in flight, nor the reverse', () => {
      const { client, host } = ready(offered);
      host.failNextSave('write-failed');
      client.setAccountLinked(true);
      host.reply();
      client.setEnabled(false);
      expect(client.view.problem).to.include({ field: 'accountLinked' });
      host.replyAll();
      expect(client.view.enabled).to.equal(false);
    });

    it('a policy locks it too', () => {
      const { client, host, api } = ready({ ...offered, managedBy: 'policy' });
      const posted = api.posted.length;
      client.setAccountLinked(true);
      expect(api.posted).to.have.length(posted);
      host.push({ managedBy: null });
      client.setAccountLinked(true);
      host.push({ managedBy: 'policy' });
      // The pending set is dropped: the host refuses it anyway, and the switch shows the host's value.
      expect(client.view).to.include({ accountLinked: false, accountSaving: false });
    });
  });

  describe('events (extension)', () => {
    const event = (name: string) => ({ time: '2026-01-02T03:04:05.000Z', category: 'tokens' as const, name, data: { count: 3 } });

    it('asks with the category and resolves with the reply\'s events, which stay out of the view', async () => {
      const { client, host, api } = ready({ enabled: true, offers: ['events'] });
      host.eventSource = (category) => (category === 'tokens' ? [event('a'), event('b')] : []);
      const viewBefore = client.view;
      const promise = client.requestEvents('tokens');
      const request = api.last!;
      expect(request).to.deep.equal({ type: 'telemetry/events', id: request.id, category: 'tokens' });
      host.replyAll();
      expect((await promise).map((e) => e.name)).to.deep.equal(['a', 'b']);
      expect(client.view).to.equal(viewBefore);
      expect(client.pendingRequests).to.equal(0);
    });

    it('rejects with the host\'s code and words on an error reply', async () => {
      const { client, host } = ready({ enabled: true, offers: ['events'] });
      host.failNextEvents('read-failed', 'The log is gone');
      const promise = client.requestEvents('system');
      host.replyAll();
      const error = await promise.then(() => null, (e: unknown) => e);
      expect(error).to.include({ code: 'read-failed', message: 'The log is gone' });
      expect(client.view.problem).to.equal(null);
    });

    it('rejects with timeout when the host is silent', async () => {
      const { client, scheduler } = ready({ enabled: true, offers: ['events'] });
      const promise = client.requestEvents('system');
      scheduler.advance(TIMEOUT);
      const error = await promise.then(() => null, (e: unknown) => e);
      expect(error).to.include({ code: 'timeout' });
      expect(client.view.phase).to.equal('ready');
    });

    it('rejects at once when the host does not offer events', async () => {
      const { client, api } = ready({ enabled: true });
      const posted = api.posted.length;
      const error = await client.requestEvents('system').then(() => null, (e: unknown) => e);
      expect(error).to.include({ code: 'not-offered' });
      expect(api.posted).to.have.length(posted);
    });

    it('ignores a malformed reply, and a well-formed one that answers nothing of ours', async () => {
      const { client, host, api, scheduler } = ready({ enabled: true, offers: ['events'] });
      let settled = false;
      const promise = client.requestEvents('tokens').finally(() => (settled = true));
      const id = api.last!.id;
      const ignored = client.ignoredMessages;
      deliverFromHost({ type: 'telemetry/events', protocol: 1, inReplyTo: id, events: [{ ...event('x'), data: { html: {} } }] });
      deliverFromHost({ type: 'telemetry/events', protocol: 1, inReplyTo: id, events: 'nope' });
      deliverFromHost({ type: 'telemetry/events', protocol: 1, inReplyTo: 'someone-else-1', events: [] });
      deliverFromHost({ type: 'telemetry/events', protocol: 1, inReplyTo: host.received[0].type === 'telemetry/hello' ? (host.received[0] as RequestMessage).id : '', events: [] });
      await Promise.resolve();
      expect(settled).to.equal(false);
      expect(client.ignoredMessages).to.equal(ignored + 4);
      deliverFromHost({ type: 'telemetry/events', protocol: 1, inReplyTo: id, events: [event('real')] });
      expect((await promise).map((e) => e.name)).to.deep.equal(['real']);
      expect(scheduler.pending).to.equal(0);
    });

    it('refuses a reply whose events are not all of the category asked for, or not oldest first', async () => {
      const { client, host } = ready({ enabled: true, offers: ['events'] });
      const event = (category: 'tokens' | 'account', time: string) => ({ time, category, name: 'x/y', data: {} });
      host.eventSource = () => [event('tokens', '2026-01-01T00:00:00Z'), event('account', '2026-01-01T00:00:01Z')];
      const mixed = client.requestEvents('tokens');
      host.reply();
      const error = await mixed.catch((caught: unknown) => caught);
      expect(error).to.include({ code: 'bad-reply' });
      host.eventSource = () => [event('tokens', '2026-01-01T00:00:02Z'), event('tokens', '2026-01-01T00:00:01Z')];
      const unordered = client.requestEvents('tokens');
      host.reply();
      expect(await unordered.catch((caught: unknown) => caught)).to.include({ code: 'bad-reply' });
      host.eventSource = () => [event('tokens', '2026-01-01T00:00:01Z'), event('tokens', '2026-01-01T00:00:01Z')];
      const good = client.requestEvents('tokens');
      host.reply();
      expect(await good).to.have.length(2);
    });

    it('tells its listeners when the host says a category changed, only while the host offers events', () => {
      const { client, host } = ready({ enabled: true, offers: ['events'] });
      const heard: string[] = [];
      client.onEventsChanged((category) => heard.push(category));
      deliverFromHost({ type: 'telemetry/events-changed', protocol: 1, category: 'tokens' });
      deliverFromHost({ type: 'telemetry/events-changed', protocol: 1, category: 'nothing' });
      host.push({ offers: [] });
      deliverFromHost({ type: 'telemetry/events-changed', protocol: 1, category: 'account' });
      expect(heard).to.deep.equal(['tokens']);
      expect(host.api.posted.filter((m) => (m as { type: string }).type === 'telemetry/events'), 'the client asks nothing by itself').to.have.length(0);
    });

    it('an events reply addressed to a pending set is ignored: the set stays awaited', () => {
      const { client, host, api } = ready({ enabled: true, offers: ['events'] });
      client.setEnabled(false);
      const set = api.last!;
      const ignored = client.ignoredMessages;
      deliverFromHost({ type: 'telemetry/events', protocol: 1, inReplyTo: set.id, events: [] });
      expect(client.ignoredMessages).to.equal(ignored + 1);
      expect(client.pendingRequests).to.equal(1);
      expect(client.view.saving).to.equal(true);
      host.replyAll();
      expect(client.view).to.include({ saving: false, enabled: false });
    });

    it('without the events reader (its chunk not in), asks for nothing and hears no events message', async () => {
      const host = new FakeHost({ manual: true, enabled: true, offers: ['events'] });
      const client = new TelemetryClient({ api: host.api, scheduler: new ManualClock(), timeout: TIMEOUT });
      live.push({ host, api: host.api, scheduler: new ManualClock(), client, views: [] });
      host.replyAll();
      const heard: string[] = [];
      client.onEventsChanged((category) => heard.push(category));
      const posted = host.api.posted.length;
      const error = await client.requestEvents('tokens').then(() => null, (e: unknown) => e);
      expect(error).to.include({ code: 'not-offered' });
      expect(host.api.posted).to.have.length(posted);
      const ignored = client.ignoredMessages;
      deliverFromHost({ type: 'telemetry/events-changed', protocol: 1, category: 'tokens' });
      expect(heard).to.deep.equal([]);
      expect(client.ignoredMessages).to.equal(ignored + 1);
    });

    it('pages: the newest page says older ones exist and how to ask; with `before`, the next older page', async () => {
      const { client, host, api } = ready({ enabled: true, offers: ['events'] });
      host.pagedEvents = true;
      const many = Array.from({ length: 2500 }, (_, i) => ({ ...event(`e${i}`), time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() }));
      host.eventSource = () => many;
      const newest = client.requestEventsPage('tokens');
      host.reply();
      const first = await newest;
      expect(first.events.map((e) => e.name)).to.deep.equal(many.slice(1500).map((e) => e.name));
      expect(first.more).to.equal(true);
      expect(first.before).to.be.a('string');
      const older = client.requestEventsPage('tokens', { before: first.before!, limit: 600 });
      expect(api.last).to.deep.equal({ type: 'telemetry/events', id: api.last!.id, category: 'tokens', before: first.before, limit: 600 });
      host.reply();
      const second = await older;
      expect(second.events.map((e) => e.name)).to.deep.equal(many.slice(900, 1500).map((e) => e.name));
      const oldest = client.requestEventsPage('tokens', { before: second.before! });
      host.reply();
      const third = await oldest;
      expect(third.events.map((e) => e.name)).to.deep.equal(many.slice(0, 900).map((e) => e.name));
      expect(third).to.include({ more: false });
      expect(third).not.to.have.property('before');
    });

    it('a page of older events does not take the place of a newest page waiting beside it', async () => {
      const { client, host, api, scheduler } = ready({ enabled: true, offers: ['events'] });
      // Fill the sending window, so the next two wait for a slot together.
      for (let i = 0; i < SEND_LIMIT; i++) void client.requestEventsPage('system').catch(() => undefined);
      const newest = client.requestEventsPage('tokens');
      const older = client.requestEventsPage('tokens', { before: '1767225600000:1' });
      host.replyAll();
      scheduler.advance(SEND_WINDOW);
      expect(api.sent('telemetry/events').filter((m) => m.category === 'tokens'), 'both were sent').to.have.length(2);
      host.replyAll();
      const results = await Promise.allSettled([newest, older]);
      expect(results.map((result) => result.status)).to.deep.equal(['fulfilled', 'fulfilled']);
    });

    it('rejects what is outstanding when disposed', async () => {
      const { client } = ready({ enabled: true, offers: ['events'] });
      const promise = client.requestEvents('tokens');
      client.dispose();
      const error = await promise.then(() => null, (e: unknown) => e);
      expect(error).to.include({ code: 'cancelled' });
    });
  });

  describe('export (extension)', () => {
    it('asks once and resolves with where the host wrote the file and how many events it holds', async () => {
      const { client, host, api } = ready({ enabled: true, offers: ['events', 'export'] });
      host.exportAnswer = { file: '/home/me/sent.json', count: 40 };
      const viewBefore = client.view;
      const promise = client.exportEvents();
      expect(api.last).to.deep.equal({ type: 'telemetry/export', id: api.last!.id });
      host.replyAll();
      expect(await promise).to.deep.equal({ file: '/home/me/sent.json', count: 40 });
      expect(client.view).to.equal(viewBefore);
      expect(client.pendingRequests).to.equal(0);
    });

    it("rejects with the host's code and words: no file chosen, a write that failed", async () => {
      const { client, host } = ready({ enabled: true, offers: ['events', 'export'] });
      host.exportAnswer = { code: 'export-cancelled', message: 'Nothing was exported: no file was chosen.' };
      const cancelled = client.exportEvents();
      host.replyAll();
      expect(await cancelled.catch((e: unknown) => e)).to.include({ code: 'export-cancelled' });
      host.exportAnswer = { code: 'export-failed', message: 'Could not write /ro/sent.json: EACCES' };
      const failed = client.exportEvents();
      host.replyAll();
      expect(await failed.catch((e: unknown) => e)).to.include({ code: 'export-failed', message: 'Could not write /ro/sent.json: EACCES' });
      expect(client.view.problem).to.equal(null);
    });

    it('waits for the person choosing a file past the usual time limit, up to EXPORT_TIMEOUT', async () => {
      const { client, host, scheduler } = ready({ enabled: true, offers: ['events', 'export'] });
      let outcome: unknown;
      void client.exportEvents().then((value) => (outcome = value), (error: unknown) => (outcome = error));
      scheduler.advance(TIMEOUT * 10);
      await Promise.resolve();
      expect(outcome, 'still waiting after ten of the usual time limits').to.equal(undefined);
      scheduler.advance(EXPORT_TIMEOUT);
      await Promise.resolve();
      await Promise.resolve();
      expect(outcome).to.include({ code: 'timeout' });
      expect(host.held.length).to.equal(1);
    });

    it('rejects at once when the host does not offer export, or without the reader of its answer', async () => {
      const { client, api } = ready({ enabled: true, offers: ['events'] });
      const posted = api.posted.length;
      expect(await client.exportEvents().catch((e: unknown) => e)).to.include({ code: 'not-offered' });
      expect(api.posted).to.have.length(posted);
      const host = new FakeHost({ manual: true, enabled: true, offers: ['events', 'export'] });
      const bare = new TelemetryClient({ api: host.api, scheduler: new ManualClock(), timeout: TIMEOUT });
      live.push({ host, api: host.api, scheduler: new ManualClock(), client: bare, views: [] });
      host.replyAll();
      expect(await bare.exportEvents().catch((e: unknown) => e)).to.include({ code: 'not-offered' });
    });

    it('an export answer for no request of ours, or a malformed one, is ignored', async () => {
      const { client, host, api } = ready({ enabled: true, offers: ['events', 'export'] });
      let settled = false;
      const promise = client.exportEvents().finally(() => (settled = true));
      const id = api.last!.id;
      const ignored = client.ignoredMessages;
      deliverFromHost({ type: 'telemetry/exported', protocol: 1, inReplyTo: 'someone-else-1', file: '/x.json', count: 1 });
      deliverFromHost({ type: 'telemetry/exported', protocol: 1, inReplyTo: id, file: '/x.json', count: -1 });
      deliverFromHost({ type: 'telemetry/exported', protocol: 1, inReplyTo: id, file: { toString: 'x' }, count: 1 });
      await Promise.resolve();
      expect(settled).to.equal(false);
      expect(client.ignoredMessages).to.equal(ignored + 3);
      host.exportAnswer = { file: '/real.json', count: 2 };
      host.replyAll();
      expect(await promise).to.deep.equal({ file: '/real.json', count: 2 });
    });
  });

  describe('a restarted host that names its instance', () => {
    it("a new instance's push starts a new count of rev and is shown; one hello asks which instance is live", () => {
      const context = ready({ enabled: true, rev: 7, instance: 'a' });
      const { client, host, api } = context;
      host.restart({ instance: 'b' }); // rev 1 again
      host.push({ enabled: false }); // b's rev 2, below a's 7
      expect(client.view).to.include({ enabled: false, certainty: 'confirmed' });
      expect(client.view.host?.enabled).to.equal(false);
      expect(api.sent('telemetry/hello'), 'a check: the instance that answers a hello is the live one').to.have.length(2);
      host.push({ enabled: true }); // b's rev 3: in order in the new count
      expect(client.view.enabled).to.equal(true);
      expect(api.sent('telemetry/hello'), 'the check on its way will tell').to.have.length(2);
      host.replyAll();
      expectQuiet(context);
    });

    it("the reply to the user's set from a new instance settles it with the new host's state", () => {
      const context = ready({ enabled: true, rev: 7, instance: 'a' });
      const { client, host } = context;
      host.restart({ instance: 'b' });
      host.state.enabled = false; // changed while the extension host was down; b holds it at rev 1
      client.setEnabled(false);
      host.reply(); // b: nothing to write, rev 1
      expect(client.view).to.include({ enabled: false, saving: false, certainty: 'confirmed', problem: null });
      expect(client.view.host?.enabled).to.equal(false);
      host.replyAll(); // the check, answered by b
      expectQuiet(context);
    });

    it('an instance replaced by the answer to a hello is not news any more: its late word is a reason to check', () => {
      const context = ready({ enabled: true, rev: 7, instance: 'a' });
      const { client, host, api } = context;
      host.change({ enabled: false });
      const late = host.stateMessage(); // a's rev 8, still on its way when a dies
      host.restart({ instance: 'b' });
      host.push({ enabled: true }); // b's rev 2
      host.replyAll(); // b answers the check: b is live, a retired
      expect(client.view.enabled).to.equal(true);
      const hellos = api.sent('telemetry/hello').length;
      host.deliver(late);
      expect(client.view.enabled, 'a was replaced: its word is not shown, whatever its rev').to.equal(true);
      expect(api.sent('telemetry/hello'), 'but it is a reason to ask').to.have.length(hellos + 1);
      host.replyAll(); // b answers
      expect(client.view.enabled).to.equal(true);
      expectQuiet(context);
    });

    it('a retired instance that answers a hello is the live one again', () => {
      const context = ready({ enabled: true, rev: 5, instance: 'a' });
      const { client, host } = context;
      const late = host.stateMessage();
      host.restart({ instance: 'b' });
      host.push({ enabled: false });
      host.replyAll(); // b is live
      host.restart({ instance: 'a' }); // a is back (an adapter the page hears again)
      host.rev = 9;
      host.deliver(late); // a's word: a reason to check
      expect(client.view.enabled).to.equal(false);
      host.replyAll(); // a answers the check
      expect(client.view).to.include({ enabled: false, certainty: 'confirmed' });
      host.push({ enabled: true }); // a's next word is news
      expect(client.view.enabled).to.equal(true);
      expectQuiet(context);
    });

    it("a stray instance's state retires nothing: the live adapter's later words and the user's sets go through", () => {
      const context = ready({ enabled: false, rev: 3, instance: 'a' });
      const { client, host, api } = context;
      const stray = { ...host.stateMessage(), instance: 'b' }; // same rev, same state, another instance
      deliverFromHost(stray);
      host.replyAll(); // a answers the check: a is live
      host.push({ enabled: true }); // settings.json turns it on
      expect(client.view).to.include({ enabled: true, certainty: 'confirmed' });
      client.setEnabled(false);
      host.replyAll();
      expect(client.view).to.include({ enabled: false, saving: false, certainty: 'confirmed', problem: null });
      expect(api.posted.length, 'a handful of messages').to.be.at.most(4);
      expectQuiet(context);
    });

    it("an error from a new instance leaves the host's value last known until its state comes", () => {
      const context = ready({ enabled: true, instance: 'a' });
      const { client, host } = context;
      host.restart({ instance: 'b' });
      host.failNextSave('write-failed', 'Disk full');
      client.setEnabled(false);
      host.reply(); // b's error: b has not told its state yet
      expect(client.view).to.include({ enabled: true, certainty: 'last-known' });
      expect(client.view.problem).to.include({ kind: 'save-failed', code: 'write-failed' });
      host.reply(); // the get: b's state
      expect(client.view).to.include({ enabled: true, certainty: 'confirmed' });
      expect(client.view.problem?.code, 'the failure stays true').to.equal('write-failed');
      host.replyAll(); // the check b's state called for
      expectQuiet(context);
    });
  });

  describe('a restarted host without an instance id', () => {
    it('a push that looks stale makes the client check with a hello, whose answer starts a new count', () => {
      const context = ready({ enabled: true, rev: 7 });
      const { client, host, api } = context;
      host.restart();
      host.push({ enabled: false }); // rev 2: looks older than 7
      expect(client.view.enabled, 'not placed yet: the shown state stands').to.equal(true);
      expect(api.last).to.deep.include({ type: 'telemetry/hello' });
      host.reply(); // rev 2, below what was shown: a new count, and a get to be sure
      expect(client.view.enabled).to.equal(false);
      expect(api.last!.type).to.equal('telemetry/get');
      host.replyAll();
      host.push({ enabled: true }); // rev 3 in the new count: in order
      expect(client.view.enabled).to.equal(true);
      expectQuiet(context);
    });

    it("a stale-looking reply to the user's set keeps it saving until the check answers, then shows the host's", () => {
      const context = ready({ enabled: true, rev: 7 });
      const { client, host, api } = context;
      host.restart();
      client.setEnabled(false);
      host.reply(); // the host writes it: rev 2, below 7
      expect(client.view, 'not settled by a reply it cannot place').to.include({ enabled: false, saving: true });
      expect(client.view.host?.enabled).to.equal(true);
      expect(api.last!.type).to.equal('telemetry/hello');
      host.change({ enabled: true }); // and then settings.json turns it back on (rev 3), unannounced
      host.reply(); // the check
      expect(client.view).to.include({ enabled: true, saving: false, certainty: 'confirmed' });
      expect(client.view.host?.enabled, "what is shown is the host's").to.equal(true);
      host.replyAll();
      expectQuiet(context);
    });

    it("the check of the user's set goes unanswered: the value is unknown", () => {
      const context = ready({ enabled: true, rev: 7 });
      const { client, host, scheduler } = context;
      host.restart();
      client.setEnabled(false);
      host.reply(); // rev 2: held, a check goes out...
      host.held.length = 0; // ...and is lost
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ phase: 'unreachable', certainty: 'unknown', saving: false, enabled: true });
      expect(client.view.problem).to.deep.equal({ kind: 'unreachable', code: 'timeout', message: '' });
      host.reply(); // the automatic hello
      expect(client.view).to.include({ phase: 'ready', certainty: 'confirmed', enabled: false });
      host.replyAll();
      expectQuiet(context);
    });

    it('checks back off while the host keeps seeming to restart, one at a time; its states in order start a new row', () => {
      const { client, host, api, scheduler } = ready({ enabled: true, rev: 100 });
      const hellos = () => api.sent('telemetry/hello').length;
      const state = (rev: number, inReplyTo?: string): StateMessage => ({
        type: 'telemetry/state',
        protocol: 1,
        rev,
        ...(inReplyTo === undefined ? {} : { inReplyTo }),
        state: { enabled: true },
      });
      /** Answers every read with `rev`, lower each time: the host seems to have restarted again. */
      const answerReads = (rev: number) => {
        while (host.held.length) deliverFromHost(state(rev, host.held.shift()!.id));
      };
      deliverFromHost(state(95));
      expect(hellos(), 'the first check at once').to.equal(2);
      answerReads(80);
      deliverFromHost(state(70));
      scheduler.advance(TIMEOUT - 1);
      expect(hellos(), 'the second waits the timeout').to.equal(2);
      scheduler.advance(1);
      expect(hellos()).to.equal(3);
      answerReads(60);
      deliverFromHost(state(50));
      scheduler.advance(2 * TIMEOUT - 1);
      expect(hellos(), 'the third waits twice that').to.equal(3);
      scheduler.advance(1);
      expect(hellos()).to.equal(4);
      answerReads(40);
      deliverFromHost(state(30));
      scheduler.advance(4 * TIMEOUT - 1);
      expect(hellos(), `after ${STALE_CHECKS} in a row, each waits the longest wait`).to.equal(1 + STALE_CHECKS);
      scheduler.advance(1);
      expect(hellos()).to.equal(2 + STALE_CHECKS);
      answerReads(20);
      deliverFromHost(state(21)); // the host's own state, in order
      deliverFromHost(state(15));
      expect(hellos(), 'a new row starts at once').to.equal(3 + STALE_CHECKS);
      answerReads(21);
      expect(client.pendingRequests).to.equal(0);
      expect(scheduler.pending).to.equal(0);
    });
  });

  describe('after silence', () => {
    it("a timed-out save leaves the host's value last known, and the re-read confirms it", () => {
      const context = ready({ enabled: true });
      const { client, host, scheduler } = context;
      client.setEnabled(false);
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ enabled: true, certainty: 'last-known' });
      host.held.splice(0, 1); // the set never arrived
      host.reply(); // the get
      expect(client.view).to.include({ enabled: true, certainty: 'confirmed' });
      expect(client.view.problem).to.include({ kind: 'save-failed', code: 'timeout' });
      expectQuiet(context);
    });

    it('the re-read after a timed-out save times out too: the value is unknown', () => {
      const { client, host, scheduler } = ready({ enabled: true });
      host.silent = true;
      client.setEnabled(false);
      scheduler.advance(TIMEOUT);
      expect(client.view.certainty).to.equal('last-known');
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ phase: 'unreachable', certainty: 'unknown', enabled: true });
    });

    it('the re-read after a timed-out save is refused: the value is unknown', () => {
      const { client, host, scheduler } = ready({ enabled: true });
      client.setEnabled(false);
      scheduler.advance(TIMEOUT);
      host.held.splice(0, 1);
      const get = host.held.shift()!;
      deliverFromHost({ type: 'telemetry/error', protocol: 1, inReplyTo: get.id, code: 'read-failed', message: 'No settings' });
      expect(client.view).to.include({ phase: 'unreachable', certainty: 'unknown' });
      expect(client.view.problem).to.deep.equal({ kind: 'unreachable', code: 'read-failed', message: 'No settings' });
    });

    it('silence on a read alone, with no save in doubt, leaves the value last known', () => {
      const { client, host, scheduler } = ready({ enabled: false });
      host.silent = true;
      client.retry();
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ phase: 'unreachable', certainty: 'last-known', enabled: false });
    });

    it("a read lost after the host's current state came is a lost message, not silence", () => {
      const context = ready({ enabled: true });
      const { client, host, api, scheduler } = context;
      client.retry(); // a hello goes out...
      host.held.length = 0; // ...and is lost
      host.push({ enabled: false }); // but the host's current state came after it
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ phase: 'ready', enabled: false, certainty: 'confirmed', problem: null });
      expect(api.sent('telemetry/hello'), 'no automatic hello').to.have.length(2);
      expectQuiet(context);
    });

    it('a timed-out account save leaves its value last known; a failed re-read makes it unknown', () => {
      const { client, host, scheduler } = ready({ enabled: true, accountLinked: false, account: { loginName: 'ada', email: 'a@example.com' } });
      host.silent = true;
      client.setAccountLinked(true);
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ accountLinked: false, accountSaving: false, certainty: 'last-known' });
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ phase: 'unreachable', certainty: 'unknown' });
    });
  });

  describe('sending is bounded', () => {
    /** The most messages posted in any SEND_WINDOW ms, by the times the scheduler read when each went out. */
    const busiestWindow = (times: number[]) =>
      Math.max(0, ...times.map((start) => times.filter((time) => time >= start && time < start + SEND_WINDOW).length));
    const postTimes = ({ api, scheduler }: Setup) => {
      const times: number[] = [];
      const onPost = api.onPost;
      api.onPost = (message) => {
        times.push(scheduler.now());
        onPost?.(message);
      };
      return times;
    };

    it(`a flood of words the client cannot place, with clicks, sends at most ${SEND_LIMIT} messages a second`, () => {
      const context = ready({ enabled: true, rev: 50, instance: 'a' });
      const { client, host, scheduler } = context;
      const times = postTimes(context);
      const stray = (rev: number): StateMessage => ({ type: 'telemetry/state', protocol: 1, instance: 'b', rev, state: { enabled: true } });
      for (let tick = 0; tick < 30; tick++) {
        for (let i = 0; i < 20; i++) deliverFromHost(stray(50 - i)); // a stray instance, then its older words
        if (tick % 3 === 0) client.setEnabled(!client.view.enabled);
        // The live adapter answers everything at once, however often it is asked.
        for (let round = 0; round < 100 && host.held.length; round++) host.replyAll();
        scheduler.advance(100);
      }
      expect(times.length, 'the flood is checked, not ignored').to.be.greaterThan(0);
      expect(busiestWindow(times)).to.be.at.most(SEND_LIMIT);
      scheduler.advance(20 * TIMEOUT);
      host.replyAll();
      expect(client.view).to.include({ saving: false, phase: 'ready', certainty: 'confirmed' });
      expect(client.view.enabled).to.equal(host.state.enabled);
    });

    it('clicks faster than the bound: the first go at once, the last intent when a slot frees, the ones between never', () => {
      const context = ready({ enabled: true });
      const { client, host, api, scheduler } = context;
      const times = postTimes(context);
      for (let i = 0; i < 20; i++) client.setEnabled(i % 2 === 0 ? false : true);
      client.setEnabled(false);
      expect(sets(api).map((m) => m.enabled), 'three slots left after the hello').to.deep.equal([false, true, false]);
      expect(client.view).to.include({ enabled: false, saving: true });
      scheduler.advance(SEND_WINDOW);
      expect(sets(api).map((m) => m.enabled)).to.deep.equal([false, true, false, false]);
      host.replyAll();
      expect(busiestWindow(times)).to.be.at.most(SEND_LIMIT);
      expect(client.view).to.include({ enabled: false, saving: false });
      expectQuiet(context);
    });

    it('a held save whose check goes unanswered gives up to an alert with Retry, never saving for ever', () => {
      const context = ready({ enabled: true, rev: 5, instance: 'a' });
      const { client, host, scheduler } = context;
      deliverFromHost({ ...host.stateMessage(), instance: 'b', rev: 9 }); // a stray word
      host.replyAll(); // a answers the check: b is retired
      client.setEnabled(false);
      const [set] = host.held.splice(0);
      deliverFromHost({ ...host.answer(set!), instance: 'b' }); // the set's reply comes as the retired instance's word
      expect(client.view, 'held until a check tells').to.include({ enabled: false, saving: true });
      host.silent = true;
      host.held.length = 0;
      scheduler.advance(TIMEOUT);
      expect(client.view).to.include({ saving: false, phase: 'unreachable', certainty: 'unknown' });
      expect(client.view.problem).to.include({ kind: 'unreachable', code: 'timeout' });
      scheduler.advance(20 * TIMEOUT);
      expect(client.view.saving).to.equal(false);
    });
  });

  describe('links (extension)', () => {
    it('posts an open only for targets the host offers', () => {
      const { client, host } = ready({ enabled: true, offers: ['privacy-statement'] });
      client.open('how-telemetry-works');
      client.open('privacy-statement');
      expect(host.opened).to.deep.equal(['privacy-statement']);
      expect(host.api.posted.at(-1)).to.deep.equal({ type: 'telemetry/open', target: 'privacy-statement' });
      expect(client.pendingRequests).to.equal(0);
    });
  });
});
