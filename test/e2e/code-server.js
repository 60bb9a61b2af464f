// Starts a genuine VS Code (code-server 4.100.3) with the example extension, in a throwaway folder, on 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const exampleDir = join(root, 'examples/vscode-extension');

/** Installs code-server into its cache folder (or finds it there) and returns that folder. */
export function installCodeServer() {
  const out = execFileSync('bash', [join(root, 'test/e2e/install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop();
}

/** Links the example to the built package, as `npm install` in its folder does (a `file:` dependency). */
export function prepareExample() {
  if (!existsSync(join(root, 'dist/webview.js')) || !existsSync(join(root, 'dist/host.cjs'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: exampleDir, stdio: 'inherit' });
}

/** The id VS Code gives an extension folder: `publisher.name-version`, from its package.json. */
function extensionId(folder) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts code-server in its own process group, with its own home, user-data and extensions folders. The example
 * extension runs from this checkout, or, given `vsix`, as installed from that VSIX with `--install-extension`.
 * `extensions` are more extension folders to load: a folder (linked under the id its package.json gives) or
 * `{ folder, id }`.
 * Returns { url, dir, settingsPath, readSettings(), stop(), extensionHostPids() }.
 */
export async function startCodeServer(installDir, { settings = {}, vsix, extensions = [], env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cs-telemetry-e2e-'));
  for (const sub of ['home', 'ud/User', 'exts', 'ws']) mkdirSync(join(dir, sub), { recursive: true });
  const settingsPath = join(dir, 'ud/User/settings.json');
  writeFileSync(settingsPath, JSON.stringify(settings, null, 2));
  const entry = join(installDir, 'node_modules/code-server/out/node/entry.js');
  // Linked before a VSIX is installed: the install lists the folders it finds in extensions.json, and VS Code then
  // loads only what that file lists.
  for (const extension of extensions) {
    const { folder, id } = typeof extension === 'string' ? { folder: extension, id: extensionId(extension) } : extension;
    symlinkSync(folder, join(dir, 'exts', id));
  }
  if (vsix) {
    execFileSync(process.execPath, [entry, '--extensions-dir', join(dir, 'exts'), '--user-data-dir', join(dir, 'ud'), '--install-extension', vsix], {
      env: { ...process.env, HOME: join(dir, 'home') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } else {
    symlinkSync(exampleDir, join(dir, 'exts', extensionId(exampleDir)));
  }

  writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  const port = await freePort();
  const log = [];
  const child = spawn(
    process.execPath,
    [
      entry,
      '--config', join(dir, 'config.yaml'),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', join(dir, 'ud'),
      '--extensions-dir', join(dir, 'exts'),
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      join(dir, 'ws'),
    ],
    { env: { ...process.env, DO_NOT_TRACK: undefined, ...env, HOME: join(dir, 'home') }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => log.push(String(chunk)));
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  /** Signals the whole process group: code-server and its extension hosts. */
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  // Never leave it running if the test process ends first.
  process.once('exit', () => killGroup('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${log.join('')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${log.join('')}`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  const readSettings = () => JSON.parse(readFileSync(settingsPath, 'utf8') || '{}');
  /** The extension hosts of this code-server: processes of its group with `extensionHost` in their command line. */
  const extensionHostPids = () => processGroup(child.pid).filter((pid) => readCmdline(pid).includes('extensionHost'));
  return { url: `${url}/?folder=${encodeURIComponent(join(dir, 'ws'))}`, dir, settingsPath, readSettings, stop, log, extensionHostPids };
}

/** The pids of the processes in process group `group`, from /proc/<pid>/stat. */
function processGroup(group) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are state, ppid, pgrp.
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp === group) pids.push(Number(name));
    } catch {
      /* ended meanwhile */
    }
  }
  return pids;
}

function readCmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
