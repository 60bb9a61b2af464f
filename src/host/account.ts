/**
 * The signed-in account and the account switch, read and set through the caller's providers within the time limit;
 * a provider that does not answer in time gives the last answer it gave.
 */
import type { TelemetryAccount } from '../protocol/protocol.js';
import { shortText } from '../protocol/values.js';
import { describe, type Log } from './log.js';
import type { TelemetryAccountLinkOption, TelemetryHostOptions } from './options.js';
import type { ProviderTimeLimit } from './providers.js';

export const ACCOUNT_LINK_NOT_OFFERED_MESSAGE = 'This editor has no separate switch for account details.';
const ACCOUNT_LINK_TIMEOUT_MESSAGE =
  'Code Studio did not finish saving your choice about account details in time, so it may not have changed. Try again.';

export class AccountProviders {
  /** Read at each call, as the caller left them. */
  readonly #options: Pick<TelemetryHostOptions, 'account' | 'accountLinked'>;
  readonly #limit: ProviderTimeLimit;
  readonly #log: Log;
  #lastAccount: TelemetryAccount | null = null;
  #lastLinked: boolean | undefined;

  constructor(options: Pick<TelemetryHostOptions, 'account' | 'accountLinked'>, limit: ProviderTimeLimit, log: Log) {
    this.#options = options;
    this.#limit = limit;
    this.#log = log;
  }

  async readAccount(): Promise<TelemetryAccount | null> {
    const account = this.#options.account;
    if (!account) return null;
    const outcome = await this.#limit.call(() => account());
    if (outcome.kind === 'timeout') {
      this.#log(`the signed-in account did not answer within ${this.#limit.ms} ms; sent the last one known`);
      return this.#lastAccount;
    }
    if (outcome.kind === 'error') {
      this.#log(`could not read the signed-in account: ${describe(outcome.error)}`);
      return null;
    }
    const value = outcome.value;
    this.#lastAccount = value ? { loginName: shortText(value.loginName, ''), email: shortText(value.email, '') } : null;
    return this.#lastAccount;
  }

  /** The account switch; `fresh` false when `get` did not answer with a boolean this time. */
  async readLinked(): Promise<{ linked: boolean | undefined; fresh: boolean }> {
    const accountLinked = this.#options.accountLinked;
    if (!accountLinked) return { linked: undefined, fresh: true };
    const outcome = await this.#limit.call(() => accountLinked.get());
    if (outcome.kind === 'timeout') {
      this.#log(`the account switch did not answer within ${this.#limit.ms} ms; sent the last value known`);
      return { linked: this.#lastLinked, fresh: false };
    }
    if (outcome.kind === 'value' && typeof outcome.value === 'boolean') {
      this.#lastLinked = outcome.value;
      return { linked: outcome.value, fresh: true };
    }
    if (outcome.kind === 'error') this.#log(`could not read whether the account is linked: ${describe(outcome.error)}`);
    else this.#log(`the account switch read as ${typeof outcome.value}, not a boolean`);
    // Unknown: leave the switch out, so the panel says account details are sent when signed in, the safe side.
    return { linked: undefined, fresh: false };
  }

  /** Sets the account switch of `option` to `linked`; the words for the user when that failed, else undefined. */
  async setLinked(option: TelemetryAccountLinkOption, linked: boolean): Promise<string | undefined> {
    const current = await this.readLinked();
    // A value not read just now may be stale: write it rather than trust it.
    if (current.fresh && current.linked === linked) return undefined;
    const outcome = await this.#limit.call(() => option.set(linked));
    if (outcome.kind === 'value') return undefined;
    if (outcome.kind === 'error') return describe(outcome.error);
    this.#log(`the account switch did not finish saving within ${this.#limit.ms} ms`);
    return ACCOUNT_LINK_TIMEOUT_MESSAGE;
  }
}
