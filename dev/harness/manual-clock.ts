/**
 * A clock whose time and animation frames move only when a test says, and the directive that gives it to a subtree:
 *
 *   const clock = new ManualClock(Date.parse('2026-01-01T12:00:00Z'));
 *   render(html`<div ${provideClock(clock)}><cs-telemetry-settings ...></cs-telemetry-settings></div>`, container);
 *   clock.advance(30_000);   // runs the timers due, in time order
 *   clock.frame();           // runs the animation frames asked for so far
 */
import { ContextProvider } from '@lit/context';
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { clockContext, type Clock } from '../../src/internal/clock.js';

export class ManualClock implements Clock {
  #now: number;
  #nextHandle = 1;
  #timers = new Map<number, { at: number; callback: () => void }>();
  #frames: (() => void)[] = [];

  /** `start`: the time it reads at first, in ms since the epoch. */
  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): number {
    const handle = this.#nextHandle++;
    this.#timers.set(handle, { at: this.#now + Math.max(0, ms), callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  requestFrame(callback: () => void): number {
    this.#frames.push(callback);
    return this.#frames.length;
  }

  /** Timers set and not yet run or cleared. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Animation frames asked for and not yet run. */
  get framesQueued(): number {
    return this.#frames.length;
  }

  /** Move time on by `ms`, running due timers in time order (timers they set run too, if due). */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.#timers.delete(next[0]);
      this.#now = next[1].at;
      next[1].callback();
    }
    this.#now = end;
  }

  /** Runs the oldest animation frame asked for, as the browser runs one per frame; false when none is queued. */
  frame(): boolean {
    const callback = this.#frames.shift();
    callback?.();
    return callback !== undefined;
  }
}

/** Element directive: the element it is on provides `clock` to everything inside it, from before they connect. */
class ProvideClockDirective extends Directive {
  #provider?: ContextProvider<typeof clockContext>;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('provideClock() goes on an element: <div ${provideClock(clock)}>');
  }

  render(_clock: Clock) {
    return nothing;
  }

  override update(part: ElementPart, [clock]: [Clock]) {
    if (!this.#provider) this.#provider = new ContextProvider(part.element as HTMLElement, { context: clockContext, initialValue: clock });
    else this.#provider.setValue(clock);
    return nothing;
  }
}

export const provideClock = directive(ProvideClockDirective);
