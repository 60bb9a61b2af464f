// VS Code's four default themes as a webview receives them: colour variables on <html> and a theme class on <body>.
// The colours are VS Code's own (see each JSON's `source`); scripts/vscode-theme-colors.mjs refreshes them.
import darkHighContrast from './dark-high-contrast.json';
import darkModern from './dark-modern.json';
import lightHighContrast from './light-high-contrast.json';
import lightModern from './light-modern.json';

export interface VsCodeTheme {
  label: string;
  /** The classes VS Code puts on a webview's <body> for this theme's kind. */
  bodyClass: string;
  /** Where the colours came from. */
  source: string;
  /** The variables the components read that this theme leaves unset, so the components' fallbacks apply. */
  unset: string[];
  colors: Record<string, string>;
}

export const vscodeThemes = {
  'dark-modern': darkModern,
  'light-modern': lightModern,
  'dark-high-contrast': darkHighContrast,
  'light-high-contrast': lightHighContrast,
} satisfies Record<string, VsCodeTheme>;

export type VsCodeThemeId = keyof typeof vscodeThemes;

export const vscodeThemeIds = Object.keys(vscodeThemes) as VsCodeThemeId[];

// A webview gets VS Code's UI font; Ubuntu (VS Code's Linux UI font, bundled by @fontsource/ubuntu) keeps screenshots
// the same on every machine, whatever fonts it has installed.
const fontVariables = { '--vscode-font-family': 'Ubuntu, sans-serif', '--vscode-font-size': '13px', '--vscode-font-weight': 'normal' };

const themeClasses = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];

/** Paints the document as VS Code paints a webview in this theme, replacing any theme painted before. */
export function applyVsCodeTheme(id: VsCodeThemeId, doc: Document = document): void {
  const { colors, bodyClass } = vscodeThemes[id];
  const root = doc.documentElement;
  for (const name of [...root.style]) if (name.startsWith('--vscode-')) root.style.removeProperty(name);
  for (const [name, value] of Object.entries({ ...fontVariables, ...colors })) root.style.setProperty(name, value);
  root.dataset.vscodeThemeId = id;
  doc.body.classList.remove(...themeClasses);
  doc.body.classList.add(...bodyClass.split(' '));
}
