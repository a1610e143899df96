// Discord's sink: a planned message posted to its channel through the REST API, with the
// outbox's nonce enforced. discord.js's REST queue waits out 429s by their buckets; what still
// fails becomes a SinkResult that says whether to retry, pause the channel or give up.

import { DiscordAPIError, HTTPError, Routes, type REST } from 'discord.js';
import type { AlertSink, OutgoingMessage, SinkResult } from './deliver.ts';
import { renderAlertMessage, renderDigestMessage, type ThemeLook } from './render.ts';

/** Discord's codes for a channel the bot cannot reach any more. */
const GONE_CODES = new Set([10003, 50001, 50013]);

export function describeSendError(channelId: string, e: unknown): SinkResult & { ok: false } {
  if (e instanceof DiscordAPIError) {
    const what = `Discord answered HTTP ${e.status} (${e.message}) for channel ${channelId}`;
    if (e.status === 404 || e.status === 403 || GONE_CODES.has(Number(e.code))) {
      const why = e.status === 404 ? 'the channel no longer exists' : 'the bot may no longer view or post in the channel';
      return { ok: false, error: `${what}: ${why}; alerts are paused until /subscribe is run there again`, channelGone: true };
    }
    if (e.status === 400) return { ok: false, error: `${what}: the alert was refused and will not be retried`, rejected: true };
    return { ok: false, error: `${what}; retrying later` };
  }
  if (e instanceof HTTPError) return { ok: false, error: `Discord answered HTTP ${e.status} for channel ${channelId}; retrying later` };
  return { ok: false, error: `could not reach Discord for channel ${channelId} (${(e as Error).message}); retrying later` };
}

export function discordSink(rest: REST, themes: () => readonly ThemeLook[]): AlertSink {
  const render = (message: OutgoingMessage) => (message.digest
    ? renderDigestMessage(message.stories, themes(), message.nonce, message.digest)
    : renderAlertMessage(message.stories, themes(), message.nonce));
  return {
    async send(message) {
      try {
        const posted = (await rest.post(Routes.channelMessages(message.channelId), { body: render(message) })) as { id: string };
        return { ok: true, messageId: posted.id };
      } catch (e) {
        return describeSendError(message.channelId, e);
      }
    },
    async edit(message, messageId) {
      try {
        const { embeds, allowed_mentions } = render(message);
        await rest.patch(Routes.channelMessage(message.channelId, messageId), { body: { embeds, allowed_mentions } });
        return { ok: true, messageId };
      } catch (e) {
        return describeSendError(message.channelId, e);
      }
    },
  };
}
