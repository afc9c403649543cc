/**
 * Feedback scores: Net Promoter Score (Reichheld 2003; Bain & Company's definition) and customer
 * satisfaction (CSAT, share of 4–5 ratings on a 1–5 scale), with monthly trends.
 */
import type { LocalDate, YearMonth } from '../domain/dates';
import { monthOf } from '../domain/dates';

/** The fields of a feedback entry the scores need. */
export interface FeedbackInput {
  customerId: number | null;
  date: LocalDate;
  /** 0–10 answer to "How likely are you to recommend us?"; null when not asked/answered. */
  nps: number | null;
  /** 1–5 stars; null when not given. */
  rating: number | null;
  comment: string;
}

/** NPS result: the score (−100…100) and the counts behind it. */
export interface NpsResult {
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
  answers: number;
}

/**
 * Net Promoter Score = % of answers 9–10 (promoters) − % of answers 0–6 (detractors); passives
 * (7–8) count only in the denominator. Range −100…100. Null when there are no answers.
 */
export function nps(answers: ArrayLike<number | null>): NpsResult | null {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i];
    if (a === null || a === undefined || !Number.isFinite(a)) continue;
    if (a >= 9) promoters++;
    else if (a >= 7) passives++;
    else detractors++;
  }
  const total = promoters + passives + detractors;
  if (total === 0) return null;
  return { score: ((promoters - detractors) / total) * 100, promoters, passives, detractors, answers: total };
}

/** CSAT = % of ratings that are 4 or 5 on the 1–5 scale (percent). Null when there are no ratings. */
export function csat(ratings: ArrayLike<number | null>): number | null {
  let satisfied = 0;
  let total = 0;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (r === null || r === undefined || !Number.isFinite(r)) continue;
    total++;
    if (r >= 4) satisfied++;
  }
  return total > 0 ? (satisfied / total) * 100 : null;
}

/** Mean star rating (1–5). Null when there are no ratings. */
export function averageRating(ratings: ArrayLike<number | null>): number | null {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (r === null || r === undefined || !Number.isFinite(r)) continue;
    sum += r;
    total++;
  }
  return total > 0 ? sum / total : null;
}

/** One month of feedback scores. */
export interface FeedbackMonth {
  month: YearMonth;
  responses: number;
  npsScore: number | null;
  npsAnswers: number;
  csatPct: number | null;
  averageRating: number | null;
  ratings: number;
}

/** NPS, CSAT and average rating per calendar month, oldest first; months without feedback are left out. */
export function feedbackTrend(feedback: readonly FeedbackInput[]): FeedbackMonth[] {
  const byMonth = new Map<YearMonth, FeedbackInput[]>();
  for (const f of feedback) {
    const m = monthOf(f.date);
    const list = byMonth.get(m);
    if (list) list.push(f);
    else byMonth.set(m, [f]);
  }
  return [...byMonth.keys()].sort().map((month) => {
    const list = byMonth.get(month) as FeedbackInput[];
    const npsAnswers = list.map((f) => f.nps);
    const ratings = list.map((f) => f.rating);
    const n = nps(npsAnswers);
    return {
      month,
      responses: list.length,
      npsScore: n === null ? null : n.score,
      npsAnswers: n === null ? 0 : n.answers,
      csatPct: csat(ratings),
      averageRating: averageRating(ratings),
      ratings: ratings.filter((r) => r !== null).length,
    };
  });
}
