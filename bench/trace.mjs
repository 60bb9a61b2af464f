// The long tasks of a Chromium trace (CDP Tracing, as bench/run.mjs records with BENCH_TRACE=1), and what their time
// went to. `node bench/trace.mjs bench/dist/trace-chunked-1000-4x.json` summarises a saved trace.
import { readFileSync } from 'node:fs';

// The trace's main-thread tasks longer than 50 ms: how many, the longest, their wall and CPU time, and that CPU time
// by kind of work.
const KINDS = [
  ['intersections (content-visibility)', /IntersectionObserver/],
  ['GC', /GC|Scavenge|MarkCompact|Sweep/],
  ['style', /UpdateLayoutTree|StyleRecalc|ScheduleStyle|ParseAuthorStyleSheet/],
  ['layout', /^Layout$|UpdateLayout|LayoutShift/],
  ['paint', /Paint|Layerize|Composit|Raster|UpdateLayer/],
  ['script', /FunctionCall|EvaluateScript|v8|V8|FireAnimationFrame|TimerFire|RunMicrotasks|EventDispatch|ParseHTML/],
];
export function longTaskBreakdown(traceEvents) {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return null;
  const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
  const selfMs = {};
  for (const task of tasks) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    // Self CPU time: each event's thread time less its direct children's, found with a stack of open events.
    const stack = [];
    const self = new Map();
    for (const e of inside) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      const cpu = e.tdur ?? e.dur;
      if (stack.length) self.set(stack.at(-1), self.get(stack.at(-1)) - cpu);
      self.set(e, cpu);
      stack.push(e);
    }
    for (const [e, us] of self) {
      const kind = KINDS.find(([, pattern]) => pattern.test(e.name))?.[0] ?? 'other';
      selfMs[kind] = (selfMs[kind] ?? 0) + us / 1000;
    }
  }
  const total = tasks.reduce((sum, t) => sum + t.dur / 1000, 0);
  return {
    longTasks: tasks.length,
    longestMs: Math.max(0, ...tasks.map((t) => t.dur / 1000)),
    totalMs: total,
    // The main thread's own CPU time in those tasks: the rest it waited, for the CPU throttling or the machine's load.
    onCpuMs: tasks.reduce((sum, t) => sum + (t.tdur ?? t.dur) / 1000, 0),
    selfMs: Object.fromEntries(Object.entries(selfMs).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Number(v.toFixed(1))])),
  };
}

export function describe(trace) {
  if (!trace?.longTasks) return 'no long task';
  const share = Object.entries(trace.selfMs).filter(([, ms]) => ms >= 0.5).map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`).join(', ');
  return `${trace.longTasks} long tasks, longest ${trace.longestMs.toFixed(1)} ms, ${trace.totalMs.toFixed(0)} ms in all, of which ${trace.onCpuMs.toFixed(0)} ms on the CPU (ms: ${share}), the rest waiting for it`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) console.log(`${file}: ${describe(longTaskBreakdown(JSON.parse(readFileSync(file, 'utf8')).traceEvents))}`);
}
