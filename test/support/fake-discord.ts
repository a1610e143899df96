// A fake Discord on 127.0.0.1 that the real discord.js client logs in to through DISCORD_API_URL:
// the REST routes the bot uses and a gateway (hello, identify, ready, heartbeats, dispatches).
// It validates what Discord validates for our payloads (embed limits, allowed_mentions, nonce
// with enforce_nonce, the interaction acknowledgement rules) and answers 429, 5xx, 403 and 404
// on demand, so tests see the bot's real requests and its handling of real failures.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '100000000000000001';
export const BOT_ID = APP_ID;
export const GUILD_ID = '200000000000000001';
export const TOKEN = 'fake-token';
/** Channels of the test server; any other id answers 404 Unknown Channel. */
export const CHANNELS = ['300000000000000001', '300000000000000002', '300000000000000003'];
export const ADMIN = { id: '400000000000000001', username: 'admin' };
export const MEMBER = { id: '400000000000000002', username: 'reader' };

// Administrator, and plain View Channel + Send Messages.
const PERMISSIONS = { admin: '8', member: String(1024 + 2048) };

export interface FakeMessage {
  readonly id: string;
  readonly channel_id: string;
  content: string;
  embeds: Record<string, unknown>[];
  components: unknown[];
  readonly nonce?: string | number;
  readonly allowed_mentions?: unknown;
  flags: number;
  edited_timestamp: string | null;
  /** Files sent with the message (multipart), e.g. the trend chart. */
  files: FakeFile[];
}

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  /** The callback (reply, defer, update, autocomplete choices), once the bot sent it. */
  callback?: { type: number; data?: Record<string, unknown> };
  /** The reply as it stands after edits and follow-ups: what the user sees. */
  original?: FakeMessage;
  followups: FakeMessage[];
  readonly createdAt: number;
}

interface Fault { status: number; retryAfter?: number; code?: number; remaining: number }

export interface FakeDiscord {
  /** The DISCORD_API_URL to give the bot. */
  readonly apiUrl: string;
  readonly messages: Map<string, FakeMessage[]>;
  readonly commands: { global: unknown[] | undefined; guild: Map<string, unknown[]> };
  readonly requests: { method: string; path: string; status: number }[];
  /** The next `count` requests whose path matches answer `status` (429 with retry_after seconds). */
  fail(path: RegExp, status: number, options?: { count?: number; retryAfter?: number; code?: number }): void;
  /** The bot may no longer see this channel: 403 Missing Access from now on. */
  forbid(channelId: string): void;
  /** Sends a slash command (or autocomplete, type 4) as the gateway would, and returns its record. */
  command(name: string, options?: unknown[], as?: { user?: typeof ADMIN; admin?: boolean; channelId?: string; type?: number }): InteractionRecord;
  /** A button press on a message the bot sent. */
  button(message: FakeMessage, customId: string, channelId?: string): InteractionRecord;
  /** Resolves when `check` holds, polling; rejects after `ms` with what was seen. */
  until<T>(check: () => T | undefined | null | false | 0 | "", ms?: number): Promise<T>;
  readonly identified: () => number;
  close(): Promise<void>;
}

let lastSnowflake = 500000000000000000n;
const snowflake = () => String(++lastSnowflake);

const EMBED_LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, author: 256 };

interface EmbedBody {
  title?: unknown; description?: unknown; url?: unknown; footer?: { text?: unknown }; author?: { name?: unknown };
  fields?: { name?: unknown; value?: unknown }[];
}

/** Discord's checks on a message body that matter to us; a sentence per problem. */
export function validateMessage(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const embeds = (body.embeds ?? []) as EmbedBody[];
  if (!body.content && embeds.length === 0 && !body.components && !(Array.isArray(body.files) && body.files.length > 0)) problems.push('Cannot send an empty message');
  if (typeof body.content === 'string' && body.content.length > 2000) problems.push('content: must be 2000 or fewer in length');
  if (embeds.length > 10) problems.push('embeds: must be 10 or fewer in length');
  let total = 0;
  embeds.forEach((e, i) => {
    const check = (what: string, value: unknown, max: number) => {
      if (typeof value === 'string') {
        total += value.length;
        if (value.length > max) problems.push(`embeds.${i}.${what}: must be ${max} or fewer in length`);
      }
    };
    check('title', e.title, EMBED_LIMITS.title);
    check('description', e.description, EMBED_LIMITS.description);
    check('footer.text', e.footer?.text, EMBED_LIMITS.footer);
    check('author.name', e.author?.name, EMBED_LIMITS.author);
    if ((e.fields ?? []).length > EMBED_LIMITS.fields) problems.push(`embeds.${i}.fields: must be 25 or fewer in length`);
    for (const f of e.fields ?? []) {
      check('fields.name', f.name, EMBED_LIMITS.fieldName);
      check('fields.value', f.value, EMBED_LIMITS.fieldValue);
      if (!f.name || !f.value) problems.push(`embeds.${i}.fields: name and value are required`);
    }
    if (e.url !== undefined && !/^https?:\/\/[^\s]+$/.test(String(e.url))) problems.push(`embeds.${i}.url: Not a well formed URL`);
  });
  if (total > 6000) problems.push('embeds: Embed size exceeds maximum size of 6000');
  const am = body.allowed_mentions as { parse?: unknown[] } | undefined;
  if (am && (!Array.isArray(am.parse) || am.parse.some((p) => !['roles', 'users', 'everyone'].includes(String(p))))) {
    problems.push('allowed_mentions.parse: Value must be one of roles, users, everyone');
  }
  if (body.nonce !== undefined && String(body.nonce).length > 25) problems.push('nonce: must be 25 or fewer in length');
  if (body.enforce_nonce && body.nonce === undefined) problems.push('enforce_nonce: requires a nonce');
  return problems;
}

export interface FakeFile { readonly name: string; readonly contentType: string; readonly bytes: Buffer }

/** multipart/form-data as discord.js sends files: a payload_json part and files[n] parts. */
function parseMultipart(body: Buffer, boundary: string): { json: Record<string, unknown>; files: FakeFile[] } {
  let json: Record<string, unknown> = {};
  const files: FakeFile[] = [];
  const text = body.toString('latin1');
  for (const part of text.split(`--${boundary}`).slice(1, -1)) {
    const split = part.indexOf('\r\n\r\n');
    const headers = part.slice(0, split);
    const content = Buffer.from(part.slice(split + 4, part.length - 2), 'latin1');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name === 'payload_json') json = JSON.parse(content.toString('utf8')) as Record<string, unknown>;
    else files.push({ name: /filename="([^"]+)"/.exec(headers)?.[1] ?? '', contentType: /content-type: *([^\r\n]+)/i.exec(headers)?.[1] ?? '', bytes: content });
  }
  return { json, files };
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown> & { files?: FakeFile[] }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (raw.length === 0) return resolve({});
      const boundary = /multipart\/form-data; *boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
      try {
        if (boundary) {
          const { json, files } = parseMultipart(raw, boundary.replace(/^"|"$/g, ''));
          return resolve({ ...json, files });
        }
        resolve(JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
      } catch (e) { reject(e); }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) return void res.writeHead(status, headers).end();
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function userOf(u: typeof ADMIN) {
  return { id: u.id, username: u.username, discriminator: '0', global_name: u.username, avatar: null };
}

const BOT_USER = { id: BOT_ID, username: 'Interference Watch', discriminator: '0', global_name: null, avatar: null, bot: true };

function messageJson(m: FakeMessage) {
  return {
    id: m.id, channel_id: m.channel_id, type: 0, content: m.content, embeds: m.embeds, components: m.components, author: BOT_USER,
    attachments: m.files.map((f, i) => ({ id: String(i), filename: f.name, size: f.bytes.length, content_type: f.contentType, url: `https://cdn.fake/${f.name}`, proxy_url: `https://cdn.fake/${f.name}` })), mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: false, flags: m.flags,
    timestamp: new Date().toISOString(), edited_timestamp: m.edited_timestamp, ...(m.nonce !== undefined ? { nonce: m.nonce } : {}),
  };
}

export interface FakeOptions {
  /** More channels than the three of CHANNELS, for benches: ids 3000000000000000NN. */
  readonly channelCount?: number;
  /** Each message post waits this long before answering, like a slow Discord. */
  readonly messageDelayMs?: number;
  /** Discord's per-channel bucket for posting messages (default 5 per 5 s), with its headers. */
  readonly bucket?: { readonly limit: number; readonly windowMs: number };
}

export function channelIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(300000000000000001n + BigInt(i)));
}

export async function startFakeDiscord(options: FakeOptions = {}): Promise<FakeDiscord> {
  const channels = options.channelCount ? channelIds(options.channelCount) : CHANNELS;
  const bucket = options.bucket ?? { limit: 5, windowMs: 5000 };
  const windows = new Map<string, { resetAt: number; used: number }>();
  const messages = new Map<string, FakeMessage[]>(channels.map((c) => [c, []]));
  const commands = { global: undefined as unknown[] | undefined, guild: new Map<string, unknown[]>() };
  const requests: { method: string; path: string; status: number }[] = [];
  const faults: { path: RegExp; fault: Fault }[] = [];
  const forbidden = new Set<string>();
  const interactions = new Map<string, InteractionRecord>();
  const sockets = new Set<WebSocket>();
  let identified = 0;
  let seq = 0;

  const newMessage = (channelId: string, body: Record<string, unknown>): FakeMessage => ({
    id: snowflake(), channel_id: channelId, content: String(body.content ?? ''), embeds: (body.embeds ?? []) as Record<string, unknown>[],
    components: (body.components ?? []) as unknown[], nonce: body.nonce as string | undefined, allowed_mentions: body.allowed_mentions,
    flags: Number(body.flags ?? 0), edited_timestamp: null, files: (body.files ?? []) as FakeFile[],
  });
  const edit = (m: FakeMessage, body: Record<string, unknown>) => {
    if ('content' in body) m.content = String(body.content ?? '');
    if ('embeds' in body) m.embeds = (body.embeds ?? []) as Record<string, unknown>[];
    if ('components' in body) m.components = (body.components ?? []) as unknown[];
    if (Array.isArray(body.files) && body.files.length > 0) m.files = body.files as FakeFile[];
    m.edited_timestamp = new Date().toISOString();
  };

  const route = async (method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const fault = faults.find((f) => f.path.test(path) && f.fault.remaining > 0);
    if (fault) {
      fault.fault.remaining--;
      const { status, retryAfter = 0.05, code } = fault.fault;
      if (status === 429) {
        send(res, 429, { message: 'You are being rate limited.', retry_after: retryAfter, global: false }, { 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-scope': 'user' });
      } else send(res, status, { message: `fake ${status}`, code: code ?? 0 });
      return status;
    }
    if (!path.startsWith('/api/v10/')) return send(res, 404, { message: '404: Not Found', code: 0 }), 404;
    const p = path.slice('/api/v10'.length);
    const auth = req.headers.authorization;
    const needsAuth = !p.startsWith('/interactions/') && !p.startsWith('/webhooks/');
    if (needsAuth && auth !== `Bot ${TOKEN}`) return send(res, 401, { message: '401: Unauthorized', code: 0 }), 401;
    const body = method === 'GET' || method === 'DELETE' ? {} : await readBody(req);
    let m: RegExpExecArray | null;

    if (method === 'GET' && p === '/gateway/bot') {
      const { port } = server.address() as AddressInfo;
      send(res, 200, { url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
      return 200;
    }
    if (method === 'GET' && p === '/users/@me') return send(res, 200, BOT_USER), 200;
    if (method === 'GET' && p === '/applications/@me') return send(res, 200, { id: APP_ID, name: 'Interference Watch', bot_public: false, flags: 0 }), 200;
    if ((m = /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/.exec(p))) {
      if (method === 'PUT') {
        const list = (body as unknown as unknown[]).map((c) => ({ ...(c as object), id: snowflake(), application_id: APP_ID, version: snowflake() }));
        if (m[2]) commands.guild.set(m[2], list); else commands.global = list;
        return send(res, 200, list), 200;
      }
      if (method === 'GET') return send(res, 200, (m[2] ? commands.guild.get(m[2]) : commands.global) ?? []), 200;
    }
    if ((m = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(p))) {
      const channelId = m[1]!;
      const list = messages.get(channelId);
      if (!list) return send(res, 404, { message: 'Unknown Channel', code: 10003 }), 404;
      if (forbidden.has(channelId)) return send(res, 403, { message: 'Missing Access', code: 50001 }), 403;
      if (method === 'POST' && !m[2]) {
        const t = Date.now();
        const w = windows.get(channelId) ?? { resetAt: t + bucket.windowMs, used: 0 };
        if (t >= w.resetAt) { w.resetAt = t + bucket.windowMs; w.used = 0; }
        windows.set(channelId, w);
        const resetAfter = (w.resetAt - t) / 1000;
        if (w.used >= bucket.limit) {
          send(res, 429, { message: 'You are being rate limited.', retry_after: resetAfter, global: false }, { 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' });
          return 429;
        }
        w.used++;
        const limitHeaders = {
          'x-ratelimit-limit': String(bucket.limit), 'x-ratelimit-remaining': String(bucket.limit - w.used),
          'x-ratelimit-reset-after': resetAfter.toFixed(3), 'x-ratelimit-reset': ((w.resetAt) / 1000).toFixed(3), 'x-ratelimit-bucket': `channel-${channelId}`,
        };
        if (options.messageDelayMs) await new Promise((r) => setTimeout(r, options.messageDelayMs));
        const problems = validateMessage(body);
        if (problems.length > 0) return send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: problems }, limitHeaders), 400;
        const duplicate = body.enforce_nonce ? list.find((x) => x.nonce !== undefined && String(x.nonce) === String(body.nonce)) : undefined;
        if (duplicate) return send(res, 200, messageJson(duplicate), limitHeaders), 200;
        const message = newMessage(channelId, body);
        list.push(message);
        return send(res, 200, messageJson(message), limitHeaders), 200;
      }
      const target = list.find((x) => x.id === m![2]);
      if (!target) return send(res, 404, { message: 'Unknown Message', code: 10008 }), 404;
      if (method === 'PATCH') {
        const problems = validateMessage({ ...messageJson(target), ...body });
        if (problems.length > 0) return send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: problems }), 400;
        edit(target, body);
        return send(res, 200, messageJson(target)), 200;
      }
      if (method === 'GET') return send(res, 200, messageJson(target)), 200;
    }
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(p))) {
      const record = interactions.get(m[1]!);
      if (!record || record.token !== m[2]) return send(res, 404, { message: 'Unknown interaction', code: 10062 }), 404;
      if (Date.now() - record.createdAt > 3000) return send(res, 404, { message: 'Unknown interaction', code: 10062 }), 404;
      if (record.callback) return send(res, 400, { message: 'Interaction has already been acknowledged.', code: 40060 }), 400;
      const type = Number(body.type);
      const data = body.data as Record<string, unknown> | undefined;
      if ((type === 4 || type === 7) && data) {
        const problems = validateMessage(data);
        if (problems.length > 0) return send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: problems }), 400;
      }
      record.callback = { type, ...(data ? { data } : {}) };
      if (type === 4 || type === 5) record.original = newMessage('interaction', { ...(data ?? {}), content: data?.content ?? '' });
      return send(res, 204), 204;
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(p))) {
      const record = [...interactions.values()].find((r) => r.token === m![2]);
      if (!record || !record.callback) return send(res, 404, { message: 'Unknown Webhook', code: 10015 }), 404;
      if (m[3] === '@original') {
        if (!record.original) return send(res, 404, { message: 'Unknown Message', code: 10008 }), 404;
        if (method === 'PATCH') {
          const problems = validateMessage({ ...messageJson(record.original), ...body });
          if (problems.length > 0) return send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: problems }), 400;
          edit(record.original, body);
        }
        return send(res, 200, messageJson(record.original)), 200;
      }
      if (method === 'POST' && !m[3]) {
        const problems = validateMessage(body);
        if (problems.length > 0) return send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: problems }), 400;
        const message = newMessage('interaction', body);
        record.followups.push(message);
        return send(res, 200, messageJson(message)), 200;
      }
    }
    send(res, 404, { message: `fake Discord has no route ${method} ${p}`, code: 0 });
    return 404;
  };

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    route(method, path, req, res).then(
      (status) => requests.push({ method, path, status }),
      (e: Error) => { requests.push({ method, path, status: 500 }); send(res, 500, { message: e.message, code: 0 }); },
    );
  });
  const wss = new WebSocketServer({ server });

  const dispatch = (t: string, d: unknown) => {
    for (const ws of sockets) ws.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
  };
  const guildJson = () => ({
    id: GUILD_ID, name: 'Test newsroom', icon: null, owner_id: ADMIN.id, afk_timeout: 300, verification_level: 0,
    default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0, premium_tier: 0, nsfw_level: 0,
    preferred_locale: 'en-US', features: [], emojis: [], stickers: [], system_channel_flags: 0, premium_progress_bar_enabled: false,
    roles: [{ id: GUILD_ID, name: '@everyone', permissions: PERMISSIONS.member, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    channels: channels.map((id, i) => ({ id, type: 0, name: `news-${i + 1}`, position: i, guild_id: GUILD_ID, permission_overwrites: [], nsfw: false, parent_id: null })),
    threads: [], members: [], voice_states: [], presences: [], stage_instances: [], guild_scheduled_events: [],
    large: false, unavailable: false, member_count: 2, joined_at: new Date().toISOString(),
  });

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (packet.op === 2) {
        if (packet.d.token !== TOKEN) return ws.close(4004, 'Authentication failed.');
        identified++;
        const { port } = server.address() as AddressInfo;
        ws.send(JSON.stringify({
          op: 0, t: 'READY', s: ++seq,
          d: { v: 10, user: BOT_USER, guilds: [{ id: GUILD_ID, unavailable: true }], session_id: randomUUID(), resume_gateway_url: `ws://127.0.0.1:${port}`, application: { id: APP_ID, flags: 0 }, shard: [0, 1] },
        }));
        ws.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++seq, d: guildJson() }));
      }
    });
  });

  const newInteraction = (type: number, data: Record<string, unknown>, channelId: string, user: typeof ADMIN, admin: boolean, message?: FakeMessage): InteractionRecord => {
    const record: InteractionRecord = { id: snowflake(), token: `tok-${randomUUID()}`, followups: [], createdAt: Date.now() };
    interactions.set(record.id, record);
    dispatch('INTERACTION_CREATE', {
      id: record.id, token: record.token, application_id: APP_ID, type, data, version: 1, locale: 'en-US', guild_locale: 'en-US',
      guild_id: GUILD_ID, guild: { id: GUILD_ID, locale: 'en-US', features: [] }, channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: GUILD_ID, name: 'news', permissions: admin ? PERMISSIONS.admin : PERMISSIONS.member },
      member: { user: userOf(user), roles: [], permissions: admin ? PERMISSIONS.admin : PERMISSIONS.member, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      app_permissions: String(1024 + 2048 + 16384 + 32768 + 65536), entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 0,
      attachment_size_limit: 8388608,
      ...(message ? { message: messageJson(message) } : {}),
    });
    return record;
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    messages, commands, requests,
    fail: (path, status, options = {}) => { faults.push({ path, fault: { status, retryAfter: options.retryAfter, code: options.code, remaining: options.count ?? 1 } }); },
    forbid: (channelId) => { forbidden.add(channelId); },
    command: (name, options = [], as = {}) => newInteraction(as.type ?? 2, { id: snowflake(), name, type: 1, options }, as.channelId ?? CHANNELS[0]!, as.user ?? (as.admin === false ? MEMBER : ADMIN), as.admin ?? true),
    button: (message, customId, channelId = CHANNELS[0]!) => newInteraction(3, { custom_id: customId, component_type: 2 }, channelId, ADMIN, true, message),
    async until(check, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const value = check();
        if (value) return value as never;
        if (Date.now() > deadline) throw new Error(`fake Discord: condition not met in ${ms} ms; last requests: ${JSON.stringify(requests.slice(-8))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    identified: () => identified,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
