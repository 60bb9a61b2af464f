/**
 * The panel's language. Placeholder API agreed for issue 6; the i18n work fills it in.
 * `applyLocale` is called by the panel with the host's `state.locale` (undefined when the host sends none).
 */
export function applyLocale(_hostLocale: string | undefined): void {}
