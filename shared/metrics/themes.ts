/**
 * Themes in feedback comments: the most frequent words and two-word phrases, stop words and pure
 * sentiment words removed, counted once per comment, separately for praise and for complaints.
 */
import { commentSentiment, isSentimentWord, THEME_STOPWORDS, tokenize, type Sentiment } from './sentiment';
import type { FeedbackInput } from './feedback';

/** A theme and the number of comments that mention it. */
export interface Theme {
  term: string;
  comments: number;
}

/** Distinct theme terms of one comment: content words and adjacent pairs of non-stop words. */
export function commentTerms(comment: string): Set<string> {
  const tokens = tokenize(comment);
  const terms = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const keep = t.length >= 3 && !THEME_STOPWORDS.has(t) && !/^\d+$/.test(t);
    if (keep && !isSentimentWord(t)) terms.add(t);
    const next = tokens[i + 1];
    if (keep && next !== undefined && next.length >= 3 && !THEME_STOPWORDS.has(next) && !(isSentimentWord(t) && isSentimentWord(next))) {
      terms.add(`${t} ${next}`);
    }
  }
  return terms;
}

/**
 * Top `limit` themes of a set of comments, most mentioned first (ties alphabetical). A word is left
 * out when a phrase containing it is mentioned as often, so "friendly staff" does not also list "staff".
 */
export function topThemes(comments: readonly string[], limit = 10): Theme[] {
  // Shops' feedback repeats the same short comments ("Great coffee!") many times: each distinct
  // comment is tokenised once and its terms counted as often as it occurs.
  const occurrences = new Map<string, number>();
  for (const c of comments) occurrences.set(c, (occurrences.get(c) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const [c, times] of occurrences) for (const term of commentTerms(c)) counts.set(term, (counts.get(term) ?? 0) + times);
  const phrases = [...counts].filter(([t]) => t.includes(' '));
  const themes: Theme[] = [];
  for (const [term, n] of counts) {
    if (!term.includes(' ') && phrases.some(([p, pn]) => pn >= n && p.split(' ').includes(term))) continue;
    themes.push({ term, comments: n });
  }
  themes.sort((x, y) => y.comments - x.comments || x.term.localeCompare(y.term));
  return themes.slice(0, limit);
}

/** Praise and complaint themes of the shop's feedback. */
export interface FeedbackThemes {
  praise: Theme[];
  complaints: Theme[];
  /** Comments in another language, not analysed. */
  notAnalysed: number;
}

/**
 * Sorts comments into praise (positive sentiment, or neutral from a promoter 9–10 / a 4–5 rating) and
 * complaints (negative, or neutral from a detractor 0–6 / a 1–2 rating), then finds each side's themes.
 */
export function feedbackThemes(feedback: readonly FeedbackInput[], limit = 10): FeedbackThemes {
  const praise: string[] = [];
  const complaints: string[] = [];
  let notAnalysed = 0;
  // One sentiment per distinct comment: the same text always gets the same answer.
  const sentiments = new Map<string, Sentiment>();
  for (const f of feedback) {
    if (f.comment.trim() === '') continue;
    let s = sentiments.get(f.comment);
    if (s === undefined) {
      s = commentSentiment(f.comment).sentiment;
      sentiments.set(f.comment, s);
    }
    if (s === 'not-analysed') {
      notAnalysed++;
      continue;
    }
    const promoter = (f.nps !== null && f.nps >= 9) || (f.rating !== null && f.rating >= 4);
    const detractor = (f.nps !== null && f.nps <= 6) || (f.rating !== null && f.rating <= 2);
    if (s === 'positive' || (s === 'neutral' && promoter && !detractor)) praise.push(f.comment);
    else if (s === 'negative' || (s === 'neutral' && detractor && !promoter)) complaints.push(f.comment);
  }
  return { praise: topThemes(praise, limit), complaints: topThemes(complaints, limit), notAnalysed };
}
