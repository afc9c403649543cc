import { describe, expect, it } from 'vitest';
import { plural } from '../../../shared/domain/text';

describe('plural: a count with its noun', () => {
  it.each([
    [0, 'en-GB', '0 visits'],
    [1, 'en-GB', '1 visit'],
    [2, 'en-GB', '2 visits'],
    [1204, 'en-GB', '1,204 visits'],
    [1204, 'de-DE', '1.204 visits'],
  ])('%d (%s) → %s', (count, locale, expected) => {
    expect(plural(count, 'visit', 'visits', locale)).toBe(expected);
  });
});
