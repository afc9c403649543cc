/** The monthly summary: pure model building and HTML rendering (no I/O, no DOM). */
export * from './types';
export * from './build';
export * from './html';
export * from './paper';
export { escapeHtml } from './format';
