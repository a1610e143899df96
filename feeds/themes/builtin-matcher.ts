// The built-in themes compiled into one matcher, optionally narrowed to some theme ids.

import { loadBuiltinThemes } from './builtin.ts';
import { compileThemes, type ThemeMatcher } from './match.ts';
import type { Theme } from '../types.ts';

export type SelectedThemes = { ok: true; themes: Theme[]; matcher: ThemeMatcher } | { ok: false; error: string };

export function builtinMatcher(onlyIds: readonly string[] = []): SelectedThemes {
  const all = loadBuiltinThemes();
  const unknown = onlyIds.filter((id) => !all.some((t) => t.id === id));
  if (unknown.length > 0) {
    return { ok: false, error: `unknown theme "${unknown[0]}"; the themes are ${all.map((t) => t.id).join(', ')}` };
  }
  const themes = onlyIds.length > 0 ? all.filter((t) => onlyIds.includes(t.id)) : all;
  const compiled = compileThemes(themes);
  if (!compiled.ok) throw new Error(`built-in ${compiled.error}`);
  return { ok: true, themes, matcher: compiled.matcher };
}
