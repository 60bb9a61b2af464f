import '@fontsource/ubuntu/400.css';
import '@fontsource/ubuntu/700.css';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json';
import { setLocale, type SupportedLocale } from '../src/internal/i18n/locale.js';
import { optionalPart } from '../src/components/optional-part.js';
import { applyVsCodeTheme, vscodeThemeIds, vscodeThemes, type VsCodeThemeId } from '../dev/themes/vscode-themes.js';
import './preview.css';

// Docs pages and controls read the same manifest that editors read (package.json `customElements`).
setCustomElementsManifest(customElements);

/** The toolbar's Locale menu: the panel's languages, and English laid out right to left to check the layout. */
const storyLocales = {
  en: 'English',
  de: 'Deutsch (German)',
  ja: '日本語 (Japanese)',
  'qps-ploc': 'Pseudo-locale (QA)',
  rtl: 'RTL check (English, dir="rtl")',
} satisfies Record<SupportedLocale | 'rtl', string>;
type StoryLocale = keyof typeof storyLocales;

/** Speaks `choice` on the page as a webview would: the document's lang and dir, and the loaded strings. */
async function applyStoryLocale(choice: StoryLocale): Promise<void> {
  const locale = choice === 'rtl' ? 'en' : choice;
  document.documentElement.lang = locale;
  document.documentElement.dir = choice === 'rtl' ? 'rtl' : 'ltr';
  await setLocale(locale);
}

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'VS Code colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: vscodeThemeIds.map((id) => ({ value: id, title: vscodeThemes[id].label })),
        dynamicTitle: true,
      },
    },
    locale: {
      description: "The panel's language (the webview document's lang; the fake editor's own language control wins)",
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: Object.entries(storyLocales).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'dark-modern' satisfies VsCodeThemeId, locale: 'en' satisfies StoryLocale },
  // A loader, not a decorator: the story renders (and its play function runs) once the language's strings are in.
  // The extensions' chunk is in before a story renders, as on a page that has shown one: a story shows a state, and
  // the load itself is tested in test/elements/extension-parts.test.ts.
  loaders: [async ({ globals }) => applyStoryLocale((globals.locale as StoryLocale | undefined) ?? 'en'), () => optionalPart.ready()],
  decorators: [
    (story, { globals, viewMode }) => {
      applyVsCodeTheme((globals.theme as VsCodeThemeId | undefined) ?? 'dark-modern');
      document.documentElement.classList.toggle('vscode-webview-page', viewMode !== 'docs');
      return viewMode === 'docs' ? html`<div class="vscode-webview-box">${story()}</div>` : story();
    },
  ],
  parameters: {
    // An axe violation fails the story's test, in the Storybook UI and in `npm run test:stories`.
    a11y: { test: 'error' },
    viewport: {
      options: {
        sidePanel: { name: 'Side panel (300 px)', styles: { width: '300px', height: '900px' }, type: 'mobile' },
        settingsEditor: { name: 'Settings editor (1000 px)', styles: { width: '1000px', height: '900px' }, type: 'desktop' },
      },
    },
    controls: { expanded: true },
  },
};

export default preview;
