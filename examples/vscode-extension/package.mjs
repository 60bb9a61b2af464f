// `npm run package`: this extension as a VSIX that runs on its own. esbuild bundles extension.js with the package's
// host module into dist/extension.js; the panel's page needs only the package's webview files, copied beside the
// bundle (the page's default dist folder is the one the host code runs from). The rest of the package, lit's
// sources and this folder's node_modules stay out. vsce packages a folder staged with just that, so this folder
// keeps running from a checkout as it is (main: extension.js).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const require = createRequire(import.meta.url);
export const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
/** Where `npm run package` writes the VSIX. */
export const vsixPath = join(here, `${manifest.name}-${manifest.version}.vsix`);
/** The files beside package.json that ship as they are. */
const SHIPPED = ['README.md', 'LICENSE', '.vscodeignore'];

/** The installed package's dist folder; links the package first (`npm install` here: a file: link, no download). */
function packageDist() {
  if (!existsSync(join(here, 'node_modules/@code-studio/telemetry-settings'))) {
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: here, stdio: 'inherit' });
    if (install.status !== 0) throw new Error('npm install in examples/vscode-extension failed');
  }
  const dist = join(dirname(require.resolve('@code-studio/telemetry-settings/package.json')), 'dist');
  if (!existsSync(join(dist, 'webview.js'))) throw new Error(`${dist} has no webview.js: run \`npm run build\` at the repository's root first`);
  return dist;
}

/** The page's files in the package's dist: webview.js, the chunks it loads, each language's strings. */
function webviewFiles(dist) {
  const top = readdirSync(dist).filter((name) => /^webview(-[\w-]+)?\.js$/.test(name));
  const locales = readdirSync(join(dist, 'locales')).filter((name) => name.endsWith('.js')).map((name) => `locales/${name}`);
  return [...top, ...locales];
}

/** Writes into `dir` exactly what the VSIX holds, and returns `dir`. */
export async function stageExtension(dir = mkdtempSync(join(tmpdir(), 'cs-telemetry-vsix-'))) {
  const dist = packageDist();
  await build({
    entryPoints: [join(here, 'extension.js')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outfile: join(dir, 'dist/extension.js'),
    logLevel: 'warning',
  });
  for (const file of webviewFiles(dist)) cpSync(join(dist, file), join(dir, 'dist', file));
  for (const file of SHIPPED) cpSync(join(here, file), join(dir, file));
  // The manifest as it ships: the bundle is the entry; nothing is installed beside it, nothing is built.
  const shipped = { ...manifest, main: './dist/extension.js' };
  for (const key of ['scripts', 'dependencies', 'devDependencies']) delete shipped[key];
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`);
  return dir;
}

/** Runs vsce in `cwd`: `ls` lists what would ship, `package` writes the VSIX. Returns its output. */
export function vsce(cwd, args) {
  const cli = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  // The README's relative links point into the repository, at this folder.
  const repository = `${manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}`;
  const folder = manifest.repository.directory;
  const links = args[0] === 'package' ? ['--baseContentUrl', `${repository}/blob/HEAD/${folder}`, '--baseImagesUrl', `${repository}/raw/HEAD/${folder}`] : [];
  const run = spawnSync(process.execPath, [cli, ...args, '--no-dependencies', ...links], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vsce ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  return `${run.stdout}${run.stderr}`;
}

/** Stages the extension, packages it into `out`, and returns the VSIX's path, size and vsce's words. */
export async function packageExtension(out = vsixPath) {
  const dir = await stageExtension();
  try {
    const output = vsce(dir, ['package', '--out', out]);
    return { path: out, bytes: statSync(out).size, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(dirname(vsixPath), { recursive: true });
  const { path, bytes, output } = await packageExtension();
  process.stdout.write(output);
  console.log(`${relative(process.cwd(), path) || path}: ${(bytes / 1024).toFixed(1)} KB`);
}
