// Discord mode's edge: the discord.js client (Guilds intent only), logged in through
// DISCORD_API_URL; interactions routed to the commands; commands registered when they changed.
// Alerts leave through the same client's REST queue, which needs no gateway connection.

import { Client, Events, GatewayIntentBits, Routes } from 'discord.js';
import type { Logger as Pino } from 'pino';
import { interactionHandler } from './interactions.ts';
import { syncCommands } from './sync-commands.ts';
import { discordSink } from '../alerts/discord-sink.ts';
import { cut } from '../alerts/render.ts';
import type { AlertSink } from '../alerts/deliver.ts';
import { COMMANDS } from '../commands/index.ts';
import type { CommandContext } from '../commands/command.ts';
import type { Config } from '../config.ts';
import type { Runtime } from '../runtime.ts';
import { allThemes } from '../../db/themes.ts';
import type { Classifier } from '../../feeds/classify.ts';

export interface DiscordDeps {
  readonly runtime: Runtime;
  readonly config: Config;
  readonly token: string;
  readonly log: Pino;
  readonly startedAt: number;
  readonly version: string;
  readonly classifier: Classifier;
}

export type DiscordStart =
  | { ok: true; sink: AlertSink; notify: (channelId: string, text: string) => Promise<void>; stop: () => Promise<void> }
  | { ok: false; error: string };

export function deadFeedNotice(url: string, error: string): string {
  return `The feed <${url}> added here has failed for 3 days and is no longer polled. Last error: ${cut(error, 1500)}. Remove it with /feeds remove, or add it again once it works.`;
}

export function createClient(config: Config): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.discordApiUrl } });
}

export async function startDiscord(deps: DiscordDeps): Promise<DiscordStart> {
  const { runtime, config, log } = deps;
  const client = createClient(config);
  const ctx: CommandContext = {
    db: runtime.db, config, now: Date.now, startedAt: deps.startedAt, version: deps.version, fetchFeed: runtime.fetchFeed,
    themesChanged: () => deps.classifier.setThemes(allThemes(runtime.db)),
  };
  client.on(Events.InteractionCreate, interactionHandler(COMMANDS, ctx, log));
  client.on(Events.Error, (e) => log.error({ err: e }, 'Discord client error'));
  client.once(Events.ClientReady, (ready) => {
    log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord');
    syncCommands(runtime.db, client.rest, ready.application.id, config.discordGuildId, COMMANDS).then(
      (done) => log.info({ target: config.discordGuildId ?? 'global' }, `slash commands ${done}`),
      (e: Error) => log.error({ err: e }, `could not register the slash commands: ${e.message}`),
    );
  });
  try {
    await client.login(deps.token);
  } catch (e) {
    await client.destroy();
    const message = (e as Error).message;
    return { ok: false, error: `could not log in to Discord at ${config.discordApiUrl}: ${message}${/token/i.test(message) ? ' (check DISCORD_TOKEN)' : ''}` };
  }
  return {
    ok: true,
    sink: discordSink(client.rest, () => allThemes(runtime.db)),
    notify: async (channelId, text) => {
      try {
        await client.rest.post(Routes.channelMessages(channelId), { body: { content: cut(text, 2000), allowed_mentions: { parse: [] } } });
      } catch (e) {
        log.warn({ err: e, channel: channelId }, 'could not post a notice');
      }
    },
    stop: () => client.destroy(),
  };
}
