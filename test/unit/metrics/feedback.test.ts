import { describe, expect, it } from 'vitest';
import { averageRating, csat, feedbackTrend, nps, type FeedbackInput } from '../../../shared/metrics/feedback';
import { commentSentiment, detectLanguage, tokenize } from '../../../shared/metrics/sentiment';
import { feedbackThemes, topThemes } from '../../../shared/metrics/themes';

const repeat = (value: number, times: number): number[] => Array.from({ length: times }, () => value);

describe('NPS', () => {
  it('30% promoters and 20% detractors → +10', () => {
    const answers = [9, 10, 9, 7, 8, 7, 8, 7, 0, 6];
    expect(nps(answers)).toEqual({ score: 10, promoters: 3, passives: 5, detractors: 2, answers: 10 });
  });

  it.each([
    [[10, 10], 100],
    [[0, 6], -100],
    [[7, 8], 0],
    [[null, 9, null, 5], 0],
  ])('%j → %d', (answers, score) => {
    expect(nps(answers)!.score).toBe(score);
  });

  it('no answers → null', () => {
    expect(nps([])).toBeNull();
    expect(nps([null, null])).toBeNull();
  });
});

describe('CSAT and rating', () => {
  it('5:42, 4:32, 3:10, 2:9, 1:14 → 74/107 = 69.16%', () => {
    const ratings = [...repeat(5, 42), ...repeat(4, 32), ...repeat(3, 10), ...repeat(2, 9), ...repeat(1, 14)];
    expect(csat(ratings)).toBeCloseTo((74 / 107) * 100, 10);
    expect(csat(ratings)!.toFixed(2)).toBe('69.16');
  });

  it('no ratings → null; average rating', () => {
    expect(csat([null])).toBeNull();
    expect(averageRating([5, 4, null, 3])).toBe(4);
    expect(averageRating([])).toBeNull();
  });

  it('trend per month, oldest first, months without feedback left out', () => {
    const f = (date: string, n: number | null, rating: number | null): FeedbackInput => ({ customerId: null, date, nps: n, rating, comment: '' });
    const trend = feedbackTrend([f('2024-03-02', 10, 5), f('2024-01-10', 0, 2), f('2024-01-20', 9, 4), f('2024-03-09', null, null)]);
    expect(trend.map((t) => [t.month, t.npsScore, t.csatPct, t.responses])).toEqual([
      ['2024-01', 0, 50, 2],
      ['2024-03', 100, 100, 2],
    ]);
  });
});

describe('comment sentiment', () => {
  it.each([
    ['Lovely bread and friendly staff', 'positive'],
    ['The coffee was not good', 'negative'],
    ['Not bad at all', 'positive'],
    ['Never disappointed!', 'positive'],
    ['Waited 20 minutes, staff were rude', 'negative'],
    ['I bought a baguette', 'neutral'],
    ['Delicious!', 'positive'],
    ['The croissant was not very fresh', 'negative'],
  ])('%s → %s', (comment, expected) => {
    expect(commentSentiment(comment).sentiment).toBe(expected);
  });

  it.each([
    ['Das Brot war nicht gut und sehr teuer', 'de'],
    ['Le pain était très bon mais un peu cher', 'fr'],
    ['El pan es muy bueno y no es caro', 'es'],
    ['Il pane era molto buono e non caro', 'it'],
    ['Het brood was heel lekker en niet duur', 'nl'],
  ])('non-English "%s" is detected (%s) and not analysed', (comment, lang) => {
    const result = commentSentiment(comment);
    expect(result.language).toBe(lang);
    expect(result.sentiment).toBe('not-analysed');
  });

  it('English with a few shared words stays English', () => {
    expect(detectLanguage(tokenize('The cake is a delight and the service was great'))).toBe('en');
  });
});

describe('themes', () => {
  it('counts words and two-word phrases once per comment, stop words and sentiment words removed', () => {
    const themes = topThemes(['Friendly staff and great coffee', 'The staff are friendly, coffee is great', 'Great coffee!']);
    expect(themes[0]).toEqual({ term: 'coffee', comments: 3 });
    expect(themes).toContainEqual({ term: 'great coffee', comments: 2 });
    expect(themes).toContainEqual({ term: 'staff', comments: 2 });
    expect(themes.some((t) => t.term === 'the' || t.term === 'great')).toBe(false);
  });

  it('drops a word whose phrase is mentioned as often', () => {
    const themes = topThemes(['long queue again', 'long queue on saturday']);
    expect(themes[0]).toEqual({ term: 'long queue', comments: 2 });
    expect(themes.some((t) => t.term === 'queue')).toBe(false);
  });

  it('splits praise (positive / promoters) from complaints (negative / detractors); other languages not analysed', () => {
    const f = (comment: string, n: number | null): FeedbackInput => ({ customerId: 1, date: '2024-01-01', nps: n, rating: null, comment });
    const result = feedbackThemes([
      f('Lovely sourdough bread', 10),
      f('The sourdough bread is excellent', 9),
      f('Cold coffee and rude service', 2),
      f('Coffee was cold again', 3),
      f('Sourdough every saturday', 10), // neutral words, promoter → praise
      f('Das Brot war nicht frisch', 1),
    ]);
    expect(result.praise[0]).toEqual({ term: 'sourdough', comments: 3 });
    expect(result.praise).toContainEqual({ term: 'sourdough bread', comments: 2 });
    expect(result.complaints[0]).toEqual({ term: 'coffee', comments: 2 });
    expect(result.notAnalysed).toBe(1);
  });
});
