/**
 * A full garbage collection on demand, for the few moments a big import has just let go of a lot
 * (the raw file after parsing, a stretch of mapped batches). V8 otherwise grows its heap lazily and
 * a million-row import would sit at twice its live memory; collecting at those points keeps the
 * process under the 500 MB the owner's laptop can spare. A full collection costs tens of milliseconds,
 * so it only runs when the heap has actually grown big: a 100,000-row import never needs one.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much live heap, V8's own collections keep the process small enough. */
const HEAP_WORTH_COLLECTING = 160 * 1024 * 1024;

let gc: (() => void) | null | undefined;

/**
 * `always`: collect even though the heap is small — for a big block of memory outside the heap (a
 * file's bytes) that has just been let go, which V8 would otherwise free only at its next full
 * collection, after the parse has grown the heap on top of it.
 */
export function collectGarbage(always = false): void {
  if (!always && getHeapStatistics().used_heap_size < HEAP_WORTH_COLLECTING) return;
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
