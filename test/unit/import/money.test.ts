import { describe, expect, it } from 'vitest';
import { centsOfNumber, inferMoneyColumn, parseMoney } from '../../../shared/import/money';
import type { Cell, DecimalSeparator } from '../../../shared/import/types';

describe('parseMoney: one amount with a known decimal mark', () => {
  it.each<[string, Cell, DecimalSeparator, number | null]>([
    // decimal comma with thousands separators and symbols
    ['German with euro', '1.234,50 €', ',', 123_450],
    ['French with spaces', '1 234,50', ',', 123_450],
    ['no-break space grouping', '1\u00a0234,50\u00a0€', ',', 123_450],
    ['narrow no-break space grouping', '1\u202f234,50 €', ',', 123_450],
    ['euro code after', '12,50 EUR', ',', 1250],
    ['euro before', '€12,50', ',', 1250],
    ['Brazilian real', 'R$ 1.234,56', ',', 123_456],
    ['German whole amount', '12,-', ',', 1200],
    ['millions', '1.234.567,89', ',', 123_456_789],
    ['decimal comma one digit', '12,5', ',', 1250],
    ['leading zero', '0,5', ',', 50],
    ['grouped value in a comma column', '1.234', ',', 123_400],
    // decimal point
    ['English', '1,234.50', '.', 123_450],
    ['dollar', '$1,234,567.89', '.', 123_456_789],
    ['Swiss apostrophe', "CHF 1'234.50", '.', 123_450],
    ['Swiss typographic apostrophe', '1’234.50 Fr.', '.', 123_450],
    ['pound', '£12.50', '.', 1250],
    ['US$', 'US$ 5.00', '.', 500],
    ['ISO code before', 'GBP 7.99', '.', 799],
    ['kr after', '99.00 kr', '.', 9900],
    ['Indian lakh grouping', '₹1,23,456.00', '.', 12_345_600],
    ['plain integer', '42', '.', 4200],
    ['grouped value in a point column', '1.234', '.', 123],
    // negatives and refunds
    ['parentheses', '(12.50)', '.', -1250],
    ['parentheses with symbol', '($1,234.50)', '.', -123_450],
    ['minus comma', '-12,50', ',', -1250],
    ['trailing minus', '12.50-', '.', -1250],
    ['unicode minus', '−12.50', '.', -1250],
    ['minus after symbol', '€ -12,50', ',', -1250],
    ['minus before symbol', '-€12.50', '.', -1250],
    ['explicit plus', '+12.50', '.', 1250],
    ['accounting zero dash', '€ -', '.', 0],
    ['negative zero is zero', '-0,00', ',', 0],
    // rounding beyond cents: half away from zero
    ['three decimals down', '12.344', '.', 1234],
    ['three decimals up', '12.345', '.', 1235],
    ['negative half away from zero', '-12.345', '.', -1235],
    // numbers from spreadsheet cells
    ['number', 12.5, ',', 1250],
    ['negative number', -3.2, '.', -320],
    ['binary noise 1.005', 1.005, '.', 101],
    ['binary noise 0.1+0.2', 0.1 + 0.2, '.', 30],
    ['huge number', 1e14, '.', null],
    ['NaN', Number.NaN, '.', null],
    // not amounts
    ['empty', '', '.', null],
    ['blank', '  ', '.', null],
    ['null', null, '.', null],
    ['boolean', true, '.', null],
    ['words', 'twelve', '.', null],
    ['two signs', '--12', '.', null],
    ['digits after a currency', '12€50', '.', null],
    ['two numbers', '12 EUR 13', '.', null],
    ['unknown word', '12 apples', '.', null],
    ['bad grouping', '1.2.3', ',', null],
    ['two decimal marks', '1,2,3', ',', null],
    ['grouping after the decimal mark', '1.234,5.6', ',', null],
    ['too many digits', '12345678901234', '.', null],
    ['only a symbol', '€', '.', null],
    ['date', '2024-03-05', '.', null],
  ])('%s: %j (%s) → %s', (_label, cell, decimal, expected) => {
    expect(parseMoney(cell, decimal)).toBe(expected);
  });
});

describe('inferMoneyColumn: the decimal mark is decided from all values', () => {
  it('one "1.234,50" settles a decimal comma', () => {
    const column = inferMoneyColumn(['12', '7', '1.234,50 €', '', null]);
    expect(column.decimal).toBe(',');
    expect(column.decidedBy).toBe('values');
    expect(column.filledCount).toBe(3);
    expect(column.currencies).toEqual(['€']);
    expect(column.parse('1.234,50 €')).toBe(123_450);
  });

  it('"12,50" values show a decimal comma', () => {
    const column = inferMoneyColumn(['12,50', '3,20', '1.000']);
    expect(column.decimal).toBe(',');
    expect(column.parse('1.000')).toBe(100_000);
  });

  it('"1,234.50" values show a decimal point, so "1,000" is a thousand', () => {
    const column = inferMoneyColumn(['1,234.50', '1,000', '7.5']);
    expect(column.decimal).toBe('.');
    expect(column.parse('1,000')).toBe(100_000);
  });

  it('only "1.234"-like values: the dot groups thousands', () => {
    const column = inferMoneyColumn(['1.234', '2.500', '12']);
    expect(column.decimal).toBe(',');
    expect(column.parse('2.500')).toBe(250_000);
  });

  it('only "1,234"-like values: the comma groups thousands', () => {
    const column = inferMoneyColumn(['1,234', '2,500']);
    expect(column.decimal).toBe('.');
    expect(column.parse('1,234')).toBe(123_400);
  });

  it('the majority wins, and values that contradict it are counted and not read', () => {
    const column = inferMoneyColumn(['12,50', '3,20', '1.50']);
    expect(column.decimal).toBe(',');
    expect(column.conflictCount).toBe(1);
    expect(column.parse('1.50')).toBeNull();
  });

  it('whole amounts and numbers only: the point is the default', () => {
    const column = inferMoneyColumn(['12', 13.5, '€ 7']);
    expect(column.decimal).toBe('.');
    expect(column.decidedBy).toBe('default');
    expect(column.parse(13.5)).toBe(1350);
  });

  it('spreadsheet numbers only: there is no decimal mark to decide', () => {
    const column = inferMoneyColumn([18.9, 42, 6.4, null]);
    expect(column.decidedBy).toBe('numbers');
    expect(column.parse(18.9)).toBe(1890);
  });

  it('the owner\'s choice wins over the values', () => {
    const column = inferMoneyColumn(['12.50', '3.20'], ',');
    expect(column.decidedBy).toBe('override');
    expect(column.decimal).toBe(',');
    expect(column.conflictCount).toBe(2);
  });

  it('counts unreadable values and keeps at most a few currencies', () => {
    const column = inferMoneyColumn(['free', '12 EUR', '£3', '$4', 'CHF 5', '¥6', 'SEK 7', 'NOK 8', true]);
    expect(column.unreadableCount).toBe(2);
    expect(column.currencies.length).toBeLessThanOrEqual(5);
    expect(column.currencies).toContain('EUR');
  });
});

describe('centsOfNumber', () => {
  it.each<[number, number | null]>([
    [0, 0],
    [-0, 0],
    [0.01, 1],
    [0.005, 1],
    [-0.005, -1],
    [19.99, 1999],
    [1234567.891, 123_456_789],
    [9_999_999_999_999, 999_999_999_999_900],
    [1e13, null],
    [Number.NEGATIVE_INFINITY, null],
  ])('%s → %s', (value, expected) => expect(centsOfNumber(value)).toBe(expected));
});
