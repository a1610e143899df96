// A feed someone wants to add is fetched once and must parse before it is saved; with
// `publicOnly`, its host (and where it redirects) must resolve to public addresses only.

import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { FetchFeed } from './fetch.ts';
import { parseFeedBytes } from './parse/parse-feed.ts';

export type FeedCheck = { ok: true; title: string; language?: string; items: number; finalUrl: string } | { ok: false; error: string };

const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Refuses a URL whose host is, or resolves to, a private, loopback or link-local address. */
export async function checkPublicHost(url: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return { ok: false, error: `the host ${host} does not resolve` };
  }
  const bad = addresses.find(isPrivateAddress);
  return bad ? { ok: false, error: `${host} resolves to ${bad}, a private or local address; feeds must be on the public internet` } : { ok: true };
}

export async function checkNewFeed(fetchFeed: FetchFeed, url: string, now: Date, publicOnly = false): Promise<FeedCheck> {
  if (publicOnly) {
    const host = await checkPublicHost(url);
    if (!host.ok) return host;
  }
  const fetched = await fetchFeed({ url });
  if (fetched.status === 'error') return { ok: false, error: fetched.error };
  if (fetched.status === 'not-modified') return { ok: false, error: `feed ${url} answered 304 to a first request` };
  if (publicOnly && fetched.finalUrl !== url) {
    const host = await checkPublicHost(fetched.finalUrl);
    if (!host.ok) return { ok: false, error: `feed ${url} redirects to ${fetched.finalUrl}: ${host.error}` };
  }
  const parsed = await parseFeedBytes(fetched.body, fetched.charset, { fetchedAt: now, url: fetched.finalUrl, detectLanguages: false });
  if (!parsed.ok) return { ok: false, error: `feed ${url}: ${parsed.error}` };
  return { ok: true, title: parsed.feed.title, ...(parsed.feed.language ? { language: parsed.feed.language } : {}), items: parsed.feed.items.length, finalUrl: fetched.finalUrl };
}
