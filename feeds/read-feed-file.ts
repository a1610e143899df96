// Reads a feed from a file or stdin and parses it exactly as ingestion parses fetched feeds.

import { readFile } from 'node:fs/promises';
import { decodeFeedBytes } from './parse/decode.ts';
import { parseFeed, type FeedParseResult } from './parse/parse-feed.ts';

export async function readFeedFile(bytes: Uint8Array, fetchedAt: Date): Promise<FeedParseResult> {
  const decoded = decodeFeedBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseFeed(decoded.text, { fetchedAt });
}

/** The bytes of FILE, or of stdin for "-", or an error sentence. */
export async function readInput(file: string, readStdin: () => Promise<Buffer>): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: string }> {
  try {
    return { ok: true, bytes: file === '-' ? await readStdin() : await readFile(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { ok: false, error: reason };
  }
}
