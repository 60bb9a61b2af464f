import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { TelemetryClient } from '../../src/webview/telemetry-client.js';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { ManualClock, provideClock } from '../../dev/harness/manual-clock.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { seededRandom } from '../support/seeded-random.js';
import { FakeHost, deliverFromHost } from '../support/fake-host.js';

const TIMEOUT = 1000;
const hosts: FakeHost[] = [];

/** A panel on `host`, answered; with a `scheduler`, the panel runs on it (the host should too). */
async function readyPanel(host: FakeHost, scheduler?: ManualClock): Promise<CsTelemetrySettings> {
  hosts.push(host);
  const template = html`<cs-telemetry-settings .vscodeApi=${host.api} .timeout=${TIMEOUT}></cs-telemetry-settings>`;
  const el = scheduler
    ? (await fixture<HTMLDivElement>(html`<div ${provideClock(scheduler)}>${template}</div>`)).querySelector('cs-telemetry-settings')!
    : await fixture<CsTelemetrySettings>(template);
  if (scheduler) scheduler.advance(host.delay); // the host answers the hello after its (virtual) delay
  else await host.idle();
  await rendered(el);
  expect(el.view.phase).to.equal('ready');
  return el;
}

const harness = (el: CsTelemetrySettings) => new PanelHarness(el);
const badge = (el: CsTelemetrySettings) => harness(el).badge;
const switchEl = (el: CsTelemetrySettings) => harness(el).switch.element;
const control = (el: CsTelemetrySettings) => harness(el).switch.control;
const alertText = (el: CsTelemetrySettings) => harness(el).alertText;

async function rendered(el: CsTelemetrySettings): Promise<void> {
  await harness(el).updated();
}

afterEach(() => {
  fixtureCleanup();
  for (const host of hosts.splice(0)) host.dispose();
});

describe('timeout: with no reply, the host\'s real state within the timeout plus 100 ms', () => {
  // Virtual time: the panel (given the clock by its parent) and the fake host both run on one manual clock.
  it('a host that never answers: its state, an alert, no saving badge', async () => {
    const scheduler = new ManualClock();
    const host = new FakeHost({ enabled: true, scheduler });
    const el = await readyPanel(host, scheduler);
    host.silent = true;
    control(el).click();
    await rendered(el);
    expect(badge(el).getAttribute('status')).to.equal('saving');
    scheduler.advance(TIMEOUT + 100);
    await rendered(el);
    expect(badge(el).getAttribute('status')).to.equal('on');
    expect(control(el).getAttribute('aria-checked')).to.equal('true');
    // The save may have landed: the words name only the value the host last confirmed, as such.
    expect(alertText(el)).to.equal('Code Studio did not answer. It was last on.');
  });

  it('a host that saved but whose reply was lost: the saved state, read again, and no alert', async () => {
    const scheduler = new ManualClock();
    const host = new FakeHost({ enabled: true, delay: 50, scheduler });
    const el = await readyPanel(host, scheduler);
    host.manual = true;
    control(el).click();
    host.answer(host.held.shift()!); // applied; the reply is lost
    host.manual = false;
    expect(host.state.enabled).to.equal(false);
    scheduler.advance(TIMEOUT + 100); // the get goes out at the timeout and is answered 50 ms later
    await rendered(el);
    expect(badge(el).getAttribute('status')).to.equal('off');
    expect(control(el).getAttribute('aria-checked')).to.equal('false');
    expect(alertText(el), 'the host holds what was asked: nothing failed').to.equal('');
  });
});

class Impostor {
  type = 'telemetry/state';
  protocol = 1;
  rev = 1e9;
  state = { enabled: false };
}

/**
 * 10,000 host messages that are each wrong in at least one way the guards must catch, built from a perfect state or
 * error message by one breaking mutation plus noise: wrong types, missing fields, `__proto__` and `constructor` keys,
 * huge strings, deep nesting, unknown types and objects that are not plain.
 */
function* hostileMessages(count: number, seed: number): Generator<unknown> {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const huge = 'x'.repeat(4097 + Math.floor(next() * 100_000));
  const deep = (depth: number): unknown => {
    let value: unknown = { enabled: false };
    for (let i = 0; i < depth; i++) value = i % 2 ? { state: value } : { account: value, loginName: 'ada' };
    return value;
  };
  const wrong = [null, undefined, 0, -0, NaN, Infinity, -1, 1.5, 2 ** 53, '', '1', 'true', true, false, [], {}, [1], huge, new Date(), /x/, new Map()];
  const noise = (message: Record<string, unknown>) => {
    const roll = next();
    if (roll < 0.15) return JSON.parse(`{"__proto__": ${JSON.stringify({ ...message, polluted: true })}}`);
    if (roll < 0.25) Object.assign(message, JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'));
    else if (roll < 0.3) message.nested = deep(2000);
    else if (roll < 0.35) message[huge.slice(0, 5000)] = huge;
    return message;
  };
  const state = () => ({ enabled: next() < 0.5, editorTelemetryEnabled: true, managedBy: null, account: null, changedAt: null });
  const breakers: (() => unknown)[] = [
    // state messages, one required thing wrong
    () => ({ type: 'telemetry/state', protocol: 1, rev: pick(wrong.filter((v) => !Number.isFinite(v))), state: state() }),
    () => ({ type: 'telemetry/state', protocol: pick(wrong.filter((v) => v !== 1 && !(Number.isSafeInteger(v) && (v as number) > 0))), rev: 1e9, state: state() }),
    () => ({ type: pick(['telemetry/State', 'telemetry/unknown', 'telemetry/set', 'telemetry/hello', 'telemetry/get', '', huge, 7, null]), protocol: 1, rev: 1e9, state: state() }),
    () => ({ type: 'telemetry/state', protocol: 1, rev: 1e9 }),
    () => ({ protocol: 1, rev: 1e9, state: state() }),
    () => ({ type: 'telemetry/state', protocol: 1, rev: 1e9, state: pick([null, 'on', [], deep(3000), new Impostor()]) }),
    () => ({ type: 'telemetry/state', protocol: 1, rev: 1e9, state: { ...state(), enabled: pick(wrong.filter((v) => typeof v !== 'boolean')) } }),
    () => ({ type: 'telemetry/state', protocol: 1, rev: 1e9, state: { ...state(), managedBy: pick(['root', 'Policy', '', huge, 1, {}, []]) } }),
    () => ({ type: 'telemetry/state', protocol: 1, rev: 1e9, state: { ...state(), account: pick([{ loginName: huge, email: 'a@b' }, { loginName: 'ada', email: huge }, { loginName: 1, email: 'a' }, { loginName: 'ada' }, 'ada', [], deep(100)]) } }),
    () => ({ type: 'telemetry/state', protocol: 1, rev: 1e9, state: { ...state(), changedAt: pick(['yesterday', huge, 0, {}, '2026-13-45T99:00:00Z']) } }),
    () => ({ type: 'telemetry/state', protocol: 1, rev: 1e9, state: { ...state(), editorTelemetryEnabled: pick(['false', 0, 1, null]) } }),
    () => ({ type: 'telemetry/state', protocol: 1, rev: 1e9, inReplyTo: pick(['', huge, 5, null, {}, []]), state: state() }),
    // error messages, one required thing wrong
    () => ({ type: 'telemetry/error', protocol: 1, inReplyTo: pick(['', huge, 5, null]), code: 'write-failed', message: 'm' }),
    () => ({ type: 'telemetry/error', protocol: 1, inReplyTo: 'x-1', code: pick(['', huge, 5, null]), message: 'm' }),
    () => ({ type: 'telemetry/error', protocol: 1, inReplyTo: 'x-1', code: 'write-failed', message: pick([huge, 5, null, {}]) }),
    () => ({ type: 'telemetry/error', protocol: pick(['1', 0, -2, 1.5, null]), inReplyTo: 'x-1', code: 'locked', message: '' }),
  ];
  const foreign: (() => unknown)[] = [
    () => pick(wrong),
    () => pick([10n, Symbol('telemetry/state'), () => 'telemetry/state']),
    () => new Impostor(),
    () => Object.create({ type: 'telemetry/state', protocol: 1, rev: 1e9, state: { enabled: false } }),
    () => [{ type: 'telemetry/state', protocol: 1, rev: 1e9, state: { enabled: false } }],
    () => document.createElement('div'),
    () => window,
    () => new (class extends Map {})(),
    () => huge,
    () => deep(5000),
  ];
  for (let i = 0; i < count; i++) {
    if (next() < 0.15) yield pick(foreign)();
    else yield noise(pick(breakers)() as Record<string, unknown>);
  }
}

describe('fuzz: 10,000 hostile host messages', () => {
  it('nothing throws, nothing changes, nothing is sent, and Object.prototype stays clean', async () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const clientHost = new FakeHost({ enabled: true, manual: true });
    hosts.push(clientHost);
    const client = new TelemetryClient({ api: clientHost.api, scheduler: new ManualClock() });
    clientHost.reply();
    const panelHost = new FakeHost({ enabled: true });
    const el = await readyPanel(panelHost);
    panelHost.manual = true;
    const views = [client.view, el.view];
    const saved = [clientHost.api.savedStates.length, panelHost.api.savedStates.length];
    const posted = [clientHost.api.posted.length, panelHost.api.posted.length];
    const observer = new MutationObserver(() => {});
    for (const root of [harness(el).root, harness(el).switch.root, harness(el).badgeRoot]) {
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    window.addEventListener('error', onError);
    const warn = console.warn;
    console.warn = () => {};
    let sent = 0;
    try {
      for (const message of hostileMessages(10_000, 5)) {
        deliverFromHost(message); // a listener's exception is reported as a window error event
        sent++;
      }
      await rendered(el);
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(sent).to.equal(10_000);
    expect(errors, 'exceptions').to.deep.equal([]);
    expect(client.ignoredMessages, 'every message was recognised as malformed').to.equal(10_000);
    expect(client.view).to.equal(views[0]);
    expect(el.view).to.equal(views[1]);
    expect(observer.takeRecords(), 'DOM mutations').to.have.length(0);
    expect([clientHost.api.savedStates.length, panelHost.api.savedStates.length]).to.deep.equal(saved);
    expect([clientHost.api.posted.length, panelHost.api.posted.length], 'sent').to.deep.equal(posted);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    client.dispose();
  });
});

describe('no wasted work', () => {
  it('the same host state applied 1000 times causes zero renders and zero DOM mutations', async () => {
    const host = new FakeHost({ enabled: true, account: { loginName: 'ada', email: 'ada@example.com' } });
    const el = await readyPanel(host);
    host.manual = true;
    const elements = [el, switchEl(el), badge(el), harness(el).dataTypes.element];
    let renders = 0;
    for (const element of elements) {
      const render = element.render;
      // Counted per instance: Lit calls this.render() on each update.
      Object.assign(element, { render: (...args: []) => (renders++, render.apply(element, args)) });
    }
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(el, { attributes: true });
    for (const element of elements) {
      observer.observe(element.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    const same = host.stateMessage();
    for (let i = 0; i < 500; i++) host.deliver(same); // the same message again and again
    for (let i = 0; i < 500; i++) {
      host.rev++; // the same state under a new rev, as a host that pushes on every write would send
      host.deliver(host.stateMessage());
    }
    await rendered(el);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    records.push(...observer.takeRecords());
    expect(renders, 'renders').to.equal(0);
    expect(records, 'DOM mutations').to.have.length(0);
    // The check can fail: a real change is seen.
    host.push({ enabled: false });
    await rendered(el);
    expect(renders).to.be.greaterThan(0);
    expect(records.length + observer.takeRecords().length).to.be.greaterThan(0);
  });
});
