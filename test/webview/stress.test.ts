import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { TelemetryClient, type TelemetryView } from '../../src/webview/telemetry-client.js';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { ManualClock, provideClock } from '../../dev/harness/manual-clock.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';
import { seededRandom } from '../support/seeded-random.js';
import { FakeHost } from '../support/fake-host.js';

// Stress: 100 seeded runs of up to 1000 flips against a host whose every request and reply takes a random 0 to 50 ms,
// 5% of them lost (in both directions), so replies overtake each other and arrive after their request timed out.
// Requests that arrive keep their order, as the webview's channel to the extension host does.
// The host also changes the setting by itself now and then (settings.json, a policy), and pushes it; pushes are late
// and reordered but not lost, since a lost push is news no webview can miss until its next exchange.
// Now and then the host restarts, as an extension host does after a crash or an update: a new adapter on the same
// setting, its count of `rev` starting again at 1; it may announce itself with a push, or find the setting changed.
// Its old channel dies with it: requests on their way to it are lost. In half the runs each adapter names its
// instance, and what the old one had sent still arrives, late and mixed in with the new one's messages; in the other
// half no adapter sends an id, and what the old one had sent arrives before anything of the new one's, as one
// channel closing before the next opens does (without an id, a late state of the old count cannot be told from one
// of the new, so no webview could place it).
// Time is virtual (ManualClock), so a run of 1000 flips takes milliseconds and a failing seed replays exactly.
// After things go quiet, what is shown must be the host's state, and no timer or request may be left.
// Even seeds drive a real <cs-telemetry-settings> by clicking its rendered switch and read its rendered badge;
// odd seeds drive a TelemetryClient directly and check its view after every step.
const RUNS = 100;
const MAX_FLIPS = 1000;
const MAX_DELAY = 50;
const LOSS = 0.05;

/** What one end of the run looks like, compared with the host. */
interface RunEnd {
  seed: number;
  problems: string[];
  restarts: number;
  withIds: boolean;
}

/** The subject under test: a client, or a panel wrapping one. */
interface Subject {
  view(): TelemetryView;
  /** The user flips the switch, if it can be flipped. */
  flip(): void;
  /** The user presses Retry, if it is offered. */
  retry(): void;
  /** Lets the panel render (a microtask turn); nothing for a bare client. */
  settle(): Promise<void>;
  /** Where what the user sees disagrees with the host: a list of mismatches. */
  shownMismatches(host: FakeHost): string[];
  pendingRequests(): number;
  dispose(): void;
}

function clientSubject(host: FakeHost, scheduler: ManualClock, timeout: number): Subject {
  const client = new TelemetryClient({ api: host.api, scheduler, timeout });
  return {
    view: () => client.view,
    flip: () => {
      if (client.view.phase === 'ready' && !client.view.host?.managedBy) client.setEnabled(!client.view.enabled);
    },
    retry: () => {
      if (client.view.problem) client.retry();
    },
    settle: async () => {},
    shownMismatches: () => [],
    pendingRequests: () => client.pendingRequests,
    dispose: () => client.dispose(),
  };
}

async function panelSubject(host: FakeHost, scheduler: ManualClock, timeout: number): Promise<Subject> {
  const holder = await fixture<HTMLDivElement>(
    html`<div ${provideClock(scheduler)}><cs-telemetry-settings .vscodeApi=${host.api} .timeout=${timeout}></cs-telemetry-settings></div>`,
  );
  const el = holder.querySelector<CsTelemetrySettings>('cs-telemetry-settings')!;
  const panel = new PanelHarness(el);
  const badge = panel.badge;
  await panel.switch.updateComplete;
  const control = panel.switch.control;
  return {
    view: () => el.view,
    flip: () => panel.switch.click(), // a disabled button ignores the click, as for a user
    retry: () => panel.retryButton?.click(),
    settle: () => panel.updated(),
    shownMismatches: (fake) => {
      const status = fake.state.enabled && fake.state.editorTelemetryEnabled ? 'on' : 'off';
      const mismatches: string[] = [];
      if (badge.getAttribute('status') !== status) mismatches.push(`badge ${badge.getAttribute('status')} (host ${status})`);
      if (badge.hasAttribute('locked') !== (fake.state.managedBy === 'policy')) mismatches.push('badge lock');
      if (control.getAttribute('aria-checked') !== String(fake.state.enabled)) mismatches.push(`switch aria-checked ${control.getAttribute('aria-checked')}`);
      const unavailable = control.disabled || control.getAttribute('aria-disabled') === 'true';
      if (unavailable !== (fake.state.managedBy === 'policy')) mismatches.push(`switch unavailable ${unavailable}`);
      return mismatches;
    },
    // The panel's pending requests are its client's; each holds a timer, which the scheduler counts.
    pendingRequests: () => 0,
    dispose: () => fixtureCleanup(),
  };
}

async function run(seed: number): Promise<RunEnd> {
  const next = seededRandom(seed);
  const flips = 1 + Math.floor(next() * MAX_FLIPS);
  // Short timeouts make replies late (after their request timed out) as often as on time.
  const timeout = [20, 60, 500][seed % 3];
  const withIds = (seed >> 1) % 2 === 0; // each kind of run on both subjects
  let restarts = 0;
  const host = new FakeHost({ manual: true, enabled: next() < 0.5, instance: withIds ? 'adapter-0' : undefined });
  const scheduler = new ManualClock();
  const problems: string[] = [];
  const onPanel = seed % 2 === 0;
  let subject: Subject | undefined;
  try {
    /**
     * Carries `deliver` after a random delay, or loses it; `inOrder` never lets it overtake what went before.
     * `toHost`: a request, lost if the host restarts on its way.
     */
    let lastRequestAt = 0;
    /** Host messages on their way, by timer: a restart without ids delivers them first. */
    const fromHost = new Map<number, { at: number; deliver: () => void }>();
    const wire = (deliver: () => void, { lossy = true, inOrder = false, toHost = false } = {}) => {
      if (lossy && next() < LOSS) return;
      let at = scheduler.now() + Math.floor(next() * (MAX_DELAY + 1));
      if (inOrder) at = lastRequestAt = Math.max(at, lastRequestAt);
      const generation = host.generation;
      const timer = scheduler.setTimeout(() => {
        fromHost.delete(timer);
        if (!toHost || host.generation === generation) deliver();
      }, at - scheduler.now());
      if (!toHost) fromHost.set(timer, { at, deliver });
    };
    const deliverAllFromHost = () => {
      for (const [timer, { deliver }] of [...fromHost].sort(([, a], [, b]) => a.at - b.at)) {
        scheduler.clearTimeout(timer);
        fromHost.delete(timer);
        deliver();
      }
    };
    const hostHandles = host.api.onPost!; // the fake host's own request handler, which holds requests in manual mode
    host.api.onPost = (message) =>
      wire(() => {
        hostHandles(message);
        for (const request of host.held.splice(0)) {
          const answer = host.answer(request);
          wire(() => host.deliver(answer));
        }
      }, { inOrder: true, toHost: true });
    const pushState = () => {
      const message = host.stateMessage();
      wire(() => host.deliver(message), { lossy: false });
    };
    const pushChange = (patch: Parameters<FakeHost['change']>[0]) => {
      host.change(patch);
      pushState();
    };

    subject = onPanel ? await panelSubject(host, scheduler, timeout) : clientSubject(host, scheduler, timeout);
    for (let flip = 0; flip < flips; ) {
      const roll = next();
      if (roll < 0.6) {
        subject.flip();
        flip++;
      } else if (roll < 0.63) {
        subject.retry();
      } else if (roll < 0.65) {
        pushChange({ enabled: next() < 0.5 }); // changed in settings.json
      } else if (roll < 0.66) {
        pushChange({ managedBy: host.state.managedBy ? null : 'policy' }); // a policy comes or goes
      } else if (roll < 0.67) {
        pushChange({ editorTelemetryEnabled: !host.state.editorTelemetryEnabled });
      } else if (roll < 0.68) {
        restarts++;
        if (!withIds) deliverAllFromHost();
        host.restart({ instance: withIds ? `adapter-${restarts}` : undefined });
        const after = next();
        if (after < 0.3) pushState(); // the new adapter announces itself (rev 1)
        else if (after < 0.6) pushChange({ enabled: next() < 0.5 }); // the setting changed while the host was down
      }
      scheduler.advance(Math.floor(next() * (roll < 0.97 ? 30 : 4 * timeout)));
      if (next() < 0.3) await subject.settle();
      // While nothing is being saved, the switch never shows anything but the host's word.
      const view = subject.view();
      if (view.phase === 'ready' && !view.saving && view.enabled !== view.host?.enabled) {
        problems.push(`flip ${flip}: shows ${view.enabled} while not saving, host said ${view.host?.enabled}`);
        break;
      }
    }
    // Quiet: no more user or outside changes; what is in flight lands (or is lost), timers run out.
    for (let round = 0; round < 1000 && scheduler.pending; round++) scheduler.advance(timeout);
    await subject.settle();
    const view = subject.view();
    if (scheduler.pending) problems.push(`${scheduler.pending} timers left`);
    if (subject.pendingRequests()) problems.push(`${subject.pendingRequests()} requests pending`);
    if (view.phase !== 'ready') problems.push(`phase ${view.phase} (${view.problem?.code})`);
    if (view.saving) problems.push('still saving');
    if (view.certainty !== 'confirmed') problems.push(`certainty ${view.certainty}`);
    if (view.enabled !== host.state.enabled) problems.push(`shows ${view.enabled}, host ${host.state.enabled}`);
    if (JSON.stringify(view.host) !== JSON.stringify(host.state)) problems.push('host state differs');
    problems.push(...subject.shownMismatches(host));
    if (problems.length) problems.push(`${restarts} restarts, ${withIds ? 'with' : 'without'} instance ids`);
    return { seed, problems, restarts, withIds };
  } finally {
    subject?.dispose();
    host.dispose();
  }
}

describe('stress: rapid flips over a slow, lossy, reordering wire', () => {
  it(`ends in step with the host in each of ${RUNS} seeded runs of up to ${MAX_FLIPS} flips`, async () => {
    const outOfStep: string[] = [];
    const restarts = { with: 0, without: 0 };
    for (let seed = 1; seed <= RUNS; seed++) {
      const end = await run(seed);
      if (end.problems.length) outOfStep.push(`seed ${seed}: ${end.problems.join('; ')}`);
      restarts[end.withIds ? 'with' : 'without'] += end.restarts;
    }
    expect(outOfStep).to.deep.equal([]);
    // The runs did meet restarted hosts of both kinds.
    expect(restarts.with, 'restarts with instance ids').to.be.greaterThan(100);
    expect(restarts.without, 'restarts without instance ids').to.be.greaterThan(100);
  });
});
