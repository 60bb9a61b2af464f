import { expect } from '@open-wc/testing';
import { RequestTracker, SEND_LIMIT, SEND_WINDOW, type Posted } from '../../src/webview/request-tracker.js';
import { ManualClock } from '../../dev/harness/manual-clock.js';

interface Request {
  kind: string;
  value?: number;
}

function tracker(limit = 1000) {
  const clock = new ManualClock(5000);
  const posted: Posted<Request>[] = [];
  const timedOut: Posted<Request>[] = [];
  const dropped: Request[] = [];
  const requests = new RequestTracker<Request>({
    scheduler: clock,
    post: (request) => posted.push(request),
    timeLimit: () => limit,
    onTimeout: (request) => timedOut.push(request),
    key: (request) => (request.kind === 'once' ? undefined : request.kind),
    onDropped: (request) => dropped.push(request),
  });
  return { clock, posted, timedOut, dropped, requests };
}

describe('RequestTracker', () => {
  it('numbers requests in the order they are posted, with ids of this page only', () => {
    const { requests, posted } = tracker();
    requests.send({ kind: 'a' });
    requests.send({ kind: 'b' });
    expect(posted.map((request) => request.number)).to.deep.equal([1, 2]);
    expect(requests.lastNumber).to.equal(2);
    expect(requests.numberOf(posted[1]!.id)).to.equal(2);
    expect(requests.numberOf('another-page-2')).to.equal(undefined);
    expect(tracker().requests.numberOf(posted[1]!.id), 'another page').to.equal(undefined);
  });

  it('take() answers a request once, and only when it fits', () => {
    const { requests, posted, clock } = tracker();
    requests.send({ kind: 'a' });
    const { id } = posted[0]!;
    expect(requests.take(id, (request) => request.kind === 'b')).to.equal(undefined);
    expect(requests.take(id)?.kind).to.equal('a');
    expect(requests.take(id)).to.equal(undefined);
    expect(clock.pending, 'its time limit is stopped').to.equal(0);
  });

  it('a request unanswered within its time limit is forgotten and reported', () => {
    const { requests, timedOut, clock } = tracker(300);
    requests.send({ kind: 'a' });
    clock.advance(299);
    expect(timedOut).to.have.length(0);
    clock.advance(1);
    expect(timedOut.map((request) => request.kind)).to.deep.equal(['a']);
    expect(requests.size).to.equal(0);
  });

  it(`posts at most ${SEND_LIMIT} in any ${SEND_WINDOW} ms; the rest wait in order, a later one of a key replacing it`, () => {
    const { requests, posted, dropped, clock } = tracker(60_000);
    for (const kind of ['a', 'b', 'c', 'd', 'e', 'once', 'e', 'once']) requests.send({ kind, value: posted.length });
    expect(posted.map((request) => request.kind)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(dropped.map((request) => request.kind), 'the first waiting e').to.deep.equal(['e']);
    expect(requests.size).to.equal(4 + 3);
    expect(requests.has((request) => request.kind === 'e'), 'a waiting request counts as pending').to.equal(true);
    clock.advance(SEND_WINDOW - 1);
    expect(posted).to.have.length(4);
    clock.advance(1);
    expect(posted.map((request) => request.kind)).to.deep.equal(['a', 'b', 'c', 'd', 'once', 'e', 'once']);
    expect(clock.pending, 'only the time limits').to.equal(7);
  });

  it('forget() drops what it picks, posted or waiting, and stops their timers', () => {
    const { requests, clock, posted } = tracker();
    for (const kind of ['a', 'b', 'c', 'd', 'x']) requests.send({ kind });
    const forgotten = requests.forget((request) => request.kind === 'a' || request.kind === 'x');
    expect(forgotten.map((request) => request.kind)).to.deep.equal(['a', 'x']);
    clock.advance(SEND_WINDOW);
    expect(posted.map((request) => request.kind), 'the waiting x never goes').to.deep.equal(['a', 'b', 'c', 'd']);
    requests.forget();
    expect(requests.size).to.equal(0);
    expect(clock.pending).to.equal(0);
  });

  it('a post that throws is reported by the time limit, as a lost message', () => {
    const clock = new ManualClock();
    const timedOut: string[] = [];
    const requests = new RequestTracker<Request>({
      scheduler: clock,
      post: () => {
        throw new Error('gone');
      },
      timeLimit: () => 100,
      onTimeout: (request) => timedOut.push(request.kind),
      key: () => undefined,
    });
    requests.send({ kind: 'a' });
    clock.advance(100);
    expect(timedOut).to.deep.equal(['a']);
  });
});
