import { expect } from '@open-wc/testing';
import { TelemetryClient } from '../src/bridge/telemetry-client.js';
import type { HostMessage } from '../src/bridge/protocol.js';
import { FakeHost, ManualScheduler } from './support/fake-host.js';

// Rapid flips against a host that handles requests in order, as an extension host does, but whose messages arrive
// late and out of order, and which changes the setting by itself now and then. Seeded, so a failure names a run that can be replayed. The last intent wins while things move; once they
// go quiet, the switch shows the host's setting and nothing is left pending.
const TIMEOUT = 1000;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function run(seed: number, steps: number) {
  const next = random(seed);
  const host = new FakeHost({ manual: true, enabled: next() < 0.5 });
  const scheduler = new ManualScheduler();
  const client = new TelemetryClient({ api: host.api, scheduler, timeout: TIMEOUT });
  // Answers are made when the host handles a request (with its state then) and delivered later, in any order.
  const inFlight: HostMessage[] = [];
  const handleOldest = () => inFlight.push(host.answer(host.held.shift()!));
  const deliverAny = () => host.deliver(inFlight.splice(Math.floor(next() * inFlight.length), 1)[0]);
  try {
    for (let step = 0; step < steps; step++) {
      const roll = next();
      if (roll < 0.4) {
        if (client.view.phase === 'ready') client.setEnabled(!client.view.enabled);
      } else if (roll < 0.6 && host.held.length) {
        handleOldest();
      } else if (roll < 0.85 && inFlight.length) {
        deliverAny();
      } else if (roll < 0.9) {
        host.change({ enabled: next() < 0.5 }); // changed in settings.json meanwhile, and pushed
        inFlight.push(host.stateMessage());
      } else {
        scheduler.advance(Math.floor(next() * TIMEOUT * 0.6));
      }
    }
    // Quiet: handle and deliver whatever is left, let every timer run, and answer what that sends.
    for (let round = 0; round < 10 && (host.held.length || inFlight.length || scheduler.pending); round++) {
      while (host.held.length) handleOldest();
      while (inFlight.length) deliverAny();
      scheduler.advance(TIMEOUT);
    }
    return {
      shown: client.view.enabled,
      host: host.state.enabled,
      saving: client.view.saving,
      phase: client.view.phase,
      pending: client.pendingRequests,
      timers: scheduler.pending,
    };
  } finally {
    client.dispose();
    host.dispose();
  }
}

describe('rapid flips with late and reordered replies', () => {
  it('ends in step with the host in each of 60 seeded runs of 300 steps', () => {
    const outOfStep: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const end = run(seed, 300);
      if (end.shown !== end.host || end.saving || end.pending || end.timers) outOfStep.push(`seed ${seed}: ${JSON.stringify(end)}`);
    }
    expect(outOfStep).to.deep.equal([]);
  });
});
