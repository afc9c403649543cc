/** Spreadsheet import, the pure part: header mapping, kind detection, value parsing, row mapping. */
export * from './types';
export * from './headers';
export * from './layouts';
export * from './detect-kind';
export * from './dates';
export * from './money';
export * from './contact';
export * from './fingerprint';
export * from './map-rows';
