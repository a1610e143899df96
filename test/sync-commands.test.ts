// Slash commands are registered only when their definitions (or the target) changed since the
// last registration, whose hash the database keeps.

import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../bot/commands/index.ts';
import { syncCommands } from '../bot/discord/sync-commands.ts';
import { openDatabase } from '../db/open.ts';

function recordingRest() {
  const puts: { route: string; count: number }[] = [];
  const rest = { put: async (route: string, options: { body: unknown[] }) => { puts.push({ route, count: options.body.length }); return []; } };
  return { puts, rest: rest as unknown as REST };
}

describe('syncCommands', () => {
  it('registers once, skips while nothing changed, and again for another target', async () => {
    const db = openDatabase(':memory:');
    const { puts, rest } = recordingRest();
    expect(await syncCommands(db, rest, 'app', '123456789012345678', COMMANDS)).toBe('registered');
    expect(await syncCommands(db, rest, 'app', '123456789012345678', COMMANDS)).toBe('unchanged');
    expect(await syncCommands(db, rest, 'app', undefined, COMMANDS)).toBe('registered');
    expect(await syncCommands(db, rest, 'app', undefined, COMMANDS.slice(1))).toBe('registered');
    expect(await syncCommands(db, rest, 'app', undefined, COMMANDS.slice(1), true)).toBe('registered');
    expect(puts).toEqual([
      { route: '/applications/app/guilds/123456789012345678/commands', count: COMMANDS.length },
      { route: '/applications/app/commands', count: COMMANDS.length },
      { route: '/applications/app/commands', count: COMMANDS.length - 1 },
      { route: '/applications/app/commands', count: COMMANDS.length - 1 },
    ]);
  });
});
