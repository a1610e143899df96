// Routes gateway interactions to the command modules. A user's mistake is answered by the
// command; a bug is logged with its stack and the user gets a short apology, never the stack.

import { MessageFlags, type Interaction } from 'discord.js';
import type { Command, CommandContext } from '../commands/command.ts';

export interface Logger { error(obj: object, msg: string): void }

const APOLOGY = 'Something went wrong on our side while answering; it has been logged. Please try again in a minute.';

export function interactionHandler(commands: readonly Command[], ctx: CommandContext, log: Logger): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (command) await command.execute(interaction, ctx);
        else await interaction.reply({ content: `/${interaction.commandName} is no longer a command of this bot.`, flags: MessageFlags.Ephemeral });
      } else if (interaction.isAutocomplete()) {
        await byName.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
      } else if (interaction.isButton()) {
        const [name, ...args] = interaction.customId.split(':');
        const command = byName.get(name ?? '');
        if (command?.button) await command.button(interaction, ctx, args);
      }
    } catch (e) {
      log.error({ err: e, interaction: interaction.id }, 'interaction failed');
      if (!interaction.isRepliable()) return;
      const answer = { content: APOLOGY, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
      try {
        if (interaction.deferred && !interaction.replied) await interaction.editReply({ content: APOLOGY });
        else if (interaction.replied) await interaction.followUp(answer);
        else await interaction.reply(answer);
      } catch (second) {
        log.error({ err: second, interaction: interaction.id }, 'could not even apologise');
      }
    }
  };
}
