// Which parts of the UI for optional host features (the history line, the links, the account switch, "Show what was
// sent") an element needs: one rule for the panel and the list, and the part's code, loaded once by the first element
// that shows one (see optional-parts.ts).
import { LINK_TARGETS } from '../protocol/protocol.js';
import { LazyPart } from '../internal/lazy-part.js';

/** The UI of the optional host features, a chunk of its own. */
export const optionalPart = new LazyPart(() => import('./optional-parts.js'));

/** The parts the list needs: the account switch's when offered (a boolean or null), the events disclosure's. */
export const dataTypesParts = (accountLinked: boolean | null | undefined, eventsOffered: boolean) =>
  accountLinked !== undefined || eventsOffered ? [optionalPart] : [];

/** The parts the panel itself needs for what the host tells: the history line's, the links', the export's. */
export const panelParts = (changedBy: unknown, offers: readonly string[]) =>
  changedBy || [...LINK_TARGETS, 'export'].some((target) => offers.includes(target)) ? [optionalPart] : [];
