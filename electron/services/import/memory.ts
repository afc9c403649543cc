/**
 * A full garbage collection on demand, for the few moments a big import has just let go of a lot
 * (the raw file after parsing, a stretch of mapped batches). V8 otherwise grows its heap lazily and
 * a million-row import would sit at twice its live memory; collecting at those points keeps the
 * process under the 500 MB the owner's laptop can spare. Costs tens of milliseconds per call.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
