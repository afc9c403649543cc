import type { Db } from './connection';

/**
 * A marker that moves whenever the data changes: rows this connection changed (`total_changes()`)
 * and commits by any other connection to the same file (`PRAGMA data_version`). The backup scheduler
 * uses it to notice the edits of both worker lanes (and of a CLI command run meanwhile); the metrics
 * and report caches use it to know their result still fits the data.
 */
export function changeCount(db: Db): string {
  const own = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${own}:${others}`;
}
