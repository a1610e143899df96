// Reads a theme file: `key: value` header lines, a `---` line, then the query. Full-line `#`
// comments in the query are blanked (not removed) so error positions still point at the file.

import { FILE_LIMITS } from './query/ast.ts';
import { parseQuery } from './query/parse.ts';
import type { Theme } from '../types.ts';

const KEYS = ['id', 'name', 'description', 'emoji', 'colour', 'threshold'] as const;

export type ThemeFileResult = { ok: true; theme: Theme } | { ok: false; error: string };

export function stripComments(query: string): string {
  return query.replace(/^[ \t]*#.*$/gm, (line) => ' '.repeat(line.length));
}

export function parseThemeFile(content: string, fileName: string): ThemeFileResult {
  const split = content.split(/^---[ \t]*$/m);
  if (split.length < 2) return { ok: false, error: `${fileName}: no "---" line between the header and the query` };
  const [header, ...rest] = split;
  const fields = new Map<string, string>();
  for (const [n, line] of header!.split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const m = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (!m) return { ok: false, error: `${fileName}:${n + 1}: expected "key: value"` };
    fields.set(m[1]!, m[2]!.trim());
  }
  for (const key of KEYS) {
    if (!fields.get(key)) return { ok: false, error: `${fileName}: missing "${key}:" in the header` };
  }
  const colour = /^#([0-9a-fA-F]{6})$/.exec(fields.get('colour')!);
  if (!colour) return { ok: false, error: `${fileName}: colour must look like #1f8b4c` };
  const threshold = Number(fields.get('threshold'));
  if (!(threshold >= 0 && threshold <= 1)) return { ok: false, error: `${fileName}: threshold must be a number from 0 to 1` };
  const headerLines = header!.split('\n').length;
  const query = stripComments(rest.join('---'));
  const parsed = parseQuery(query, FILE_LIMITS);
  if (!parsed.ok) return { ok: false, error: `${fileName} (query starts on line ${headerLines + 1}): ${parsed.error}` };
  return {
    ok: true,
    theme: {
      id: fields.get('id')!,
      name: fields.get('name')!,
      description: fields.get('description')!,
      emoji: fields.get('emoji')!,
      colour: parseInt(colour[1]!, 16),
      threshold,
      query: query.trim(),
    },
  };
}
