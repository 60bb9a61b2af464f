/**
 * The panel's language: @lit/localize in runtime mode. English is built in; each other language is its own module
 * (dist/locales/<locale>.js beside dist/webview.js), loaded only when a page asks for it, and so is @lit/localize's
 * runtime (localization.ts): until then msg() says its English text, which is what the runtime would say.
 * `applyLocale` is called by the panel with the host's `state.locale` (undefined when the host sends none).
 */
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export type TargetLocale = (typeof targetLocales)[number];
export type SupportedLocale = typeof sourceLocale | TargetLocale;
export { LOCALE_STATUS_EVENT, sourceLocale, targetLocales };

/** VS Code's own id for its pseudo-language: accented, longer, bracketed text for QA. */
export const PSEUDO_LOCALE = 'qps-ploc';

/** Locales whose module failed to load: not asked for again on this page. */
export const failed = new Set<string>();

type Localization = typeof import('./localization.js').localization;

/** @lit/localize's configuration, loaded and made on the first request of a language other than English. */
let localization: Localization | undefined;
let loadingLocalization: Promise<Localization> | undefined;
const configured = () =>
  (loadingLocalization ??= import('./localization.js').then(
    (module) => (localization = module.localization),
    (error: unknown) => {
      loadingLocalization = undefined; // asked again by the next request
      console.warn('Could not load the localization runtime; showing English.', error);
      throw error;
    },
  ));

/** The locale the page shows now. */
export const getLocale = (): string => localization?.getLocale() ?? sourceLocale;
const setLitLocale = async (locale: string) => {
  // English needs no runtime: until one is loaded, every msg() already says its English text.
  if (!localization && locale === sourceLocale) return;
  await (await configured()).setLocale(locale);
};

/** The locale last asked for: a load in flight counts, so the same request twice loads once. */
let requested: SupportedLocale = sourceLocale;

/**
 * The supported locale closest to a BCP 47 tag: an exact match (any case), else its language ('de-CH' → 'de',
 * 'ja-JP' → 'ja'), else English. The pseudo-locale matches only whole, as 'qps-ploc'.
 */
export function resolveLocale(requestedTag: string | null | undefined): SupportedLocale {
  const tag = (requestedTag ?? '').trim().toLowerCase().replaceAll('_', '-');
  const exact = targetLocales.find((locale) => locale.toLowerCase() === tag);
  if (exact) return exact;
  const language = tag.split('-')[0];
  return targetLocales.find((locale) => locale === language) ?? sourceLocale;
}

/**
 * Switches every localized element on the page to `locale`; resolves once its strings are loaded. Rejects when the
 * locale's module cannot be loaded (the page then stays in the language it had).
 */
export async function setLocale(locale: SupportedLocale): Promise<void> {
  requested = locale;
  try {
    await setLitLocale(locale);
  } catch (error) {
    // With the runtime in, the language's own module failed: not asked for again on this page. (A runtime that failed
    // to load was logged by `configured` and is asked for again.)
    if (localization && !failed.has(locale)) {
      failed.add(locale);
      console.warn(`Could not load the "${locale}" strings; showing English.`, error);
    }
    if (requested === locale) requested = getLocale() as SupportedLocale;
    throw error;
  }
}

/**
 * Speaks the host's locale if it sent one, else the document's `lang`, else English. Never throws: a language whose
 * module fails to load is logged once and the page stays in English.
 */
export function applyLocale(hostLocale: string | undefined): void {
  const locale = resolveLocale(hostLocale || document.documentElement.lang);
  const target = failed.has(locale) ? sourceLocale : locale;
  if (target === requested) return;
  setLocale(target).catch(() => {
    // The load failed (logged by loadLocale): English, unless a newer request is already on its way.
    if (requested === getLocale() && requested !== sourceLocale) void setLocale(sourceLocale).catch(() => {});
  });
}

/**
 * The language tag of what the page shows, for `Intl` and for `lang`: the pseudo-locale's text is accented English,
 * and neither `Intl` nor screen readers (nor axe's valid-lang) know `qps`, so it is English there.
 */
export function intlLocale(): string {
  const locale = getLocale();
  return locale === PSEUDO_LOCALE ? sourceLocale : locale;
}
