import type { Db } from '../connection';
import { searchKey } from '../../../shared/domain/text';

/** Keys that hold personal details in the JSON row images import undo keeps (either naming style). */
const PERSONAL_KEYS: Record<string, unknown> = {
  phone: null,
  phone_digits: null,
  phoneDigits: null,
  email: null,
  birthday: null,
  notes: '',
  tags: '[]',
  external_ref: null,
  externalRef: null,
  comment: '',
  follow_up_note: '',
  followUpNote: '',
};

function scrubImage(json: string | null, erasedName: string): string | null {
  if (json === null) return null;
  try {
    const image = JSON.parse(json) as Record<string, unknown>;
    for (const [key, value] of Object.entries(PERSONAL_KEYS)) {
      if (key in image) image[key] = key === 'tags' && Array.isArray(image[key]) ? [] : value;
    }
    if ('name' in image) image.name = erasedName;
    if ('name_key' in image) image.name_key = searchKey(erasedName);
    if ('nameKey' in image) image.nameKey = searchKey(erasedName);
    return JSON.stringify(image);
  } catch {
    // Not JSON we understand: drop it rather than keep personal details.
    return null;
  }
}

/**
 * Privacy erase. The customer row stays (visits keep pointing to it, so totals and history do not
 * change) but every personal detail is overwritten, with `secure_delete` on so SQLite zeroes the
 * old bytes instead of leaving them in free space.
 */
export function createPrivacyRepository(db: Db) {
  return {
    erasedName(id: number): string {
      return `Erased customer #${id}`;
    },
    /** Overwrites the customer's details and their feedback texts. Returns false when there is no such customer. */
    erase(id: number, now: string): boolean {
      db.pragma('secure_delete = ON');
      const name = this.erasedName(id);
      return db.transaction(() => {
        const changed = db
          .prepare(
            `UPDATE customers SET name = :name, name_key = :nameKey, phone = NULL, phone_digits = NULL, email = NULL,
               birthday = NULL, tags = '[]', notes = '', marketing_consent = 0, external_ref = NULL,
               erased_at = :now, updated_at = :now
             WHERE id = :id`,
          )
          .run({ id, name, nameKey: searchKey(name), now }).changes;
        if (changed === 0) return false;
        db.prepare("UPDATE feedback SET comment = '', follow_up_note = '' WHERE customer_id = ?").run(id);
        // Import undo keeps before/after images of rows; those copies must lose the details too.
        const images = db
          .prepare<[number, number], { id: number; before: string | null; after: string | null }>(
            `SELECT id, before, after FROM import_changes
             WHERE (table_name = 'customers' AND row_id = ?)
                OR (table_name = 'feedback' AND row_id IN (SELECT id FROM feedback WHERE customer_id = ?))`,
          )
          .all(id, id);
        const rewrite = db.prepare('UPDATE import_changes SET before = ?, after = ? WHERE id = ?');
        for (const image of images) rewrite.run(scrubImage(image.before, name), scrubImage(image.after, name), image.id);
        return true;
      })();
    },
    /**
     * Rebuilds the file so no free page still holds old bytes (pages freed before secure_delete was
     * on), and empties the WAL, which can hold older copies of changed pages.
     */
    purgeFreedSpace(): void {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    /** Customers not yet erased whose last visit (or, with none, their creation) is before `cutoff`. */
    inactiveSince(cutoff: string): number[] {
      return db
        .prepare<[string], { id: number }>(
          `SELECT id FROM customers WHERE erased_at IS NULL AND coalesce(last_visit, substr(created_at, 1, 10)) < ? ORDER BY id`,
        )
        .all(cutoff)
        .map((r) => r.id);
    },
  };
}
