/**
 * Text files to strings, whatever encoding the till or Excel used: UTF-8 with or without BOM, UTF-16
 * LE/BE (Excel's "Unicode text"), and the Western single-byte encodings older Windows software writes
 * (Windows-1252, Latin-1). A byte-order mark decides outright; otherwise valid UTF-8 is UTF-8, and
 * anything else goes to chardet, whose Western answers all decode as Windows-1252 (a superset of
 * Latin-1 for printable text).
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-2' | 'windows-1251';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  // A cut in the middle of a multi-byte character at the sample's end is not an error.
  let end = bytes.length;
  for (let back = 0; back < 3 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80; back++) end--;
  if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
  try {
    fatalUtf8.decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: zeros in every other byte of mostly-ASCII text. */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let evenZeros = 0;
  let oddZeros = 0;
  const n = Math.min(sample.length, 4096) & ~1;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.max(1, n / 2);
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/** The encoding of a text file's bytes, and how many BOM bytes to skip. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = bytes.subarray(0, 256 * 1024);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (isValidUtf8(sample)) return { encoding: 'utf-8', bomLength: 0 };
  const guess = (chardet.detect(sample) ?? '').toLowerCase();
  if (guess === 'iso-8859-2' || guess === 'windows-1250') return { encoding: 'iso-8859-2', bomLength: 0 };
  if (guess === 'windows-1251' || guess === 'iso-8859-5' || guess === 'koi8-r') return { encoding: 'windows-1251', bomLength: 0 };
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** The whole file as a string (BOM removed). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(body) : iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding);
  return { text, encoding };
}
