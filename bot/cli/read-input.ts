// The bytes of a file named on the command line, or of stdin for "-", or an error sentence.

import { readFile } from 'node:fs/promises';

export async function readInput(file: string, readStdin: () => Promise<Buffer>): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: string }> {
  try {
    return { ok: true, bytes: file === '-' ? await readStdin() : await readFile(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { ok: false, error: reason };
  }
}
