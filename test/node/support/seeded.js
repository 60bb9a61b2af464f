// What the seeded consent runs share: a generator that replays a seed, and the oracle that says what the rules allow,
// read from the fake editor itself rather than by the package's functions.
const KEY = 'codeStudio.telemetry.allowAnonymousTelemetry';

/** A small, seedable generator (mulberry32): the same seed, the same run. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)], chance: (p) => next() < p };
}

/** What the rules allow right now in `fake`, with the account and its switch as `state` holds them. */
export function oracle(fake, state) {
  const setting = fake.effective(KEY);
  // Fail closed: a value that is not true or false in any scope is off.
  const junk = Object.values(fake.values).some((scope) => scope.has(KEY) && typeof scope.get(KEY) !== 'boolean');
  const on = !junk && (typeof setting === 'boolean' ? setting : setting === undefined);
  const configured = fake.effective('telemetry.telemetryLevel');
  let level = ['error', 'crash', 'off'].includes(configured) ? configured : 'all';
  if (!fake.vscode.env.isTelemetryEnabled && level === 'all') level = 'off';
  return {
    usage: on && level === 'all',
    error: on && (level === 'all' || level === 'error'),
    identity: state.account !== null && state.linked === true,
  };
}
