import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';

// `cem analyze` writes custom-elements.json from the JSDoc on each element class; Storybook's docs and editors read it.
// From the same manifest: VS Code's HTML and CSS custom data, JetBrains' web-types, and JSX types for React 19.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    publicApiOnly(),
    modulesInPathOrder(),
    customElementVsCodePlugin({
      outdir: '.',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      descriptionSrc: 'summary',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({ outdir: '.', webTypesFileName: 'web-types.json', descriptionSrc: 'summary', hideLogs: true }),
    // Typed from the built modules' own classes (types/ sits beside dist/), so a property's type is the element's own.
    jsxTypesPlugin({
      outdir: 'types',
      fileName: 'jsx.d.ts',
      componentTypePath: (_name, _tag, modulePath) => `../dist/${modulePath.replace(/^src\//, '').replace(/\.ts$/, '.js')}`,
      stronglyTypedEvents: true,
      hideLogs: true,
    }),
  ],
};

// The manifest is the public API: drop private and static members, and the attribute the analyzer derives from
// internal reactive state (`state: true`), which no one can set.
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#') && !m.static);
        const fields = new Set(declaration.members.map((m) => m.name));
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !a.fieldName || fields.has(a.fieldName));
      }
    },
  };
}

// The analyzer lists modules in the order the file system returns them, which differs between copies of the tree (a
// fresh clone, the manifest test's temporary copy): sort them, so the same sources always give the same manifest.
function modulesInPathOrder() {
  return {
    name: 'modules-in-path-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}
