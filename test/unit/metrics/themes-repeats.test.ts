import { describe, expect, it } from 'vitest';
import { feedbackThemes, topThemes } from '../../../shared/metrics/themes';

/** Repeated comments are analysed once but must still count once per comment, as before. */
describe('themes of repeated comments', () => {
  it('counts a comment as often as it occurs', () => {
    const comments = ['Lovely fresh bread', 'Lovely fresh bread', 'Lovely fresh bread', 'Fresh bread, rude staff', 'Rude staff today'];
    const themes = topThemes(comments);
    expect(themes.find((t) => t.term === 'fresh bread')?.comments).toBe(4);
    expect(themes.find((t) => t.term === 'rude staff')?.comments).toBe(2);
  });

  it('gives the same themes for many copies as for the copies spelled out one by one', () => {
    const feedback = Array.from({ length: 60 }, (_, i) => ({
      customerId: i,
      date: '2026-01-01',
      nps: i % 11,
      rating: null,
      comment: ['Great coffee and friendly staff', 'Coffee was cold, waited long', 'Der Kaffee war sehr gut', 'ok', ''][i % 5] as string,
    }));
    const result = feedbackThemes(feedback);
    expect(result.notAnalysed).toBe(12);
    expect(result.praise.find((t) => t.term === 'friendly staff')?.comments).toBe(12);
    expect(result.complaints.find((t) => t.term === 'waited long')?.comments).toBe(12);
  });
});
