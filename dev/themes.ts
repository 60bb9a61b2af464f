// The demo webview's theme colours: VS Code's own, from the same data files the stories use (dev/themes/).
// A constructable stylesheet, as the elements use, so the demo's CSP needs no inline style.
import { vscodeThemes } from './themes/vscode-themes.js';

const themeRules = Object.values(vscodeThemes).map(
  ({ bodyClass, colors }) =>
    `body.${bodyClass.split(' ').join('.')} { ${Object.entries(colors).map(([name, value]) => `${name}: ${value};`).join(' ')} }`,
);
const sheet = new CSSStyleSheet();
sheet.replaceSync(
  [
    'body { margin: 0; padding: 8px; background: var(--vscode-editor-background); }',
    // Light High Contrast's body also has vscode-high-contrast; its longer selector wins.
    ...themeRules,
  ].join('\n'),
);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
