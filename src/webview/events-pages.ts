import type { TelemetryEvent } from '../protocol/protocol.js';

const timeOf = (event: TelemetryEvent) => Date.parse(event.time);

/**
 * The events a list shows (oldest first, maybe many pages) with those of a fresh newest page that are newer, when the
 * log changed while the list was open. Undefined when the page does not reach back to the newest event shown: more
 * was sent than one page holds, and the list must start again from the page. The sent log only grows at its newest
 * end, so an event at the newest time shown is new only past the count already shown at that time.
 */
export function withNewerEvents(shown: readonly TelemetryEvent[], page: readonly TelemetryEvent[], pageIsAll: boolean): readonly TelemetryEvent[] | undefined {
  const newest = shown.at(-1);
  if (!newest) return page;
  const newestTime = timeOf(newest);
  const reaches = pageIsAll || (page.length > 0 && timeOf(page[0]!) < newestTime);
  if (!reaches) return undefined;
  const atNewest = (events: readonly TelemetryEvent[]) => events.filter((event) => timeOf(event) === newestTime).length;
  let skip = atNewest(shown);
  const added = page.filter((event) => {
    const time = timeOf(event);
    return time > newestTime || (time === newestTime && skip-- <= 0);
  });
  return added.length ? [...shown, ...added] : shown;
}
