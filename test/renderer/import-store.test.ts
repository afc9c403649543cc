/**
 * The Import screen's logic without a browser: what blocks an import and in which order, the
 * sentences that ask the owner, the problems CSV, progress that never runs backwards, the result
 * lines, and the store's flow (stage → preview → choices → commit with progress → undo) with the
 * api module stubbed at the module boundary.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportCommitResult, ImportHistoryEntry, ImportPreview } from '../../shared/import/preview-types';
import type { OperationProgress } from '../../renderer/src/lib/api';

const api = vi.hoisted(() => vi.fn());
const apiWithProgress = vi.hoisted(() => vi.fn());
vi.mock('../../renderer/src/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/lib/api')>()),
  api,
  apiWithProgress,
}));

const logic = await import('../../renderer/src/stores/import-logic');
const { toReview, toOutcome, historySummary, toHistoryItem } = await import('../../renderer/src/stores/import-adapter');
const { useImportStore } = await import('../../renderer/src/stores/import-store');
const { onDataChanged } = await import('../../renderer/src/stores/data-changed');
const { ApiError } = await import('../../renderer/src/lib/api-error');

const question = { column: 1, header: 'Date', ambiguousCount: 142, example: { value: '03/04/2024', dmy: '2024-04-03', mdy: '2024-03-04' } };
const day = (date: string) => logic.dayAndMonth(date, 'en-GB');

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    stageId: 'stage-0001',
    fileName: 'sales.csv',
    sheets: ['sales.csv'],
    sheet: null,
    kind: 'visits',
    detectedKind: 'visits',
    kindConfidence: 0.8,
    kindReasons: ['The same people appear on several rows, so each row is a visit or sale.'],
    layout: null,
    rememberedMapping: false,
    importedBefore: null,
    columns: [
      { index: 0, header: 'Client', field: 'name', source: 'exact', confidence: 0.95, samples: ['Anna', 'Ben'], filled: 3 },
      { index: 1, header: 'Date', field: 'date', source: 'exact', confidence: 0.95, samples: ['03/04/2024'], filled: 3 },
      { index: 2, header: 'Total', field: 'amount', source: 'exact', confidence: 0.95, samples: ['12,50'], filled: 3 },
    ],
    dateColumns: [],
    moneyColumns: [],
    blockers: [],
    rows: [],
    rowErrors: [],
    errorCount: 0,
    warnings: [],
    warningCount: 0,
    duplicates: [],
    counts: { rowsRead: 3, rowsValid: 3, rowsWithErrors: 0, people: 2 },
    ...overrides,
  };
}

const ambiguousPreview = () =>
  preview({
    dateColumns: [
      {
        column: 1,
        header: 'Date',
        field: 'date',
        format: null,
        decidedBy: 'undecided',
        needsChoice: true,
        ambiguousCount: 142,
        conflictCount: 0,
        example: question.example,
        explanation: 'Could be either.',
      },
    ],
    blockers: [{ type: 'date-format', column: 1, message: 'Column Date: choose the order.' }],
  });

function commitResult(overrides: Partial<ImportCommitResult> = {}): ImportCommitResult {
  return {
    importId: 7,
    kind: 'visits',
    rowsRead: 3,
    customersCreated: 2,
    customersUpdated: 0,
    visitsCreated: 3,
    visitsRevenueCents: 4250,
    firstDate: '2024-04-03',
    lastDate: '2024-04-05',
    feedbackCreated: 0,
    duplicatesSkipped: 0,
    rowErrors: [],
    customersMerged: 0,
    errorCount: 0,
    dryRun: false,
    ...overrides,
  };
}

describe('what stands in the way of an import', () => {
  const ready = { missingColumns: [], dateQuestions: [], errorCount: 0, goodRows: 10 };
  it.each([
    ['nothing: ready', ready, null, null],
    ['a missing column comes first', { ...ready, missingColumns: ['Choose the column with the date.'], dateQuestions: [question] }, null, 'missing-columns'],
    ['then the date question', { ...ready, dateQuestions: [question], errorCount: 3 }, null, 'date-question'],
    ['then bad rows with no decision', { ...ready, errorCount: 3 }, null, 'errors-undecided'],
    ['bad rows the owner wants to fix', { ...ready, errorCount: 3 }, 'fix-file', 'fix-file'],
    ['bad rows the owner skips', { ...ready, errorCount: 3 }, 'skip-bad-rows', null],
    ['no good row at all', { ...ready, goodRows: 0, errorCount: 2 }, 'skip-bad-rows', 'nothing-to-import'],
  ] as const)('%s', (_, facts, choice, expected) => {
    const block = logic.firstBlock({ ...facts, missingColumns: [...facts.missingColumns], dateQuestions: [...facts.dateQuestions] }, choice);
    expect(block?.type ?? null).toBe(expected);
    if (block) expect(logic.blockSentence(block)).toMatch(/\w.*[.:]/);
  });

  it('names the count of bad rows in the sentence', () => {
    expect(logic.blockSentence({ type: 'errors-undecided', errorCount: 1204 })).toBe(
      '1,204 rows have problems: choose whether to import only the good rows or fix the file.',
    );
  });
});

describe('the date question', () => {
  it('asks with the file’s own example and both readings', () => {
    expect(logic.dateQuestionSentence(question, day)).toBe(
      '142 rows in “Date” could be read either way, e.g. 03/04/2024 = 3 April or 4 March — which is right?',
    );
    expect(logic.dateAnswers(question, day)).toEqual([
      { order: 'dmy', label: 'Day first: 03/04/2024 is 3 April' },
      { order: 'mdy', label: 'Month first: 03/04/2024 is 4 March' },
    ]);
  });

  it('still asks without an example, and in the shop’s language', () => {
    expect(logic.dateQuestionSentence({ ...question, ambiguousCount: 1, example: null }, day)).toBe(
      '1 row in “Date” could be read either way — which order are the dates in?',
    );
    expect(logic.dayAndMonth('2024-03-04', 'de-DE')).toBe('4. März');
  });
});

describe('the problems as CSV', () => {
  it('has one line per problem, row and column first, formulas neutralised', () => {
    const csv = logic.problemsCsv([
      { row: 1204, column: 'Date', severity: 'error', message: "Row 1,204, column Date: '31/02/2024' is not a date." },
      { row: 9, column: null, severity: 'warning', message: '=HYPERLINK("x") is odd' },
    ]);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Row,Column,Problem,Kept?');
    // The row and the column have their own columns: the problem says only what is wrong.
    expect(lines[1]).toBe(`1204,Date,'31/02/2024' is not a date.,"no, row left out"`);
    expect(lines[2]).toBe(`9,,"'=HYPERLINK(""x"") is odd","yes, without this value"`);
  });

  it.each([
    [{ message: "Row 1,204, column Date: '31/02/2024' is not a date.", column: 'Date' }, "'31/02/2024' is not a date."],
    [{ message: 'Row 7: there is no date.', column: null }, 'There is no date.'],
    [{ message: 'Row 12, column Due: date: there is no date.', column: 'Due: date' }, 'There is no date.'],
    // Not in the usual shape: shown whole.
    [{ message: 'Something else went wrong.', column: 'Date' }, 'Something else went wrong.'],
  ])('a problem beside its row and column says only what is wrong: %j', (problem, expected) => {
    expect(logic.problemText(problem)).toBe(expected);
  });

  it.each([
    ['shop export.xlsx', 'problems-shop-export.csv'],
    ['Kunden März.csv', 'problems-Kunden-März.csv'],
    ['...', 'problems-import.csv'],
  ])('names the download after %s', (file, expected) => {
    expect(logic.problemsFileName(file)).toBe(expected);
  });
});

describe('progress', () => {
  it.each([
    [null, null],
    [0.4, null],
    [1, 'about 1 second left'],
    [12.2, 'about 13 seconds left'],
    [59, 'about 59 seconds left'],
    [89, 'about 1 minute left'],
    [600, 'about 10 minutes left'],
  ])('%s seconds left reads %s', (seconds, expected) => {
    expect(logic.timeLeftLabel(seconds)).toBe(expected);
  });

  it.each([
    [0, 100, 0],
    [50, 200, 25],
    [250, 200, 100],
    [5, null, null],
    [5, 0, null],
  ])('%s of %s is %s%%', (done, total, expected) => {
    expect(logic.progressPercent(done, total)).toBe(expected);
  });

  it('never goes backwards within a phase, and restarts with a new phase', () => {
    const at = (phase: string, done: number) => ({ phase, done, total: 100, secondsLeft: null });
    let shown = logic.nextProgress(null, at('reading', 40));
    shown = logic.nextProgress(shown, at('reading', 30));
    expect(shown.done).toBe(40);
    shown = logic.nextProgress(shown, at('saving', 5));
    expect(shown).toEqual(at('saving', 5));
    expect(logic.phaseLabel('saving')).toBe('Saving');
    expect(logic.phaseLabel('checking')).toBe('Checking the rows');
    expect(logic.phaseLabel('merging')).toBe('Merging');
  });
});

describe('the result and the history in words', () => {
  it('lists what happened and leaves out what did not', () => {
    expect(logic.resultLines(toOutcome(commitResult({ duplicatesSkipped: 1, errorCount: 2 })).counts)).toEqual([
      '2 new customers added',
      '3 visits added',
      '1 row was already imported before and skipped',
      '2 rows with problems left out',
    ]);
    expect(
      logic.resultLines({ customersCreated: 0, customersUpdated: 0, visitsCreated: 0, feedbackCreated: 0, duplicatesSkipped: 0, rowsWithErrors: 0 }),
    ).toEqual(['Nothing new: everything in this file was already in Regulars.']);
  });

  it('summarises a past import', () => {
    const entry: ImportHistoryEntry = {
      id: 1,
      fileName: 'a.csv',
      kind: 'visits',
      date: '2026-11-23T10:00:00Z',
      rowsRead: 10,
      customersCreated: 1,
      customersUpdated: 0,
      customersMerged: 0,
      visitsCreated: 1204,
      feedbackCreated: 0,
      duplicatesSkipped: 0,
      rowsLeftOut: 0,
      visitsRevenueCents: 0,
      undone: false,
      undoneAt: null,
      undoable: true,
    };
    expect(historySummary(entry)).toBe('1 new customer, 1,204 visits');
    expect(historySummary({ ...entry, customersCreated: 0, visitsCreated: 0, duplicatesSkipped: 10 })).toBe('nothing new (already imported before)');
    // An import that added and changed nothing has nothing to undo; one that only updated customers has.
    expect(toHistoryItem(entry).addedNothing).toBe(false);
    expect(toHistoryItem({ ...entry, customersCreated: 0, visitsCreated: 0, duplicatesSkipped: 10 }).addedNothing).toBe(true);
    expect(toHistoryItem({ ...entry, customersCreated: 0, visitsCreated: 0, customersUpdated: 2 }).addedNothing).toBe(false);
    expect(toHistoryItem({ ...entry, rowsLeftOut: 3 }).rowsLeftOut).toBe(3);
  });

  it('turns a preview into the review: date questions only for undecided columns, missing columns as sentences', () => {
    const review = toReview({
      ...ambiguousPreview(),
      blockers: [{ type: 'missing-field', message: 'Choose the column with the customer’s name.' }, ...ambiguousPreview().blockers],
    });
    expect(review.facts.dateQuestions).toEqual([question]);
    expect(review.facts.missingColumns).toEqual(['Choose the column with the customer’s name.']);
    expect(review.sheets).toEqual([]); // a CSV has no sheet to pick
    expect(toReview(preview({ sheet: 'Kunden', sheets: ['Kunden', 'Umsatz'] })).sheets).toEqual(['Kunden', 'Umsatz']);
  });

  it('explains how date and amount columns are read, but not an undecided date column', () => {
    const settled = preview({
      dateColumns: [{ ...ambiguousPreview().dateColumns[0]!, needsChoice: false, format: 'dmy', decidedBy: 'values', explanation: 'Read as day/month/year: 14 values only fit that order.' }],
      moneyColumns: [{ column: 2, header: 'Total', decimal: ',', decidedBy: 'values', currencies: ['€'], unreadableCount: 0, explanation: 'Read with a decimal comma (12,50).' }],
    });
    const columns = toReview(settled).columns;
    expect(columns.map((c) => [c.note, c.decimal])).toEqual([
      [null, null],
      ['Read as day/month/year: 14 values only fit that order.', null],
      ['Read with a decimal comma (12,50).', ','],
    ]);
    expect(toReview(ambiguousPreview()).columns[1]?.note).toBeNull();
  });

  it('carries when a file of the same name was imported before', () => {
    expect(toReview(preview()).importedBefore).toBeNull();
    expect(toReview(preview({ importedBefore: { importId: 4, date: '2026-11-23T17:40:00.000Z' } })).importedBefore).toBe('2026-11-23T17:40:00.000Z');
    expect(logic.whenImported('2026-11-23T17:40:00.000Z', 'en-GB')).toMatch(/^23 Nov 2026, \d\d:40$/);
  });

  it('offers no decimal-mark switch for an amount column of spreadsheet numbers', () => {
    const numbers = preview({
      moneyColumns: [{ column: 2, header: 'Total', decimal: '.', decidedBy: 'numbers', currencies: [], unreadableCount: 0, explanation: 'The amounts are numbers in the workbook.' }],
    });
    expect(toReview(numbers).columns[2]).toMatchObject({ note: 'The amounts are numbers in the workbook.', decimal: null });
  });

  it.each([
    { format: 'dmy' as const, decidedBy: 'values' as const, needsChoice: false, dateOrder: 'dmy' },
    { format: 'ymd' as const, decidedBy: 'year-first' as const, needsChoice: false, dateOrder: 'ymd' },
    { format: 'mdy' as const, decidedBy: 'override' as const, needsChoice: false, dateOrder: 'mdy' },
    // Written in full (2024-03-05, 5 March 2024): nothing to turn round.
    { format: 'ymd' as const, decidedBy: 'not-needed' as const, needsChoice: false, dateOrder: null },
    // Still a question: the date question asks it, not the column.
    { format: null, decidedBy: 'undecided' as const, needsChoice: true, dateOrder: null },
  ])('offers to turn a date column round once its order is settled ($decidedBy → $dateOrder)', ({ format, decidedBy, needsChoice, dateOrder }) => {
    const review = toReview(preview({ dateColumns: [{ ...ambiguousPreview().dateColumns[0]!, format, decidedBy, needsChoice }] }));
    expect(review.columns.map((c) => c.dateOrder)).toEqual([null, dateOrder, null]);
  });
});

describe('import store', () => {
  const initial = useImportStore.getState();
  const file = new File(['Client,Date,Total\nAnna,03/04/2024,"12,50"\n'], 'sales.csv', { type: 'text/csv' });

  beforeEach(() => {
    useImportStore.setState(initial, true);
    api.mockReset();
    apiWithProgress.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A back end whose preview is ambiguous until a date order is sent. */
  function fakeBackEnd() {
    api.mockImplementation(async (op: string, input: Record<string, unknown>) => {
      if (op === 'import:stage') return { stageId: 'stage-0001', fileName: input.fileName, sizeBytes: 10 };
      if (op === 'import:preview') {
        const dateIgnored = (input.mapping as string[] | undefined)?.[1] === 'ignore';
        return input.dateOrders || dateIgnored ? preview() : ambiguousPreview();
      }
      if (op === 'import:cancel') return { cancelled: true };
      if (op === 'imports:list') return [];
      if (op === 'imports:undo') return { importId: 7, customersRemoved: 2, customersRestored: 0, visitsRemoved: 3, feedbackRemoved: 0, message: 'Removed 3 visits and 2 customers.' };
      throw new Error(`unexpected ${op}`);
    });
  }

  it('stages a dropped file as base64 in the browser, then shows its preview with the date question', async () => {
    fakeBackEnd();
    await useImportStore.getState().openFile(file);
    const [op, input] = api.mock.calls[0] as [string, { fileName: string; dataBase64: string }];
    expect(op).toBe('import:stage');
    expect(input.fileName).toBe('sales.csv');
    expect(atob(input.dataBase64)).toContain('Anna,03/04/2024');
    const state = useImportStore.getState();
    expect(state.stage).toBe('review');
    expect(state.review?.facts.dateQuestions).toHaveLength(1);
  });

  it('answers the date question with a new preview keyed by column', async () => {
    fakeBackEnd();
    await useImportStore.getState().openFile(file);
    await useImportStore.getState().answerDate(1, 'dmy');
    expect(api).toHaveBeenLastCalledWith('import:preview', { stageId: 'stage-0001', mapping: ['name', 'date', 'amount'], dateOrders: { 1: 'dmy' } });
    expect(useImportStore.getState().review?.facts.dateQuestions).toEqual([]);
    // Answered, the question stays on screen so the answer can be changed.
    expect(useImportStore.getState().askedDates).toEqual([question]);
  });

  it('keeps earlier date questions beside new ones, in column order', () => {
    const birthday = { ...question, column: 4, header: 'Birthday' };
    const first = { ...question, column: 0, header: 'Visit' };
    expect(logic.rememberQuestions([birthday], [question, first]).map((q) => q.column)).toEqual([0, 1, 4]);
    expect(logic.rememberQuestions([question], [{ ...question, ambiguousCount: 3 }])).toEqual([{ ...question, ambiguousCount: 3 }]);
  });

  it('forgets the date question of a column that is no longer imported as a date', async () => {
    fakeBackEnd();
    await useImportStore.getState().openFile(file);
    await useImportStore.getState().setField(1, 'ignore');
    expect(api).toHaveBeenLastCalledWith('import:preview', { stageId: 'stage-0001', mapping: ['name', 'ignore', 'amount'] });
    expect(useImportStore.getState().askedDates).toEqual([]);
  });

  it('reads an amount column with the decimal mark the owner picks', async () => {
    fakeBackEnd();
    await useImportStore.getState().openFile(file);
    await useImportStore.getState().setDecimal(2, ',');
    expect(api).toHaveBeenLastCalledWith('import:preview', { stageId: 'stage-0001', mapping: ['name', 'date', 'amount'], decimals: { 2: ',' } });
  });

  it('drops a preview answer that arrives after a newer choice', async () => {
    fakeBackEnd();
    await useImportStore.getState().openFile(file);
    let releaseSlow: (value: ImportPreview) => void = () => undefined;
    api.mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)));
    const slow = useImportStore.getState().setKind('customers');
    await useImportStore.getState().answerDate(1, 'mdy');
    releaseSlow(preview({ kind: 'customers' }));
    await slow;
    expect(useImportStore.getState().review?.kind).toBe('visits');
  });

  it('says in one sentence when a file cannot be read, and stays on the file step', async () => {
    api.mockRejectedValueOnce(new ApiError('BAD_INPUT', 'This file is empty.', [], 'import:stage'));
    await useImportStore.getState().openFile(file);
    expect(useImportStore.getState()).toMatchObject({ stage: 'choose', error: 'This file is empty.' });
  });

  it('imports with progress shown only after half a second, then tells every screen the data changed', async () => {
    vi.useFakeTimers();
    fakeBackEnd();
    await useImportStore.getState().openFile(file);
    await useImportStore.getState().answerDate(1, 'dmy');
    let finish: (value: ImportCommitResult) => void = () => undefined;
    let report: (p: OperationProgress) => void = () => undefined;
    apiWithProgress.mockImplementation((_op: string, _input: unknown, onProgress: (p: OperationProgress) => void) => {
      report = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const changed = vi.fn();
    const stop = onDataChanged(changed);
    const running = useImportStore.getState().startImport();
    expect(apiWithProgress.mock.calls[0]?.[1]).toMatchObject({ stageId: 'stage-0001', skipInvalid: false, merge: [], dateOrders: { 1: 'dmy' } });
    report({ phase: 'saving', done: 2, total: 3, secondsLeft: 1 });
    await vi.advanceTimersByTimeAsync(400);
    expect(useImportStore.getState().progressShown).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(useImportStore.getState()).toMatchObject({ progressShown: true, progress: { phase: 'saving', done: 2 } });
    finish(commitResult());
    await running;
    stop();
    expect(useImportStore.getState().stage).toBe('done');
    expect(useImportStore.getState().outcome?.counts.visitsCreated).toBe(3);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('sends the owner’s choices about bad rows and duplicates with the import', async () => {
    fakeBackEnd();
    await useImportStore.getState().openFile(file);
    apiWithProgress.mockResolvedValue(commitResult());
    useImportStore.getState().setErrorChoice('skip-bad-rows');
    useImportStore.getState().decideDuplicate('dup-a', 'merge');
    useImportStore.getState().decideDuplicate('dup-b', 'separate');
    await useImportStore.getState().startImport();
    expect(apiWithProgress.mock.calls[0]?.[1]).toMatchObject({ skipInvalid: true, merge: ['dup-a'] });
  });

  it('after Cancel, says nothing was saved and keeps the file for another try', async () => {
    fakeBackEnd();
    await useImportStore.getState().openFile(file);
    let fail: (error: unknown) => void = () => undefined;
    apiWithProgress.mockImplementation(() => new Promise((_, reject) => (fail = reject)));
    const running = useImportStore.getState().startImport();
    await useImportStore.getState().cancelImport();
    expect(api).toHaveBeenLastCalledWith('import:cancel', { stageId: 'stage-0001', keepFile: true });
    fail(new ApiError('CANCELLED', 'Cancelled.', [], 'import:commit'));
    await running;
    expect(useImportStore.getState()).toMatchObject({ stage: 'review', notice: 'Import cancelled — nothing was saved.', error: null, stageId: 'stage-0001' });
  });

  it('undoes an import, says what it removed and refreshes the history', async () => {
    fakeBackEnd();
    const changed = vi.fn();
    const stop = onDataChanged(changed);
    await useImportStore.getState().undoImport(7);
    stop();
    expect(useImportStore.getState().undoMessage).toEqual({ importId: 7, ok: true, text: 'Removed 3 visits and 2 customers.' });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(api).toHaveBeenLastCalledWith('imports:list', {});
  });

  it('shows a conflict plainly when an import cannot be undone', async () => {
    fakeBackEnd();
    api.mockImplementationOnce(() => Promise.reject(new ApiError('CONFLICT', 'Anna Smith was edited after this import.', [], 'imports:undo')));
    await useImportStore.getState().undoImport(7);
    expect(useImportStore.getState().undoMessage).toEqual({ importId: 7, ok: false, text: 'Anna Smith was edited after this import.' });
  });
});
