// The ingestion bench's feeds, served from a process of their own so that the bench's memory
// figure is the poller's alone: N feeds of 50 corpus items each, with ETags for the 304 cycle.
// Prints its base URL on stdout, then serves until killed.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCorpus } from '../eval/corpus.ts';

const feeds = Number(process.argv[2] ?? 500);
const ITEMS_PER_FEED = Number(process.argv[3] ?? 50);
const corpus = loadCorpus();
const now = Date.now();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const feedXml = (f: number) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${f}</title>${
  Array.from({ length: ITEMS_PER_FEED }, (_, i) => {
    const c = corpus[(f * ITEMS_PER_FEED + i) % corpus.length]!;
    return `<item><guid>f${f}-i${i}</guid><link>https://bench.example/${f}/${i}</link><title>${esc(c.title)}</title><description>${esc(c.summary)}</description><pubDate>${new Date(now - i * 60_000).toUTCString()}</pubDate></item>`;
  }).join('')}</channel></rss>`;
const bodies = Array.from({ length: feeds }, (_, f) => feedXml(f));

const server = createServer((req, res) => {
  const f = Number(/^\/(\d+)\.xml$/.exec(req.url ?? '')?.[1]);
  if (!(f >= 0 && f < feeds)) return void res.writeHead(404).end();
  const etag = `"f${f}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(bodies[f]);
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
