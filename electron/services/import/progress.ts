import type { ServiceContext } from '../context';

/**
 * Progress for long work: at most one report every 100 ms, never going backwards, with an estimate of
 * the time left once there is enough to go on.
 */
export function createProgressReporter(ctx: ServiceContext, phase: string, total: number | null, now: () => number = () => performance.now()) {
  const started = now();
  let last = -Infinity;
  let lastDone = -1;
  return {
    report(done: number, force = false): void {
      if (!ctx.onProgress || done < lastDone) return;
      const t = now();
      if (!force && t - last < 100 && done !== total) return;
      last = t;
      lastDone = done;
      const elapsed = (t - started) / 1000;
      const secondsLeft = total && done > 0 && elapsed > 0.3 ? Math.max(0, Math.round((elapsed / done) * (total - done))) : null;
      ctx.onProgress({ phase, done, total, secondsLeft });
    },
  };
}
