// Turns a feed's bytes into text: BOM, then the HTTP charset, then the XML declaration, then
// UTF-16 sniffing, then UTF-8, then a statistical guess for bytes that are not UTF-8 and say
// nothing of their encoding. A BOM is in the bytes themselves, so it outranks a header.

import chardet from 'chardet';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; error: string };

function bomEncoding(b: Uint8Array): { encoding: string; skip: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', skip: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

/** UTF-16 without a BOM still starts with "<" or whitespace, so half its first bytes are zero. */
function sniffUtf16(b: Uint8Array): string | undefined {
  if (b.length < 4) return undefined;
  if (b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return 'utf-16le';
  if (b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return 'utf-16be';
  return undefined;
}

function declaredEncoding(b: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 512));
  return /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/** TextDecoder knows no UTF-32; it is rare enough to decode by hand. */
function decodeUtf32(b: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength - (b.byteLength % 4));
  let out = '';
  for (let i = 0; i < view.byteLength; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    out += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}

function decodeWith(encoding: string, b: Uint8Array): string | undefined {
  const label = encoding.toLowerCase();
  if (label === 'utf-32le' || label === 'utf-32') return decodeUtf32(b, true);
  if (label === 'utf-32be') return decodeUtf32(b, false);
  try {
    return new TextDecoder(label).decode(b);
  } catch {
    return undefined; // an encoding TextDecoder does not know
  }
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export function decodeFeedBytes(bytes: Uint8Array, headerCharset?: string): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'not a feed: the document is empty' };
  const bom = bomEncoding(bytes);
  const candidates: { encoding: string; body: Uint8Array }[] = [];
  if (bom) candidates.push({ encoding: bom.encoding, body: bytes.subarray(bom.skip) });
  if (headerCharset) candidates.push({ encoding: headerCharset, body: bytes });
  const sniffed = sniffUtf16(bytes);
  if (sniffed) candidates.push({ encoding: sniffed, body: bytes });
  const declared = declaredEncoding(bytes);
  if (declared) candidates.push({ encoding: declared, body: bytes });
  if (candidates.length === 0 && !isUtf8(bytes)) {
    const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
    if (guess) candidates.push({ encoding: guess, body: bytes });
  }
  candidates.push({ encoding: 'utf-8', body: bytes });
  for (const c of candidates) {
    const text = decodeWith(c.encoding, c.body);
    if (text !== undefined) return { ok: true, text: text.replace(/^\ufeff/, ''), encoding: c.encoding.toLowerCase() };
  }
  return { ok: false, error: 'the bytes could not be decoded' };
}
