// @lit/localize's runtime and each language's module loader: a chunk of its own, loaded with the first language other
// than English a page asks for.
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

// Static import() calls, one per locale, so the bundler emits each as a chunk and fetches it relative to this module.
const localeModules: Record<TargetLocale, () => Promise<LocaleModule>> = {
  de: () => import('./locales/de.js'),
  ja: () => import('./locales/ja.js'),
  'qps-ploc': () => import('./locales/qps-ploc.js'),
};

export const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  // A failure is recorded where it is caught, by setLocale (locale.ts).
  loadLocale: (locale) => localeModules[locale as TargetLocale](),
});
