import '@fontsource/ubuntu/400.css';
import '@fontsource/ubuntu/700.css';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json';
import { applyVsCodeTheme, vscodeThemeIds, vscodeThemes, type VsCodeThemeId } from '../stories/themes/vscode-themes.js';
import './preview.css';

// Docs pages and controls read the same manifest that editors read (package.json `customElements`).
setCustomElementsManifest(customElements);

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
  },
  initialGlobals: { theme: 'dark-modern' satisfies VsCodeThemeId },
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
