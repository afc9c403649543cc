/**
 * readTable takes a file's bytes to use up (FileBytes): a text file's bytes are let go as soon as
 * they are decoded, so a big export is not held twice — as bytes and as text — while it is parsed. A
 * workbook's bytes are what its reader works on; they are left as given.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable, type FileBytes } from '../../../electron/services/import/read-table';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/import', name));

describe('readTable and the bytes it is given', () => {
  it('lets go of a text file’s bytes once they are decoded, and reads the table from the text', () => {
    const file: FileBytes = { bytes: fixture('kunden-de.csv') };
    const { table, format } = readTable(file, 'kunden-de.csv');
    expect(file.bytes).toBeNull();
    expect(format).toBe('csv');
    expect(table.rows.length).toBeGreaterThan(0);
    // Used up: a second read is a programming error, said plainly.
    expect(() => readTable(file, 'kunden-de.csv')).toThrow(/used up/);
  });

  it('reads a workbook from the bytes as given', () => {
    const bytes = fixture('sales.xlsx');
    const file: FileBytes = { bytes };
    const { table, format } = readTable(file, 'sales.xlsx');
    expect(format).toBe('xlsx');
    expect(table.rows.length).toBeGreaterThan(0);
    expect(file.bytes).toBe(bytes);
  });
});
