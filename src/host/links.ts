/**
 * The links the panel may ask the editor to open: only https URLs of link targets the panel knows, and only when the
 * editor can open them; each is opened with `vscode.env.openExternal`.
 */
import { LINK_TARGETS, type LinkTarget } from '../protocol/protocol.js';
import { startAndLog, type Log } from './log.js';
import type { TelemetryHostOptions, TelemetryHostVsCode } from './options.js';

export const isHttpsUrl = (url: unknown): url is string => {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

export class Links {
  readonly #urls = new Map<LinkTarget, string>();
  readonly #api: TelemetryHostVsCode;
  readonly #log: Log;

  /** Keeps the links that can be opened; each one left out is logged. */
  constructor(links: TelemetryHostOptions['links'], api: TelemetryHostVsCode, log: Log) {
    this.#api = api;
    this.#log = log;
    for (const [target, url] of Object.entries(links ?? {})) {
      if (!(LINK_TARGETS as readonly string[]).includes(target)) {
        log(`ignored the link "${target.slice(0, 60)}": not a link target the panel knows`);
      } else if (!isHttpsUrl(url)) {
        log(`ignored the link for ${target}: only https URLs are opened`);
      } else if (!api.env.openExternal || !api.Uri) {
        log(`ignored the link for ${target}: vscode.env.openExternal and vscode.Uri are needed to open it`);
      } else {
        this.#urls.set(target as LinkTarget, url);
      }
    }
  }

  /** The targets offered, in the protocol's order. */
  get offered(): LinkTarget[] {
    return LINK_TARGETS.filter((target) => this.#urls.has(target));
  }

  /** Opens `target`'s link without waiting: VS Code may ask the user to confirm first. */
  open(target: LinkTarget): void {
    const url = this.#urls.get(target);
    const api = this.#api;
    if (!url || !api.env.openExternal || !api.Uri) return this.#log(`dropped a request to open ${target}: not offered`);
    // Checked just above; called as methods, on their own objects.
    startAndLog(this.#log, () => api.env.openExternal!(api.Uri!.parse(url)), `open ${target}`);
  }
}
