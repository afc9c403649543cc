/**
 * Probable duplicates for the owner to review: people in the file who match no existing customer
 * exactly (by id, email, phone or name — apply.ts's matcher) but look like one: "J. Smith" beside
 * "John Smith", or the same surname and first name with a middle name, when their phone numbers end
 * alike or one of them has none. Nothing is merged unless the owner says so (import:commit `merge`).
 */
import { phoneDigits, searchKey } from '../../../shared/domain/text';
import type { DuplicateCandidate } from '../../../shared/import/preview-types';
import type { CustomerFacts, MappedRecords } from '../../../shared/import/types';
import type { ImportsRepository } from '../../db/repositories/imports';
import { CustomerMatcher, identityOf } from './apply';

const MAX_CANDIDATES = 200;

interface Existing {
  id: number;
  first: string;
  digits: string | null;
}

function nameParts(nameKey: string): { first: string; last: string } | null {
  const tokens = nameKey.replace(/[.,]/g, ' ').split(' ').filter((t) => t !== '');
  if (tokens.length < 2) return null;
  return { first: tokens[0]!, last: tokens[tokens.length - 1]! };
}

/** "j" and "john", or "john" and "john" (different middle names): the same first name, written differently. */
function firstNamesAgree(a: string, b: string): 'initial' | 'same' | null {
  if (a === b) return 'same';
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 'initial';
  return null;
}

function factsOf(records: MappedRecords): { row: number; facts: CustomerFacts }[] {
  const out: { row: number; facts: CustomerFacts }[] = [];
  for (const record of records.rows) if (record.customer) out.push({ row: record.row, facts: record.customer });
  return out;
}

/**
 * The file's people that look like, but are not certainly, an existing customer. `key` is the
 * person's identity in the file (see identityOf), which import:commit's `merge` list sends back.
 */
export function findProbableDuplicates(repo: ImportsRepository, records: MappedRecords): DuplicateCandidate[] {
  const keys = repo.matchKeys();
  if (keys.length === 0) return [];
  const matcher = new CustomerMatcher(keys);
  const bySurname = new Map<string, Existing[]>();
  for (const k of keys) {
    const parts = nameParts(k.name_key);
    if (!parts) continue;
    const list = bySurname.get(parts.last) ?? [];
    list.push({ id: k.id, first: parts.first, digits: k.phone_digits });
    bySurname.set(parts.last, list);
  }

  const seen = new Set<string>();
  const candidates: DuplicateCandidate[] = [];
  for (const { row, facts } of factsOf(records)) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (!facts.name) continue;
    const key = identityOf(facts);
    if (seen.has(key)) continue;
    seen.add(key);
    if (matcher.find(facts) !== null) continue;
    const parts = nameParts(searchKey(facts.name));
    if (!parts) continue;
    const digits = facts.phone ? phoneDigits(facts.phone) : null;
    for (const existing of bySurname.get(parts.last) ?? []) {
      const agree = firstNamesAgree(parts.first, existing.first);
      if (!agree) continue;
      const phonesEndAlike = digits !== null && existing.digits !== null && digits.length >= 4 && existing.digits.slice(-4) === digits.slice(-4);
      const phoneMissing = digits === null || existing.digits === null;
      if (!phonesEndAlike && !phoneMissing) continue;
      const image = repo.customerImage(existing.id);
      if (!image || image.erased_at) continue;
      const nameWhy = agree === 'initial' ? 'Same surname, and one first name is the initial of the other' : 'Same first name and surname, written differently';
      const phoneWhy = phonesEndAlike ? `; the phone numbers both end in ${digits!.slice(-4)}` : '; only one of them has a phone number';
      candidates.push({
        key,
        row,
        inFile: { name: facts.name, email: facts.email, phone: facts.phone },
        existing: { id: image.id, name: image.name, email: image.email, phone: image.phone },
        reason: `${nameWhy}${phoneWhy}.`,
      });
      break;
    }
  }
  return candidates;
}
