// @lit/localize's runtime and each language's module loader: a chunk of its own, loaded with the first language other
// than English a page asks for.
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { failed, type TargetLocale } from './locale.js';
import { sourceLocale, targetLocales } from './locale-codes.js';

// Static import() calls, one per locale, so the bundler emits each as a chunk and fetches it relative to this module.
const localeModules: Record<TargetLocale, () => Promise<LocaleModule>> = {
  de: () => import('./locales/de.js'),
  ja: () => import('./locales/ja.js'),
  'qps-ploc': () => import('./locales/qps-ploc.js'),
};

export const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => {
    try {
      return await localeModules[locale as TargetLocale]();
    } catch (error) {
      if (!failed.has(locale)) console.warn(`Could not load the "${locale}" strings; showing English.`, error);
      failed.add(locale);
      throw error;
    }
  },
});
