import { msg } from '@lit/localize';

/**
 * A part of the UI whose code is a chunk of its own (an extension a host may offer), loaded once, on first need.
 * An element that shows it holds its update until the part is in (see `holdFor`), so the part never arrives after
 * the rest of the section and pushes it down.
 */
export class LazyPart<Module> {
  /** The loaded module; undefined until it is in, and for good once it failed. */
  module?: Module;
  /** The chunk could not be loaded: the element shows a note in its place. */
  failed = false;
  readonly #load: () => Promise<Module>;
  #loading?: Promise<void>;

  constructor(load: () => Promise<Module>) {
    this.#load = load;
  }

  /** Neither loaded nor failed. */
  get missing(): boolean {
    return !this.module && !this.failed;
  }

  /** Starts the load if it has not started; resolves, never rejects, once the part is in or has failed. */
  ready(): Promise<void> {
    return (this.#loading ??= this.#load().then(
      (module) => void (this.module = module),
      (error: unknown) => {
        this.failed = true;
        console.warn('[cs-telemetry] Could not load a part of the panel', error);
      },
    ));
  }
}

/**
 * What an element's `scheduleUpdate` returns to hold its update until every needed part is in (or has failed): nothing,
 * so that the update runs in this same task, when none is missing. The parts are asked again after the wait, since
 * what the element shows may have changed meanwhile.
 */
export function holdFor(parts: () => LazyPart<unknown>[], update: () => void): void | Promise<unknown> {
  const missing = parts().filter((part) => part.missing);
  if (!missing.length) return update();
  return Promise.all(missing.map((part) => part.ready())).then(() => holdFor(parts, update));
}

/** Said in place of parts that could not be loaded: the rest of the section still works. */
export const partFailedText = () =>
  msg('Part of this page could not be loaded. Reload the page to try again.', { id: 'panel.part-failed' });
