// /help: what the bot does and every command, from the command list itself.

import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from './command.ts';

export function helpText(commands: readonly Command[]): string {
  return [
    'Interference Watch reads European news feeds in many languages and posts one alert per story about foreign interference: diplomats expelled, influence in the European Parliament, cyberattacks, disinformation, election interference. Every alert says why it matched.',
    '',
    ...commands.map((c) => {
      const json = c.data.toJSON();
      const subs = (json.options ?? []).filter((o) => o.type === 1).map((o) => o.name);
      return `**/${json.name}**${subs.length > 0 ? ` ${subs.join(' | ')}` : ''}: ${json.description}`;
    }),
    '',
    'Queries (for /search and custom themes): words, "exact phrases", prefix*, AND, OR, NOT, parentheses, NEAR/n, title:word.',
  ].join('\n');
}

/** Built with the full list, which itself includes /help. */
export function helpCommand(all: () => readonly Command[]): Command {
  return {
    data: new SlashCommandBuilder().setName('help').setDescription('What the bot does, and every command'),
    execute: (interaction) => interaction.reply({ content: helpText(all()).slice(0, 2000), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }),
  };
}
