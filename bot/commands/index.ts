// Every slash command, written out once: the router serves exactly these and the deploy
// registers exactly these.

import type { Command } from './command.ts';
import { feeds } from './feeds.ts';
import { helpCommand } from './help.ts';
import { recent } from './recent.ts';
import { search } from './search.ts';
import { status } from './status.ts';
import { story } from './story.ts';
import { subscribe } from './subscribe.ts';
import { subscriptions } from './subscriptions.ts';
import { theme } from './theme.ts';
import { themes } from './themes.ts';
import { trend } from './trend.ts';
import { unsubscribe } from './unsubscribe.ts';

export const COMMANDS: readonly Command[] = [
  subscribe, unsubscribe, subscriptions, themes, theme, recent, search, story, trend, feeds, status,
  helpCommand(() => COMMANDS),
];
