import { ContextEvent, createContext } from '@lit/context';

/** The time, timers and animation frames an element schedules its work by. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  requestFrame(callback: () => void): unknown;
}

/** The page's own clock: what every element uses unless an ancestor provides another (a test's manual one). */
export const browserClock: Clock = {
  now: Date.now,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as number),
  requestFrame: (callback) => requestAnimationFrame(callback),
};

/** Provided by an ancestor to give its subtree another clock; no element of this package provides it. */
export const clockContext = createContext<Clock>(Symbol.for('cs-clock'));

/** The clock provided above `element`, asked for now (a provider answers at once), else the page's own. */
export function clockFor(element: Element): Clock {
  let clock = browserClock;
  element.dispatchEvent(new ContextEvent(clockContext, element, (provided) => (clock = provided)));
  return clock;
}
