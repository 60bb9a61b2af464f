import { LazyPart } from '../internal/lazy-part.js';

/** The extensions' UI (see extensions.ts), loaded once, by the first element that shows one. */
export const extensionsPart = new LazyPart(() => import('./extensions.js'));
