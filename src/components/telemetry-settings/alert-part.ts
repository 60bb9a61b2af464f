import { LazyPart } from '../../internal/lazy-part.js';

/** The alert's words and rules (alert.ts), loaded once, on the first problem a panel shows. */
export const alertPart = new LazyPart(() => import('./alert.js'));
