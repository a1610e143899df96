// Console mode's sink: alerts printed to a stream instead of posted to Discord.

import { renderConsoleAlert } from './console-render.ts';
import type { AlertSink } from './deliver.ts';
import type { Theme } from '../../feeds/types.ts';

export function consoleSink(out: { write(text: string): unknown }, themes: readonly Theme[]): AlertSink {
  return {
    async send(message) {
      if (message.digest) out.write(`${message.digest} digest: ${message.stories.length} stories\n`);
      for (const story of message.stories) out.write(`${renderConsoleAlert(story.alerts, themes)}\n`);
      return { ok: true, messageId: null };
    },
    // Console mode stores no message id, so there is never a message to edit.
    async edit() {
      return { ok: true, messageId: null };
    },
  };
}
