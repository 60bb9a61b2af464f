// `npm test`'s runner (scripts/run-tests.mjs) on a project of its own whose suites pass and fail: every suite runs,
// each gets one summary line, and the exit code says whether any failed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const runner = join(import.meta.dirname, '../../scripts/run-tests.mjs');
const dir = mkdtempSync(join(tmpdir(), 'cs-run-tests-'));
after(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'package.json'),
  JSON.stringify({
    private: true,
    scripts: {
      first: 'node -e "require(\'fs\').appendFileSync(\'ran\', \'first \')"',
      broken: 'node -e "require(\'fs\').appendFileSync(\'ran\', \'broken \'); process.exit(3)"',
      last: 'node -e "require(\'fs\').appendFileSync(\'ran\', \'last \')"',
    },
  }),
);

const run = (...suites) => {
  rmSync(join(dir, 'ran'), { force: true });
  const result = spawnSync(process.execPath, [runner, ...suites], { cwd: dir, encoding: 'utf8' });
  const summary = result.stdout.slice(result.stdout.lastIndexOf('\nSummary\n') + 1).split('\n').filter(Boolean);
  return { status: result.status, summary, ran: spawnSync('cat', ['ran'], { cwd: dir, encoding: 'utf8' }).stdout.trim() };
};

test('a failing suite does not stop the ones after it, and the run exits 1', () => {
  const { status, summary, ran } = run('first', 'broken', 'last');
  assert.equal(ran, 'first broken last');
  assert.equal(status, 1);
  assert.equal(summary.length, 5, summary.join('\n'));
  assert.match(summary[1], /✔ first\s+passed, \d+\.\d s$/);
  assert.match(summary[2], /✘ broken\s+FAILED \(exit 3\), \d+\.\d s$/);
  assert.match(summary[3], /✔ last\s+passed, \d+\.\d s$/);
  assert.equal(summary[4], '1 of 3 suites failed');
});

test('when every suite passes the run exits 0, one line a suite', () => {
  const { status, summary, ran } = run('first', 'last');
  assert.equal(ran, 'first last');
  assert.equal(status, 0);
  assert.deepEqual(summary.slice(1).map((line) => line.trim().split(/\s+/).slice(0, 3).join(' ')), ['✔ first passed,', '✔ last passed,', 'all 2 suites']);
});

test('a suite that does not exist counts as failed', () => {
  const { status, summary } = run('first', 'missing');
  assert.equal(status, 1);
  assert.match(summary[2], /✘ missing\s+FAILED/);
});
