// The interaction router: a bug in a command is logged with its error and the user gets a short
// private apology, never the stack; an unknown command is answered privately too.

import { SlashCommandBuilder, type Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../bot/commands/command.ts';
import { interactionHandler } from '../bot/discord/interactions.ts';

function slashCommand(name: string, state: { deferred?: boolean } = {}) {
  const replies: { how: string; body: unknown }[] = [];
  const interaction = {
    id: '1', commandName: name, deferred: state.deferred ?? false, replied: false,
    isChatInputCommand: () => true, isAutocomplete: () => false, isButton: () => false, isRepliable: () => true,
    reply: async (body: unknown) => { replies.push({ how: 'reply', body }); },
    editReply: async (body: unknown) => { replies.push({ how: 'editReply', body }); },
    followUp: async (body: unknown) => { replies.push({ how: 'followUp', body }); },
  };
  return { interaction: interaction as unknown as Interaction, replies };
}

const broken: Command = {
  data: new SlashCommandBuilder().setName('broken').setDescription('always fails'),
  execute: async () => { throw new Error('SQLITE_CORRUPT at db/items.ts:42'); },
};

describe('interactionHandler', () => {
  it('logs a failing command and apologises privately, without the error text', async () => {
    const logged: unknown[] = [];
    const handle = interactionHandler([broken], {} as CommandContext, { error: (obj) => { logged.push(obj); } });
    const { interaction, replies } = slashCommand('broken');
    await handle(interaction);
    expect(logged).toHaveLength(1);
    expect(replies).toEqual([{ how: 'reply', body: { content: expect.stringMatching(/^Something went wrong on our side/), flags: 64, allowedMentions: { parse: [] } } }]);
    expect(JSON.stringify(replies)).not.toContain('SQLITE');
  });

  it('finishes a deferred reply with the apology', async () => {
    const handle = interactionHandler([broken], {} as CommandContext, { error: () => {} });
    const { interaction, replies } = slashCommand('broken', { deferred: true });
    await handle(interaction);
    expect(replies.map((r) => r.how)).toEqual(['editReply']);
  });

  it('answers a command the bot no longer has', async () => {
    const handle = interactionHandler([broken], {} as CommandContext, { error: () => {} });
    const { interaction, replies } = slashCommand('gone');
    await handle(interaction);
    expect(replies).toEqual([{ how: 'reply', body: { content: '/gone is no longer a command of this bot.', flags: 64 } }]);
  });
});
