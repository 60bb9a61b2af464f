import { LazyPart } from '../../internal/lazy-part.js';

/** The words of the expanded items (data-type-details.ts), loaded once, after the list's first paint. */
export const detailsPart = new LazyPart(() => import('./data-type-details.js'));
