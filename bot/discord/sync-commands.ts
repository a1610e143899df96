// Registers the slash commands with Discord when their definitions changed since the last
// registration (a hash kept in the database): to one server when DISCORD_GUILD_ID is set,
// which is instant, else globally.

import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { Command } from '../commands/command.ts';
import type { Db } from '../../db/open.ts';
import { getMeta, setMeta } from '../../db/meta.ts';

const KEY = 'commands_hash';

export function commandsHash(commands: readonly Command[], target: string): string {
  return createHash('sha256').update(JSON.stringify({ target, commands: commands.map((c) => c.data.toJSON()) })).digest('hex');
}

/** Returns what it did, for the log. */
export async function syncCommands(
  db: Db, rest: REST, applicationId: string, guildId: string | undefined, commands: readonly Command[], force = false,
): Promise<'unchanged' | 'registered'> {
  const target = guildId ? `guild:${guildId}` : 'global';
  const hash = commandsHash(commands, target);
  if (!force && getMeta(db, KEY) === hash) return 'unchanged';
  const body = commands.map((c) => c.data.toJSON());
  await rest.put(guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId), { body });
  setMeta(db, KEY, hash);
  return 'registered';
}
