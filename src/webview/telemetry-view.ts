import type { NormalizedTelemetryState } from '../protocol/protocol.js';

export type TelemetryPhase = 'loading' | 'ready' | 'unreachable' | 'incompatible';

/** The two switches a set can change. */
export type SetField = 'enabled' | 'accountLinked';

/** Why the last request failed, when it did. */
export interface TelemetryProblem {
  kind: 'save-failed' | 'unreachable' | 'incompatible';
  /** The error code from the host, or `timeout`. */
  code: string;
  /** The host's own words, shown as text; empty when the host said nothing. */
  message: string;
  /** For `save-failed`: the value the user asked for, which Retry asks for again. */
  wanted?: boolean;
  /** For `save-failed`: which switch failed to save. */
  field?: SetField;
  /** For `incompatible`: the protocol version the host speaks. */
  hostProtocol?: number;
}

/**
 * How sure the panel is that `host` is what the host holds now: `confirmed` by its latest word; `last-known` after a
 * request went unanswered (or a new host instance answered without its state), until the host's state comes; `unknown`
 * once a read failed after a save went unanswered, so the host may hold either value.
 */
export type TelemetryCertainty = 'confirmed' | 'last-known' | 'unknown';

/** What the panel shows; replaced, never mutated, on every change. */
export interface TelemetryView {
  phase: TelemetryPhase;
  /** What the switch shows: the user's latest intent while saving, otherwise the host's setting; null before any is known. */
  enabled: boolean | null;
  /** A set is on its way and unanswered. */
  saving: boolean;
  /**
   * What the account switch shows: the user's latest intent while saving, otherwise the host's; null when the host
   * does not offer the switch or nothing is known yet.
   */
  accountLinked: boolean | null;
  /** A set of the account switch is on its way and unanswered. */
  accountSaving: boolean;
  /** The host's state as last confirmed (or as saved by an earlier page, until the host answers). */
  host: NormalizedTelemetryState | null;
  /** Whether `host` is known to be current; the panel claims only what this allows. */
  certainty: TelemetryCertainty;
  problem: TelemetryProblem | null;
}

/** What a panel shows before anything is known. */
export const LOADING_VIEW: TelemetryView = {
  phase: 'loading',
  enabled: null,
  saving: false,
  accountLinked: null,
  accountSaving: false,
  host: null,
  certainty: 'unknown',
  problem: null,
};

/** An error from the host for a request, or `timeout` when it did not answer. */
export class TelemetryRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message || code);
    this.name = 'TelemetryRequestError';
  }
}
