// `npm test`: every suite runs, even after one fails, so one failure never hides the others. Each suite's own output
// streams as it runs; at the end one line per suite says how it went, and the exit code is 1 if any failed.
import { spawnSync } from 'node:child_process';

/** The suites, in order: each is an npm script of package.json. */
const SUITES = ['typecheck', 'lint', 'build', 'test:package', 'test:browser', 'test:node', 'test:stories'];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// `node scripts/run-tests.mjs lint test:node` runs only those suites.
const suites = process.argv.length > 2 ? process.argv.slice(2) : SUITES;

const results = [];
for (const suite of suites) {
  const started = Date.now();
  console.log(`\n── ${suite} ──`);
  const run = spawnSync(npm, ['run', '--silent', suite], { stdio: 'inherit' });
  const status = run.error ? `could not start: ${run.error.message}` : run.signal ? `killed by ${run.signal}` : run.status;
  results.push({ suite, passed: status === 0, status, seconds: (Date.now() - started) / 1000 });
}

console.log('\nSummary');
for (const { suite, passed, status, seconds } of results) {
  const outcome = passed ? 'passed' : typeof status === 'number' ? `FAILED (exit ${status})` : `FAILED (${status})`;
  console.log(`  ${passed ? '✔' : '✘'} ${suite.padEnd(14)} ${outcome}, ${seconds.toFixed(1)} s`);
}
const failed = results.filter((result) => !result.passed);
console.log(failed.length ? `${failed.length} of ${results.length} suites failed` : `all ${results.length} suites passed`);
process.exitCode = failed.length ? 1 : 0;
