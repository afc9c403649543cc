/**
 * RFM scores and the named segments of the R×F grid. Recency = days since the last visit, frequency =
 * visit days, monetary = revenue; each is scored 1–5 against the shop's own customers.
 */
import { quantileSorted } from './stats';

/** The four cut points of a score: the 20/40/60/80% quantiles (type 7, linear interpolation). */
export type CutPoints = readonly [number, number, number, number];

/** Cut points for a list of values (any order). NaN cut points for an empty list. */
export function quintileCutPoints(values: ArrayLike<number>): CutPoints {
  const sorted = Float64Array.from(values).sort();
  return [quantileSorted(sorted, 0.2), quantileSorted(sorted, 0.4), quantileSorted(sorted, 0.6), quantileSorted(sorted, 0.8)];
}

/**
 * Score 1–5 = 1 + the number of cut points the value is strictly greater than. Equal values always
 * get the same score (ties are never split to balance group sizes).
 */
export function quintileScore(value: number, cuts: CutPoints): number {
  let score = 1;
  for (const c of cuts) if (value > c) score++;
  return score;
}

/** R, F and M scores (1–5) per customer, in input order. */
export interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
}

/**
 * Scores customers against each other. Recency is reversed (6 − score) so that a recent visit scores
 * 5. The three inputs are parallel arrays over the customers who have visited.
 */
export function rfmScores(recencyDays: ArrayLike<number>, frequency: ArrayLike<number>, monetary: ArrayLike<number>): RfmScores {
  const n = recencyDays.length;
  const rc = quintileCutPoints(recencyDays);
  const fc = quintileCutPoints(frequency);
  const mc = quintileCutPoints(monetary);
  const out: RfmScores = { recency: new Uint8Array(n), frequency: new Uint8Array(n), monetary: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    out.recency[i] = 6 - quintileScore(recencyDays[i] as number, rc);
    out.frequency[i] = quintileScore(frequency[i] as number, fc);
    out.monetary[i] = quintileScore(monetary[i] as number, mc);
  }
  return out;
}

/** Identifiers of the ten named R×F segments. */
export type SegmentId =
  | 'champions'
  | 'loyal'
  | 'potential-loyalists'
  | 'new'
  | 'promising'
  | 'need-attention'
  | 'about-to-sleep'
  | 'at-risk'
  | 'cant-lose'
  | 'hibernating';

/** A named segment: its label, a plain-words action for the owner and the R×F cells it covers. */
export interface SegmentDefinition {
  id: SegmentId;
  label: string;
  /** One line for the owner: what to do about these customers. */
  advice: string;
  /** Who they are, in words. */
  description: string;
  recency: readonly number[];
  frequency: readonly number[];
}

/**
 * The R×F grid of design §6. The ten cells lists cover all 25 (R, F) combinations exactly once
 * (checked by a test), so every customer with a visit gets exactly one segment.
 */
export const SEGMENTS: readonly SegmentDefinition[] = [
  {
    id: 'champions',
    label: 'Champions',
    description: 'Came recently and come often.',
    advice: 'Thank them and ask for a review or a referral; they are your best ambassadors.',
    recency: [5],
    frequency: [4, 5],
  },
  {
    id: 'loyal',
    label: 'Loyal',
    description: 'Come often and were here not long ago.',
    advice: 'Reward their loyalty with a small perk and tell them first about new things.',
    recency: [3, 4],
    frequency: [4, 5],
  },
  {
    id: 'potential-loyalists',
    label: 'Potential loyalists',
    description: 'Recent customers who have come a few times.',
    advice: 'Invite them back with a loyalty card or a reason to make it a habit.',
    recency: [4, 5],
    frequency: [2, 3],
  },
  { id: 'new', label: 'New', description: 'First came very recently.', advice: 'Welcome them warmly and give them a reason to come back soon.', recency: [5], frequency: [1] },
  {
    id: 'promising',
    label: 'Promising',
    description: 'Came recently, but only once or twice so far.',
    advice: 'Remind them what they liked; a small offer on the next visit helps.',
    recency: [4],
    frequency: [1],
  },
  {
    id: 'need-attention',
    label: 'Need attention',
    description: 'Middling on both: not seen lately, not often.',
    advice: 'Reach out personally before they drift away.',
    recency: [3],
    frequency: [3],
  },
  {
    id: 'about-to-sleep',
    label: 'About to sleep',
    description: 'Came a few times, not seen for a while.',
    advice: 'Send a friendly reminder or a seasonal offer.',
    recency: [3],
    frequency: [1, 2],
  },
  {
    id: 'at-risk',
    label: 'At risk',
    description: 'Used to come fairly often, but not lately.',
    advice: 'Contact them personally and ask how you can do better.',
    recency: [1, 2],
    frequency: [3, 4],
  },
  {
    id: 'cant-lose',
    label: "Can't lose them",
    description: 'Were among your most frequent customers, but have not been back for a long time.',
    advice: 'Call or write to them yourself: win them back with something special.',
    recency: [1, 2],
    frequency: [5],
  },
  {
    id: 'hibernating',
    label: 'Hibernating',
    description: 'Came rarely and long ago.',
    advice: 'Include them in general offers only; do not spend much effort here.',
    recency: [1, 2],
    frequency: [1, 2],
  },
];

const GRID: SegmentDefinition[] = [];
for (const s of SEGMENTS) for (const r of s.recency) for (const f of s.frequency) GRID[(r - 1) * 5 + (f - 1)] = s;

/** The segment of a customer with recency score `r` and frequency score `f` (each 1–5). */
export function segmentOf(r: number, f: number): SegmentDefinition {
  const s = GRID[(r - 1) * 5 + (f - 1)];
  if (s === undefined) throw new RangeError(`RFM scores must be 1–5, got R${r} F${f}`);
  return s;
}

/** Looks up a segment definition by id. */
export function segmentById(id: SegmentId): SegmentDefinition {
  return SEGMENTS.find((s) => s.id === id) as SegmentDefinition;
}
