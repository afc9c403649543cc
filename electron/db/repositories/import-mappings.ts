import type { Db } from '../connection';
import type { RememberedMapping } from '../../../shared/import/headers';
import { IMPORT_FIELDS, type ImportField, type ImportKind } from '../../../shared/import/types';

const KNOWN_FIELDS = new Set<string>(['ignore', ...IMPORT_FIELDS]);

/** Column mappings the owner confirmed, by header signature. */
export function createImportMappingsRepository(db: Db) {
  const all = db.prepare<[], { signature: string; fields: string; kind: ImportKind }>('SELECT signature, fields, kind FROM import_mappings');
  const upsert = db.prepare(
    `INSERT INTO import_mappings (signature, fields, kind, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(signature) DO UPDATE SET fields = excluded.fields, kind = excluded.kind, updated_at = excluded.updated_at`,
  );
  return {
    /** Every remembered mapping; one whose stored fields no longer make sense is skipped. */
    list(): (RememberedMapping & { kind: ImportKind })[] {
      const out: (RememberedMapping & { kind: ImportKind })[] = [];
      for (const row of all.all()) {
        try {
          const fields = JSON.parse(row.fields) as unknown;
          if (Array.isArray(fields) && fields.every((f) => typeof f === 'string' && KNOWN_FIELDS.has(f))) {
            out.push({ signature: row.signature, fields: fields as ImportField[], kind: row.kind });
          }
        } catch {
          // A damaged entry is simply not remembered.
        }
      }
      return out;
    },
    remember(signature: string, fields: readonly ImportField[], kind: ImportKind, now: string): void {
      upsert.run(signature, JSON.stringify(fields), kind, now);
    },
  };
}
