// Discord mode end to end: the bot process logs in to the fake Discord with the real discord.js
// client, registers its commands, answers slash commands arriving as gateway interactions, and
// posts alerts as REST messages, safe and within every limit.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFeed, insertGuildFeed } from '../db/feeds.ts';
import { openDatabase } from '../db/open.ts';
import { ADMIN, CHANNELS, GUILD_ID, startFakeDiscord, TOKEN, type FakeDiscord, type InteractionRecord } from './support/fake-discord.ts';
import { rssFeed, startFeedServer, type FeedServer } from './support/feed-server.ts';

let discord: FakeDiscord;
let feeds: FeedServer;
let dir: string;
let bot: ChildProcess;
let stderr = '';

const now = () => new Date().toUTCString();
const HOSTILE_TITLE = `@everyone <@&123456789012345678> <@123456789012345678> **Poland** expels [Russian](https://evil.example) diplomats ${'x'.repeat(10_000)}`;

function startBot(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env: {
      ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: GUILD_ID, DATABASE_PATH: join(dir, 'bot.db'),
      DEFAULT_FEEDS: 'none', POLL_CRON: '*/2 * * * * *', LOG_LEVEL: 'info', ALLOW_PRIVATE_ADDRESSES: '1',
    },
  });
  child.stderr!.on('data', (d) => (stderr += d));
  return child;
}

const reply = (r: InteractionRecord) => discord.until(() => r.callback && (r.callback.type === 5 ? r.original?.edited_timestamp && r.original : r.callback));

beforeAll(async () => {
  discord = await startFakeDiscord();
  feeds = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'iw-discord-'));
  feeds.feeds.set('news.xml', { body: rssFeed('Baltic Wire', [
    { guid: 'old', title: 'Lithuania expels three Chinese diplomats', link: 'https://wire.example/old', pubDate: now() },
  ]) });
  // A feed this server added long ago, failing for three days: the first cycle marks it dead.
  // The database is no longer empty, so the default list is not loaded: the shared feed goes in here.
  const db = openDatabase(join(dir, 'bot.db'));
  insertFeed(db, `${feeds.base}/feeds/news.xml`, {}, Date.now());
  insertGuildFeed(db, `${feeds.base}/503`, { guildId: GUILD_ID, userId: ADMIN.id, channelId: CHANNELS[2]!, title: 'Gone Gazette', language: null }, Date.now());
  db.prepare('UPDATE feeds SET consecutive_failures = 40, failing_since = ? WHERE url = ?').run(Date.now() - 3 * 86_400_000 - 60_000, `${feeds.base}/503`);
  db.close();
  bot = startBot();
  await discord.until(() => discord.commands.guild.get(GUILD_ID), 30_000);
  // The first cycle has stored the first story before anyone subscribed.
  await discord.until(() => stderr.includes('"msg":"cycle:'), 30_000);
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await discord?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Discord mode', () => {
  it('logs in with the Guilds intent only and registers every command to the development server', () => {
    expect(discord.identified()).toBe(1);
    const names = (discord.commands.guild.get(GUILD_ID) as { name: string }[]).map((c) => c.name).sort();
    expect(names).toEqual(['feeds', 'help', 'recent', 'search', 'status', 'story', 'subscribe', 'subscriptions', 'theme', 'themes', 'trend', 'unsubscribe']);
    const subscribe = (discord.commands.guild.get(GUILD_ID) as { name: string; default_member_permissions: string | null }[]).find((c) => c.name === 'subscribe')!;
    expect(subscribe.default_member_permissions).toBe('32');
  });

  it('posts one notice where a server feed was added when it dies', async () => {
    const [notice] = await discord.until(() => discord.messages.get(CHANNELS[2]!)!.length > 0 && discord.messages.get(CHANNELS[2]!)!);
    expect(notice!.content).toMatch(new RegExp(`^The feed <${feeds.base}/503> added here has failed for 3 days and is no longer polled\\. Last error: .*503`));
    expect(notice!.allowed_mentions).toEqual({ parse: [] });
    discord.messages.get(CHANNELS[2]!)!.length = 0;
  });

  it('/subscribe confirms and shows the recent stories of the theme', async () => {
    const r = discord.command('subscribe', [{ name: 'theme', type: 3, value: 'expulsions' }]);
    const cb = await reply(r);
    expect(cb).toMatchObject({ type: 4 });
    expect(r.callback!.data!.content).toContain('Subscribed: this channel gets 🚪 **Expulsions** alerts.');
    expect(JSON.stringify(r.callback!.data!.embeds)).toContain('Lithuania expels three Chinese diplomats');
    expect(r.callback!.data!.allowed_mentions).toEqual({ parse: [] });
  });

  it('refuses /subscribe to members without Manage Server, and unknown themes, each privately', async () => {
    const member = discord.command('subscribe', [{ name: 'theme', type: 3, value: 'expulsions' }], { admin: false });
    await reply(member);
    expect(member.callback!.data).toMatchObject({ content: 'You need the Manage Server permission for this command.', flags: 64 });
    const unknown = discord.command('subscribe', [{ name: 'theme', type: 3, value: 'football' }]);
    await reply(unknown);
    expect(unknown.callback!.data!.content).toMatch(/^There is no theme "football". The themes are: .*expulsions/);
    expect(unknown.callback!.data!.flags).toBe(64);
    const language = discord.command('subscribe', [{ name: 'theme', type: 3, value: 'expulsions' }, { name: 'languages', type: 3, value: 'en, klingon' }]);
    await reply(language);
    expect(language.callback!.data!.content).toContain('Unknown language code "klingon"');
  });

  it('autocompletes themes', async () => {
    const r = discord.command('subscribe', [{ name: 'theme', type: 3, value: 'cyb', focused: true }], { type: 4 });
    await discord.until(() => r.callback);
    expect(r.callback).toEqual({ type: 8, data: { choices: [{ name: '💻 Cyberattacks', value: 'cyberattacks' }] } });
  });

  it('posts a new story once, safely: nothing pings, nothing formats, every limit kept, nonce enforced', async () => {
    feeds.feeds.set('news.xml', { body: rssFeed('Baltic Wire', [
      { guid: 'old', title: 'Lithuania expels three Chinese diplomats', link: 'https://wire.example/old', pubDate: now() },
      { guid: 'hostile', title: HOSTILE_TITLE, description: '@here Warsaw declared the **consul** persona non grata', link: 'https://wire.example/hostile', pubDate: now() },
    ]) });
    const [message] = await discord.until(() => discord.messages.get(CHANNELS[0]!)!.length > 0 && discord.messages.get(CHANNELS[0]!)!, 30_000);
    expect(message!.allowed_mentions).toEqual({ parse: [] });
    expect(message!.nonce).toMatch(/^iw\d+$/);
    const embed = message!.embeds[0] as { title: string; description: string; url: string; footer: { text: string } };
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.title).toContain('@\u200beveryone');
    expect(embed.title).toContain('\\*\\*Poland\\*\\*');
    expect(embed.title).toContain('\\[Russian\\]');
    expect(embed.title).toContain('<@&\u200b123456789012345678>');
    expect(embed.url).toBe('https://wire.example/hostile');
    expect(embed.description).toContain('**persona non grata**');
    expect(embed.footer.text).toMatch(/^Matched .*persona non grata.* · score \d\.\d\d · \/story \d+$/);
    // The story is not posted again on later cycles.
    await new Promise((r) => setTimeout(r, 3000));
    expect(discord.messages.get(CHANNELS[0]!)).toHaveLength(1);
  }, 40_000);

  it('edits the posted alert when another outlet reports the same story, in another language', async () => {
    const before = discord.messages.get(CHANNELS[0]!)!.length;
    feeds.feeds.set('news.xml', { body: rssFeed('Baltic Wire', [
      { guid: 'ee-en', title: 'Estonia expels Russian diplomat Ivan Petrov over spying', link: 'https://wire.example/ee-en', pubDate: now() },
    ]) });
    const posted = await discord.until(() => discord.messages.get(CHANNELS[0]!)!.length > before && discord.messages.get(CHANNELS[0]!)!.at(-1)!, 30_000);
    expect(JSON.stringify(posted.embeds)).not.toContain('Also reported by');
    feeds.feeds.set('news.xml', { body: rssFeed('Fil Balte', [
      { guid: 'ee-fr', title: "L'Estonie expulse le diplomate russe Ivan Petrov pour espionnage", link: 'https://fil.example/ee-fr', pubDate: now() },
    ]) });
    await discord.until(() => posted.edited_timestamp, 30_000);
    const also = (posted.embeds[0] as { fields: { name: string; value: string }[] }).fields.find((f) => f.name === 'Also reported by');
    expect(also?.value).toBe('[Fil Balte](https://fil.example/ee-fr) (fr)');
    expect(discord.messages.get(CHANNELS[0]!)!.length).toBe(before + 1);
    const embed = posted.embeds[0] as { footer: { text: string }; fields: { name: string; value: string }[] };
    expect(embed.fields.find((f) => f.name === 'Countries')?.value).toBe('🇪🇪 🇷🇺');
    const storyId = /\/story (\d+)$/.exec(embed.footer.text)![1]!;
    const shown = discord.command('story', [{ name: 'id', type: 4, value: Number(storyId) }]);
    await reply(shown);
    const text = JSON.stringify(shown.callback!.data!.embeds);
    expect(text).toContain('[Baltic Wire](https://wire.example/ee-en) (en)');
    expect(text).toContain('[Fil Balte](https://fil.example/ee-fr) (fr)');
    expect(text).toContain('2 in 2 languages');
    const missing = discord.command('story', [{ name: 'id', type: 4, value: 999999 }]);
    await reply(missing);
    expect(missing.callback!.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^There is no story 999999/) });
    const byCountry = discord.command('recent', [{ name: 'country', type: 3, value: 'ee' }]);
    await reply(byCountry);
    expect(JSON.stringify(byCountry.callback!.data!.embeds)).toContain('wire.example/ee-en');
    expect(JSON.stringify(byCountry.callback!.data!.embeds)).not.toContain('wire.example/hostile');
  }, 60_000);

  it('/recent pages with buttons, and /search answers with the query language or says where a query breaks', async () => {
    const r = discord.command('recent', [{ name: 'theme', type: 3, value: 'expulsions' }, { name: 'limit', type: 4, value: 1 }]);
    await reply(r);
    // One line per story: the Estonian story's French report does not get a line of its own.
    const first = JSON.stringify(r.callback!.data!.embeds);
    expect(first).toContain('wire.example/ee-en');
    expect(first).toContain('+1 report');
    const older = discord.button(r.original!, 'recent:expulsions:*:1:1');
    await discord.until(() => older.callback);
    expect(older.callback!.type).toBe(7);
    expect(JSON.stringify(older.callback!.data!.embeds)).toContain('wire.example/hostile');

    const found = discord.command('search', [{ name: 'query', type: 3, value: 'expel* NEAR/3 chinese' }]);
    const edited = await reply(found);
    expect(JSON.stringify((edited as { embeds: unknown[] }).embeds)).toContain('Lithuania expels three Chinese diplomats');
    const broken = discord.command('search', [{ name: 'query', type: 3, value: 'spy AND (' }]);
    await reply(broken);
    expect(broken.callback!.data).toMatchObject({ flags: 64 });
    expect(broken.callback!.data!.content).toMatch(/^That query does not parse: /);
  });

  it('/unsubscribe stops a theme here, and says so when there was nothing to stop', async () => {
    const channelId = CHANNELS[1]!;
    await reply(discord.command('subscribe', [{ name: 'theme', type: 3, value: 'disinformation' }], { channelId }));
    const r = discord.command('unsubscribe', [{ name: 'theme', type: 3, value: 'disinformation' }], { channelId });
    await reply(r);
    expect(r.callback!.data!.content).toBe('This channel no longer receives **disinformation** alerts.');
    const again = discord.command('unsubscribe', [{ name: 'theme', type: 3, value: 'disinformation' }], { channelId });
    await reply(again);
    expect(again.callback!.data).toMatchObject({ flags: 64, content: 'This channel is not subscribed to "disinformation"; /subscriptions lists what it receives.' });
    const unknown = discord.command('recent', [{ name: 'theme', type: 3, value: 'weather' }]);
    await reply(unknown);
    expect(unknown.callback!.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^There is no theme "weather"/) });
  });

  it('/trend posts a chart image of stories per day', async () => {
    const r = discord.command('trend', [{ name: 'days', type: 4, value: 7 }]);
    const message = (await reply(r)) as { content: string; files: { name: string; contentType: string; bytes: Buffer }[] };
    expect(message.content).toMatch(/^\d+ stories in the last 7 days\.$/);
    expect(message.files).toHaveLength(1);
    expect(message.files[0]!.name).toBe('trend.png');
    expect(message.files[0]!.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(message.files[0]!.bytes.readUInt32BE(16)).toBe(900);
    const unknown = discord.command('trend', [{ name: 'theme', type: 3, value: 'weather' }]);
    await reply(unknown);
    expect(unknown.callback!.data).toMatchObject({ flags: 64 });
  });

  it('/subscriptions, /themes, /status and /help answer', async () => {
    const subs = discord.command('subscriptions');
    await reply(subs);
    expect(subs.callback!.data!.content).toContain('**expulsions**');
    const themes = discord.command('themes');
    await reply(themes);
    expect(JSON.stringify(themes.callback!.data!.embeds)).toContain('hits in the last 7 days');
    const status = discord.command('status');
    await reply(status);
    expect(status.callback!.data!.content).toMatch(/Feeds: 1 ok, 0 failing, 1 dead/);
    expect(status.callback!.data!.content).toMatch(/Last cycle <t:\d+:R>: 1 feeds polled/);
    const help = discord.command('help');
    await reply(help);
    expect(help.callback!.data!.content).toContain('**/subscribe**');
  });

  it('pauses a subscription whose channel the bot lost, shows why, and resumes on /subscribe', async () => {
    const channel = CHANNELS[1]!;
    const sub = discord.command('subscribe', [{ name: 'theme', type: 3, value: 'cyberattacks' }], { channelId: channel });
    await reply(sub);
    discord.forbid(channel);
    feeds.feeds.set('news.xml', { body: rssFeed('Baltic Wire', [
      { guid: 'hack', title: 'Russian hackers hit Estonian ministry with ransomware attack', link: 'https://wire.example/hack', pubDate: now() },
    ]) });
    await discord.until(() => discord.requests.some((q) => q.path.endsWith(`/channels/${channel}/messages`) && q.status === 403), 30_000);
    const status = discord.command('status');
    await reply(status);
    expect(status.callback!.data!.content).toContain(`<#${channel}> **cyberattacks** — ⏸ paused: Discord answered HTTP 403`);
    const again = discord.command('subscribe', [{ name: 'theme', type: 3, value: 'cyberattacks' }], { channelId: channel });
    await reply(again);
    expect(again.callback!.data!.content).toContain('Updated: this channel gets 💻 **Cyberattacks** alerts.');
    const list = discord.command('subscriptions', [], { channelId: channel });
    await reply(list);
    expect(list.callback!.data!.content).not.toContain('paused');
  }, 40_000);

  it('/theme test tries a query without saving; create saves it for matching and subscribing; delete removes it', async () => {
    const sub = (name: string, options: unknown[]) => discord.command('theme', [{ name, type: 1, options }]);
    const tried = sub('test', [{ name: 'query', type: 3, value: 'chinese NEAR/3 diplomat*' }]);
    const edited = await reply(tried);
    expect((edited as { content: string }).content).toBe('1 stored items of the last 30 days match. Nothing was saved.');
    expect(tried.callback!.data!.flags).toBe(64);
    const bad = sub('create', [{ name: 'name', type: 3, value: 'Broken' }, { name: 'query', type: 3, value: 'consul AND' }]);
    await reply(bad);
    expect(bad.callback!.data!.content).toMatch(/^That query does not parse: .*AND/);
    const created = sub('create', [{ name: 'name', type: 3, value: 'Consuls' }, { name: 'query', type: 3, value: 'consul*' }]);
    expect(((await reply(created)) as { content: string }).content).toMatch(/^Created the theme 🔎 \*\*Consuls\*\*\. 1 stored items/);
    const follow = discord.command('subscribe', [{ name: 'theme', type: 3, value: 'Consuls' }], { channelId: CHANNELS[2] });
    await reply(follow);
    expect(follow.callback!.data!.content).toContain('Subscribed: this channel gets 🔎 **Consuls** alerts.');
    feeds.feeds.set('news.xml', { body: rssFeed('Baltic Wire', [
      { guid: 'consul', title: 'Honorary consul questioned over visa scheme', link: 'https://wire.example/consul', pubDate: now() },
    ]) });
    const [posted] = await discord.until(() => discord.messages.get(CHANNELS[2]!)!.length > 0 && discord.messages.get(CHANNELS[2]!)!, 30_000);
    expect(JSON.stringify(posted!.embeds)).toContain('Honorary consul questioned');
    const builtin = sub('delete', [{ name: 'name', type: 3, value: 'expulsions' }]);
    await reply(builtin);
    expect(builtin.callback!.data!.content).toBe('"Expulsions" is a built-in theme and cannot be deleted.');
    const removed = sub('delete', [{ name: 'name', type: 3, value: 'Consuls' }]);
    await reply(removed);
    expect(removed.callback!.data!.content).toBe('Deleted the theme **Consuls** and its subscriptions.');
    const list = discord.command('subscriptions', [], { channelId: CHANNELS[2] });
    await reply(list);
    expect(list.callback!.data!.content).toContain('has no subscriptions');
  }, 40_000);

  it('/feeds add checks a feed before saving it, /feeds list shows it with its health, /feeds remove drops it', async () => {
    const sub = (name: string, options: unknown[] = []) => discord.command('feeds', [{ name, type: 1, options }]);
    feeds.feeds.set('extra.xml', { body: rssFeed('Extra Wire', [{ guid: 'e1', title: 'Ordinary news', link: 'https://extra.example/1', pubDate: now() }]) });
    const html = sub('add', [{ name: 'url', type: 3, value: `${feeds.base}/html` }]);
    expect(((await reply(html)) as { content: string }).content).toBe(`Not added: feed ${feeds.base}/html: not a feed: the address returned an HTML page`);
    const notUrl = sub('add', [{ name: 'url', type: 3, value: 'javascript:alert(1)' }]);
    await reply(notUrl);
    expect(notUrl.callback!.data).toMatchObject({ flags: 64, content: expect.stringContaining('not an http(s) address') });
    const added = sub('add', [{ name: 'url', type: 3, value: `${feeds.base}/feeds/extra.xml` }]);
    expect(((await reply(added)) as { content: string }).content).toMatch(/^Added \*\*Extra Wire\*\* \(1 items now\)/);
    const again = sub('add', [{ name: 'url', type: 3, value: `${feeds.base}/feeds/extra.xml` }]);
    await reply(again);
    expect(again.callback!.data!.content).toContain('already watched');
    const list = sub('list');
    await reply(list);
    expect(list.callback!.data!.content).toMatch(/^1 default feeds are watched for every server\. This server's own feeds \(2\/50\):/);
    expect(list.callback!.data!.content).toContain('Gone Gazette — ☠️ dead');
    expect(list.callback!.data!.content).toContain(`<${feeds.base}/feeds/extra.xml> Extra Wire`);
    const shared = sub('remove', [{ name: 'url', type: 3, value: `${feeds.base}/feeds/news.xml` }]);
    await reply(shared);
    expect(shared.callback!.data!.content).toContain('only feeds added here can be removed here');
    const removed = sub('remove', [{ name: 'url', type: 3, value: `${feeds.base}/feeds/extra.xml` }]);
    await reply(removed);
    expect(removed.callback!.data!.content).toBe(`No longer watching <${feeds.base}/feeds/extra.xml>.`);
  });
});
