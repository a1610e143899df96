// A local HTTP server on 127.0.0.1 serving feeds and every misbehaviour a real feed host can
// show, for the fetch and polling tests. Started and stopped by the tests themselves.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface FeedServer {
  readonly base: string;
  /** Requests seen, by path, to check conditional GETs and retries. */
  readonly hits: Map<string, IncomingMessage[]>;
  /** Feeds served at /feeds/<name>, replaceable by tests. */
  readonly feeds: Map<string, { body: string | Buffer; contentType?: string; etag?: string; lastModified?: string }>;
  close(): Promise<void>;
}

export function rssFeed(title: string, items: { guid: string; title: string; description?: string; link?: string; pubDate?: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>https://news.example/</link>${items
    .map((i) => `<item><guid>${esc(i.guid)}</guid><title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ''}<description>${esc(i.description ?? '')}</description>${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}</item>`)
    .join('')}</channel></rss>`;
}

const SAMPLE = rssFeed('Sample', [{ guid: 'a', title: 'Belgium expels 21 Russian diplomats', link: 'https://news.example/a' }]);

function route(req: IncomingMessage, res: ServerResponse, server: FeedServer): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const feed = path.startsWith('/feeds/') ? server.feeds.get(path.slice('/feeds/'.length)) : undefined;
  if (feed) {
    if (feed.etag && req.headers['if-none-match'] === feed.etag) return void res.writeHead(304).end();
    if (feed.lastModified && req.headers['if-modified-since'] === feed.lastModified) return void res.writeHead(304).end();
    res.writeHead(200, {
      'content-type': feed.contentType ?? 'application/rss+xml; charset=utf-8',
      ...(feed.etag ? { etag: feed.etag } : {}),
      ...(feed.lastModified ? { 'last-modified': feed.lastModified } : {}),
    });
    return void res.end(feed.body);
  }
  switch (path) {
    case '/slow-headers':
      return; // never answers
    case '/drip': {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => res.write('<'), 200);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case '/endless': {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => { while (res.write(chunk)); };
      res.on('drain', pump);
      pump();
      return;
    }
    case '/bomb':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      return void res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, ' ')));
    case '/gzip':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      return void res.end(gzipSync(SAMPLE));
    case '/br':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' });
      return void res.end(brotliCompressSync(SAMPLE));
    case '/loop':
      return void res.writeHead(302, { location: '/loop' }).end();
    case '/to-javascript':
      return void res.writeHead(302, { location: 'javascript:alert(1)' }).end();
    case '/to-file':
      return void res.writeHead(301, { location: 'file:///etc/passwd' }).end();
    case '/moved':
      return void res.writeHead(301, { location: '/gzip' }).end();
    case '/429':
      return void res.writeHead(429, { 'retry-after': '120' }).end('slow down');
    case '/503':
      return void res.writeHead(503, { 'retry-after': new Date(Date.now() + 600_000).toUTCString() }).end();
    case '/html':
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<!doctype html><html><body>Not a feed</body></html>');
    case '/empty':
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end();
    case '/latin1':
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1252' });
      return void res.end(Buffer.from(rssFeed('Presse', [{ guid: 'x', title: 'La Belgique expulse des diplomates à Liège, été' }]), 'latin1'));
    case '/wrong-charset':
      // Declares ISO-8859-1 in the XML but the header says UTF-8 and the bytes are UTF-8.
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      return void res.end(rssFeed('Presse', [{ guid: 'x', title: 'Żądanie wydalenia dyplomatów' }]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'));
    default:
      res.writeHead(404).end();
  }
}

export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, IncomingMessage[]>();
  const feeds: FeedServer['feeds'] = new Map();
  let http: Server | undefined;
  const server: FeedServer = {
    base: '',
    hits,
    feeds,
    close: () => new Promise((resolve) => { http!.closeAllConnections(); http!.close(() => resolve()); }),
  };
  http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, [...(hits.get(path) ?? []), req]);
    route(req, res, server);
  });
  await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  (server as { base: string }).base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return server;
}
