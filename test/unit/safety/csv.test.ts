import { describe, expect, it } from 'vitest';
import { centsToDecimal, csvCell, csvLine, moneyCell, toCsv } from '../../../shared/domain/csv';

describe('csv cells', () => {
  it.each([
    ['plain', 'Anna', 'Anna'],
    ['comma', 'Smith, Anna', '"Smith, Anna"'],
    ['quote', 'the "best" bread', '"the ""best"" bread"'],
    ['line break', 'line 1\nline 2', '"line 1\nline 2"'],
    ['CRLF', 'a\r\nb', '"a\r\nb"'],
    ['edge space', ' padded ', '" padded "'],
    ['accents and emoji', 'Crème brûlée 🍰', 'Crème brûlée 🍰'],
    ['empty', '', ''],
  ])('%s', (_label, input, expected) => expect(csvCell(input)).toBe(expected));

  it.each([
    ['=HYPERLINK("http://evil","click")', `"'=HYPERLINK(""http://evil"",""click"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-12.50', "'-12.50"], // text that looks like a number is still text: neutralised
    ['+44 20 7946 0958', "'+44 20 7946 0958"],
    ['a=b', 'a=b'],
  ])('neutralises formula text %j', (input, expected) => expect(csvCell(input)).toBe(expected));

  it('writes real numbers and money as numbers, negatives included', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(moneyCell(-1250))).toBe('-12.50');
    expect(csvCell(moneyCell(5))).toBe('0.05');
    expect(csvCell(moneyCell(-5))).toBe('-0.05');
    expect(csvCell(moneyCell(123456789))).toBe('1234567.89');
    expect(csvCell(moneyCell(null))).toBe('');
    expect(centsToDecimal(0)).toBe('0.00');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('a table starts with the UTF-8 BOM and ends every line with CRLF', () => {
    const text = toCsv(['name', 'amount'], [['Zoë', moneyCell(-1250)], ['=cmd', moneyCell(300)]]);
    expect(text).toBe('\uFEFFname,amount\r\nZoë,-12.50\r\n\'=cmd,3.00\r\n');
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });
});
