// Theme autocompletion and lookup shared by the commands that take a theme.

import type { AutocompleteInteraction } from 'discord.js';
import { listThemes, type StoredTheme } from '../../db/themes.ts';
import type { Db } from '../../db/open.ts';

export function findTheme(db: Db, guildId: string | null, idOrName: string): StoredTheme | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return listThemes(db, guildId ?? undefined).find((t) => t.id === wanted || t.name.toLowerCase() === wanted);
}

export function unknownTheme(db: Db, guildId: string | null, given: string): string {
  const ids = listThemes(db, guildId ?? undefined).map((t) => t.id);
  return `There is no theme "${given.slice(0, 60)}". The themes are: ${ids.join(', ')}. /themes describes them.`;
}

export async function autocompleteTheme(interaction: AutocompleteInteraction, db: Db): Promise<void> {
  const typed = interaction.options.getFocused().toLowerCase();
  const choices = listThemes(db, interaction.guildId ?? undefined)
    .filter((t) => t.id.includes(typed) || t.name.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((t) => ({ name: `${t.emoji} ${t.name}`.slice(0, 100), value: t.id }));
  await interaction.respond(choices);
}
