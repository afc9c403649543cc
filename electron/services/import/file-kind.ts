/**
 * What a file really is, from its first bytes rather than its name: owners rename files, and tills
 * export "report.xls" that is really HTML or CSV. Also the zip-bomb guard for XLSX/ODS, which reads
 * the zip's own table of contents before anything is inflated.
 */
import { AppError } from '../../../shared/ipc/result';

export type FileKind = 'empty' | 'zip' | 'cfb' | 'text' | 'image' | 'pdf' | 'binary';

const MAGIC: readonly { bytes: readonly number[]; kind: FileKind }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'cfb' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'image' }, // PNG
  { bytes: [0xff, 0xd8, 0xff], kind: 'image' }, // JPEG
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'image' }, // GIF
  { bytes: [0x42, 0x4d], kind: 'image' }, // BMP (checked after the others: two bytes only)
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
];

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}

/** Control bytes that never appear in a text file (tab, line breaks and form feed excluded). */
function looksBinary(sample: Uint8Array): boolean {
  // UTF-16 text has a zero in every other byte: that is text, decided by the decoder.
  let zeros = 0;
  let controls = 0;
  for (const b of sample) {
    if (b === 0) zeros++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a && b !== 0x1b)) controls++;
  }
  const n = Math.max(1, sample.length);
  const utf16Like = zeros / n > 0.3 && zeros / n < 0.7;
  if (utf16Like) return controls / n > 0.05;
  return zeros > 0 || controls / n > 0.02;
}

export function fileKindOf(head: Uint8Array): FileKind {
  if (head.length === 0) return 'empty';
  for (const { bytes, kind } of MAGIC) {
    if (kind === 'image' && bytes.length === 2 && !looksBinary(head.subarray(0, 4096))) continue;
    if (startsWith(head, bytes)) return kind;
  }
  return looksBinary(head.subarray(0, 4096)) ? 'binary' : 'text';
}

/** Inflated size allowed for a workbook, and the largest inflate ratio of one part. */
const MAX_INFLATED_BYTES = 800 * 1024 * 1024;
const MAX_RATIO = 200;

/**
 * Reads the zip's central directory and refuses files that would inflate to an absurd size (a zip
 * bomb) or whose directory is missing (a truncated download). One sentence either way.
 */
export function checkZip(bytes: Uint8Array, fileName: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KB (after an optional comment).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new AppError('BAD_INPUT', `${fileName} is damaged or was not completely downloaded (the workbook ends too early). Export or download it again.`);
  }
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let inflated = 0;
  for (let e = 0; e < entries; e++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw new AppError('BAD_INPUT', `${fileName} is damaged (its table of contents is broken). Export or download it again.`);
    }
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    inflated += size;
    if (inflated > MAX_INFLATED_BYTES || (size > 10 * 1024 * 1024 && size > compressed * MAX_RATIO)) {
      throw new AppError('BAD_INPUT', `${fileName} would unpack to far more data than any spreadsheet holds, so it was not opened. If it is a real export, save it as CSV and import that.`);
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}
