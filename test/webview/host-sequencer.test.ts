import { expect } from '@open-wc/testing';
import { HostSequencer, STALE_CHECKS } from '../../src/webview/host-sequencer.js';
import type { StateMessage } from '../../src/protocol/protocol.js';
import { ManualClock } from '../../dev/harness/manual-clock.js';

const TIMEOUT = 1000;

function sequencer() {
  const clock = new ManualClock();
  let hellos = 0;
  let helloOnItsWay = false;
  const sequence = new HostSequencer({
    scheduler: clock,
    timeout: TIMEOUT,
    sendHello: () => void hellos++,
    helloAfter: () => helloOnItsWay,
  });
  return {
    clock,
    sequence,
    hellos: () => hellos,
    setHelloOnItsWay: (on: boolean) => (helloOnItsWay = on),
  };
}

const state = (rev: number, instance?: string, enabled = true): StateMessage => ({
  type: 'telemetry/state',
  protocol: 1,
  rev,
  ...(instance !== undefined && { instance }),
  state: { enabled },
});
const hello = (number: number) => ({ type: 'telemetry/hello', number });

describe('HostSequencer', () => {
  it('places states in order of rev, and not an older one of the same instance', () => {
    const { sequence } = sequencer();
    expect(sequence.place(state(2, 'a'), hello(1))).to.include({ placed: true });
    expect(sequence.place(state(3, 'a'), undefined)).to.include({ placed: true });
    expect(sequence.place(state(3, 'a'), undefined), 'the same rev again').to.include({ placed: true });
    expect(sequence.place(state(1, 'a'), undefined)).to.deep.equal({ placed: false });
  });

  it('a new instance retires nothing: it is shown if new by its own count, and a hello asks who is live', () => {
    const { sequence, hellos } = sequencer();
    sequence.place(state(7, 'a'), hello(1));
    expect(sequence.place(state(7, 'b'), undefined)).to.include({ placed: true });
    expect(hellos(), 'a check').to.equal(1);
    expect(sequence.place(state(8, 'a'), undefined), "the live adapter's next word").to.include({ placed: true });
  });

  it('the instance that answers a hello is live; the others are retired until one answers a hello', () => {
    const { sequence } = sequencer();
    sequence.place(state(7, 'a'), hello(1));
    sequence.place(state(1, 'b'), undefined);
    sequence.place(state(1, 'b'), hello(2));
    expect(sequence.place(state(99, 'a'), undefined), 'a retired: not news').to.deep.equal({ placed: false });
    expect(sequence.place(state(5, 'a'), hello(3)), 'a answers a hello: live again').to.include({ placed: true });
    expect(sequence.place(state(2, 'b'), undefined)).to.deep.equal({ placed: false });
  });

  it("a hello's answer overtaken by its instance's newer word shows that word; without an id a get tells", () => {
    const { sequence } = sequencer();
    sequence.place(state(5, 'a'), hello(1));
    const newer = state(6, 'a', false);
    sequence.place(newer, undefined);
    const placement = sequence.place(state(5, 'a'), hello(2));
    expect(placement).to.deep.equal({ placed: true, get: false, shown: newer });
    const anonymous = sequencer().sequence;
    anonymous.place(state(5), hello(1));
    anonymous.place(state(6), undefined);
    expect(anonymous.place(state(5), hello(2))).to.include({ placed: true, get: true });
  });

  it('checks back off, one at a time, and keep the longest wait after a row', () => {
    const { sequence, hellos, clock } = sequencer();
    sequence.place(state(50), hello(1));
    const waits: number[] = [];
    for (let i = 0; i < STALE_CHECKS + 2; i++) {
      const before = hellos();
      sequence.check(false);
      let waited = 0;
      while (hellos() === before) {
        clock.advance(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).to.deep.equal([0, TIMEOUT, 2 * TIMEOUT, 4 * TIMEOUT, 4 * TIMEOUT]);
  });

  it('a check is not sent while a hello on its way will tell; if that hello fails, one follows', () => {
    const { sequence, hellos, setHelloOnItsWay } = sequencer();
    setHelloOnItsWay(true);
    sequence.check(false);
    expect(hellos()).to.equal(0);
    setHelloOnItsWay(false);
    sequence.helloFailed();
    expect(hellos()).to.equal(1);
    sequence.helloFailed();
    expect(hellos(), 'no doubt left').to.equal(1);
  });

  it('a held set waits for a hello posted after it; a failed one leaves it unsettled', () => {
    const { sequence, hellos } = sequencer();
    sequence.place(state(3, 'a'), hello(1));
    sequence.hold('enabled', 4);
    expect(hellos(), 'checked at once').to.equal(1);
    expect(sequence.isHeld('enabled')).to.equal(true);
    expect(sequence.unsettledBy(4), 'a hello sent before it does not tell').to.deep.equal([]);
    expect(sequence.unsettledBy(5)).to.deep.equal(['enabled']);
    sequence.place(state(3, 'a'), hello(4));
    expect(sequence.isHeld('enabled')).to.equal(true);
    sequence.place(state(3, 'a'), hello(5));
    expect(sequence.isHeld('enabled')).to.equal(false);
  });
});
