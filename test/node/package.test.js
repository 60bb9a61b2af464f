// The packed tarball as an embedder gets it: the example extension compiles against it, without `paths`, as a
// CommonJS extension (how most VS Code extensions compile), as an ES module one, and with Node10 resolution.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const exampleSource = readFileSync(join(root, 'examples/vscode-extension/extension.js'), 'utf8');
let dir;
let tarball;
let packedFiles;

before(() => {
  if (!existsSync(join(root, 'dist/host.cjs'))) throw new Error('dist/ is missing: run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'cs-telemetry-pack-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  tarball = join(dir, packed.filename);
  packedFiles = packed.files.map((file) => file.path);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A consumer folder with the tarball unpacked as node_modules/@code-studio/telemetry-settings, the way npm installs it.
 * Its dependencies (lit and the packages npm hoists beside it) and @types are linked from this project's
 * node_modules: npm cannot install them from its cache without the registry's package lists.
 */
function consumer(name, packageJson, tsconfig, sources) {
  const folder = join(dir, name);
  const installed = join(folder, 'node_modules/@code-studio/telemetry-settings');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  for (const dependency of ['lit', 'lit-html', 'lit-element', '@lit', '@types', 'csstype']) symlinkSync(join(root, 'node_modules', dependency), join(folder, 'node_modules', dependency));
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ private: true, ...packageJson }));
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', allowJs: true, checkJs: true, noEmit: true, strict: true, skipLibCheck: false, lib: ['ES2022', 'DOM'], types: ['node', 'vscode'], ...tsconfig }, include: ['*'] }));
  for (const [file, text] of Object.entries(sources)) writeFileSync(join(folder, file), text);
  return folder;
}

/** tsc's complaints about the folder, '' when it compiles. */
async function typeCheck(folder) {
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', folder], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return error.stdout || String(error);
  }
}

/** The example written as an ES module: its require() calls as imports, its module.exports as an export. */
function asEsModule(source) {
  const converted = source
    .replace(/^const (\w+) = require\(('[^']+')\);$/gm, 'import * as $1 from $2;')
    .replace(/^const (\{[^}]+\}) = require\(('[^']+')\);$/gm, 'import $1 from $2;')
    .replace(/^module\.exports = (\{[^}]+\});$/m, 'export $1;');
  assert.doesNotMatch(converted, /require\(|module\.exports/, 'the example has a require() this test cannot turn into an import');
  return converted;
}

// A TypeScript extension's use of the host entry, and (for the resolutions that ignore module kinds) every entry.
const hostProbe = `import { connectTelemetryHost, type TelemetryHostOptions } from '@code-studio/telemetry-settings/host';
export const connect: (webview: Parameters<typeof connectTelemetryHost>[0], options: TelemetryHostOptions) => { dispose(): void } = connectTelemetryHost;
`;
const everyEntryProbe = `${hostProbe}import type { CsTelemetrySettings } from '@code-studio/telemetry-settings';
import '@code-studio/telemetry-settings/define.js';
import '@code-studio/telemetry-settings/webview.js';
export const panel: CsTelemetrySettings | null = document.querySelector('cs-telemetry-settings');
`;

// A React 19 settings page: the JSX types entry makes the tags and their attributes known, and only those.
const reactPage = `import type {} from '@code-studio/telemetry-settings/jsx';
export const page = (
  <section>
    <cs-telemetry-settings timeout={5000} />
    <cs-telemetry-data-types account-saving events-offered />
    <cs-telemetry-status-badge status="on" locked />
  </section>
);
// @ts-expect-error: timeout is a number of milliseconds
export const wrongType = <cs-telemetry-settings timeout="soon" />;
// @ts-expect-error: an attribute the element does not document
export const unknownAttribute = <cs-telemetry-data-types accountsaving />;
`;

// Four compilers' worth of work: run them side by side.
describe('the tarball type-checks', { concurrency: true }, () => {
  test('a CommonJS extension (module Node16) compiles against the tarball', async () => {
    const folder = consumer('commonjs', {}, { module: 'Node16', moduleResolution: 'Node16' }, { 'extension.js': exampleSource, 'probe.cts': hostProbe });
    assert.equal(await typeCheck(folder), '');
  });

  test('an ES module extension (module NodeNext) compiles against the tarball', async () => {
    const folder = consumer('esm', { type: 'module' }, { module: 'NodeNext', moduleResolution: 'NodeNext' }, { 'extension.js': asEsModule(exampleSource), 'probe.ts': everyEntryProbe });
    assert.equal(await typeCheck(folder), '');
  });

  test('an extension with Node10 resolution finds ./host, ./define.js and ./webview.js', async () => {
    const folder = consumer('node10', {}, { module: 'CommonJS', moduleResolution: 'Node10' }, { 'extension.js': exampleSource, 'probe.ts': everyEntryProbe });
    assert.equal(await typeCheck(folder), '');
  });

  test('a React 19 page written in TSX compiles with the JSX types entry', async () => {
    const folder = consumer('react', { type: 'module' }, { module: 'NodeNext', moduleResolution: 'NodeNext', jsx: 'react-jsx', types: [] }, { 'page.tsx': reactPage });
    assert.equal(await typeCheck(folder), '');
  });
});

test('the tarball holds what an embedder needs and nothing else', () => {
  const needed = ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'custom-elements.json', 'vscode.html-custom-data.json',
    'vscode.css-custom-data.json', 'web-types.json', 'types/jsx.d.ts', 'docs/protocol.md', 'dist/webview.js', 'dist/host.cjs',
    'dist/host.d.cts', 'dist/host.js', 'dist/host.d.ts', 'dist/index.js', 'dist/index.d.ts', 'dist/define.js'];
  for (const file of needed) assert.ok(packedFiles.includes(file), `${file} is not in the tarball`);
  const extra = packedFiles.filter((file) => !needed.includes(file) && !/^dist\/.+\.(js|d\.ts)$/.test(file));
  assert.deepEqual(extra, [], 'files an embedder does not need');
  assert.deepEqual(packedFiles.filter((file) => /^dist\/(demo|host)\//.test(file) || file.endsWith('.map')), [], 'demo, stale host declarations or source maps');
});

test('the example extension type-checks without mapping the package to its sources', () => {
  assert.doesNotMatch(readFileSync(join(root, 'examples/vscode-extension/tsconfig.json'), 'utf8'), /"paths"/);
});

test('custom-elements.json is exported, so require.resolve finds it', () => {
  const folder = consumer('resolve', {}, {}, {});
  const resolved = execFileSync(process.execPath, ['-p', "require.resolve('@code-studio/telemetry-settings/custom-elements.json')"], { cwd: folder, encoding: 'utf8', stdio: 'pipe' });
  assert.equal(resolved.trim(), join(folder, 'node_modules/@code-studio/telemetry-settings/custom-elements.json'));
});
