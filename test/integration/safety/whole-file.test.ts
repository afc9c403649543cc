/**
 * writeWholeFile, which saves the monthly summary's HTML and PDF (in the worker, and in Electron's main
 * process): the file appears whole or not at all, its folder is made, and a place it cannot be written
 * gets the owner's message naming the file — never a raw file-system error.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeWholeFile } from '../../../electron/services/file-writer';
import { AppError } from '../../../shared/ipc/result';
import { tempDir } from '../../support/web-app';

describe('writeWholeFile', () => {
  it('makes the folder and leaves only the finished file', () => {
    const dir = tempDir('regulars-whole-file-');
    const target = path.join(dir, 'Reports', '2026', 'summary.html');
    expect(writeWholeFile(target, '<p>October</p>')).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('<p>October</p>');
    expect(readdirSync(path.dirname(target))).toEqual(['summary.html']);
  });

  it('replaces an older file of the same name whole', () => {
    const dir = tempDir('regulars-whole-file-');
    const target = path.join(dir, 'summary.pdf');
    writeWholeFile(target, Buffer.from('old'));
    writeWholeFile(target, Buffer.from('new and longer'));
    expect(readFileSync(target, 'utf8')).toBe('new and longer');
    expect(readdirSync(dir)).toEqual(['summary.pdf']);
  });

  it.each([
    ['a file stands where the folder should be', (dir: string) => (writeFileSync(path.join(dir, 'taken'), 'x'), path.join(dir, 'taken', 'summary.pdf'))],
    ['the name is a folder already', (dir: string) => (writeWholeFile(path.join(dir, 'summary.pdf', 'inside'), 'x'), path.join(dir, 'summary.pdf'))],
  ])('%s: says which file could not be saved, and leaves nothing behind', (_case, place) => {
    const dir = tempDir('regulars-whole-file-');
    const target = place(dir);
    const before = readdirSync(dir).sort();
    let thrown: unknown;
    try {
      writeWholeFile(target, Buffer.from('%PDF'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('UNAVAILABLE');
    expect((thrown as AppError).message).toContain(target);
    expect((thrown as AppError).message).toContain('Pick another folder or file name');
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
