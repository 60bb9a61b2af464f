// A list open while more is sent: the newest page of a refresh joins the pages shown, or the list starts again.
import { expect } from '@open-wc/testing';
import { withNewerEvents } from '../../src/webview/events-pages.js';
import type { TelemetryEvent } from '../../src/protocol/protocol.js';

const at = (second: number, name = `e${second}`): TelemetryEvent => ({
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
  category: 'tokens',
  name,
  data: {},
});
const names = (events: readonly TelemetryEvent[] | undefined) => events?.map((event) => event.name);

describe('withNewerEvents', () => {
  it('adds the newer events of the page after those shown, keeping the older pages shown', () => {
    const shown = [at(1), at(2), at(3), at(4)];
    // The host's newest page: the last four kept, of which two are new.
    const page = [at(3), at(4), at(5), at(6)];
    expect(names(withNewerEvents(shown, page, false))).to.deep.equal(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('an event at the newest time shown is new only past the count shown at that time', () => {
    const shown = [at(1), at(2, 'a'), at(2, 'b')];
    const page = [at(1), at(2, 'a'), at(2, 'b'), at(2, 'c')];
    expect(names(withNewerEvents(shown, page, false))).to.deep.equal(['e1', 'a', 'b', 'c']);
  });

  it('nothing new: the same list, so nothing is rendered again', () => {
    const shown = [at(1), at(2)];
    expect(withNewerEvents(shown, [at(1), at(2)], true)).to.equal(shown);
  });

  it('a page that does not reach back before the newest shown: undefined, the list starts again', () => {
    const shown = [at(1), at(2)];
    // More was sent than one page holds: what lies between is not known.
    expect(withNewerEvents(shown, [at(7), at(8)], false)).to.equal(undefined);
    // Its oldest at the newest time shown: the page may have cut that time's events, so how many are new is not known.
    expect(withNewerEvents(shown, [at(2), at(2, 'x'), at(3)], false)).to.equal(undefined);
  });

  it('a page that is the whole log always reaches: its newer events are added', () => {
    expect(names(withNewerEvents([at(1), at(2)], [at(2), at(3)], true))).to.deep.equal(['e1', 'e2', 'e3']);
  });

  it('nothing shown yet: the page', () => {
    const page = [at(1)];
    expect(withNewerEvents([], page, false)).to.equal(page);
  });
});
