// Loads the built-in themes shipped as data files in feeds/themes/builtin/.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseThemeFile } from './theme-file.ts';
import type { Theme } from '../types.ts';

export const BUILTIN_DIR = fileURLToPath(new URL('./builtin/', import.meta.url));

/** The built-in themes in a fixed order; a broken file is a bug in the release, so it throws. */
export function loadBuiltinThemes(dir: string = BUILTIN_DIR): Theme[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.theme')).sort();
  return files.map((file) => {
    const result = parseThemeFile(readFileSync(join(dir, file), 'utf8'), file);
    if (!result.ok) throw new Error(`built-in theme ${result.error}`);
    return result.theme;
  });
}
