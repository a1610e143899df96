// `npm run deploy-commands`: registers the slash commands now, whatever the stored hash says,
// to DISCORD_GUILD_ID when set, else globally. The bot also does this at start-up when they change.

import { REST, Routes } from 'discord.js';
import { COMMANDS } from './commands/index.ts';
import { describeConfigErrors, loadConfig, readDotEnv } from './config.ts';
import { syncCommands } from './discord/sync-commands.ts';
import { VERSION } from './version.ts';
import { openDatabase } from '../db/open.ts';

readDotEnv();
const loaded = loadConfig(process.env, VERSION);
if (!loaded.ok) {
  process.stderr.write(describeConfigErrors(loaded.errors));
  process.exit(1);
}
const { config } = loaded;
if (!config.discordToken) {
  process.stderr.write('DISCORD_TOKEN is not set; put the bot token in .env (see README, "Running it on Discord")\n');
  process.exit(1);
}
const rest = new REST({ api: config.discordApiUrl }).setToken(config.discordToken);
const db = openDatabase(config.databasePath);
try {
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  await syncCommands(db, rest, application.id, config.discordGuildId, COMMANDS, true);
  process.stdout.write(`registered ${COMMANDS.length} commands ${config.discordGuildId ? `to server ${config.discordGuildId}` : 'globally (they may take up to an hour to appear)'}\n`);
} catch (e) {
  process.stderr.write(`could not register the commands at ${config.discordApiUrl}: ${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  db.close();
}
