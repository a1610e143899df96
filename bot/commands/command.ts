// What every slash command module exports, what its handler is given, and the reply shapes
// shared by all of them (ephemeral user errors, no mention ever parsed).

import {
  MessageFlags, PermissionFlagsBits,
  type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type InteractionReplyOptions,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { Db } from '../../db/open.ts';
import type { FetchFeed } from '../../feeds/fetch.ts';

export interface CommandContext {
  readonly db: Db;
  readonly config: Config;
  readonly now: () => number;
  readonly startedAt: number;
  readonly version: string;
  readonly fetchFeed: FetchFeed;
  /** Tells the classifier that a server's themes changed. */
  readonly themesChanged: () => Promise<void>;
}

export interface Command {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<unknown>;
  /** Buttons whose custom id starts with the command's name and a colon. */
  button?(interaction: ButtonInteraction, ctx: CommandContext, args: readonly string[]): Promise<unknown>;
}

/** A mistake the user can fix: said only to them. */
export function userError(content: string): InteractionReplyOptions & { flags: MessageFlags.Ephemeral } {
  return { content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } };
}

/** Commands that change the server's setup check the permission too, not only Discord's default. */
export function canManage(interaction: ChatInputCommandInteraction | ButtonInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

export const NEEDS_MANAGE = userError('You need the Manage Server permission for this command.');
export const SERVER_ONLY = userError('This command works in a server channel, not in direct messages.');
