// Fetches a feed over HTTP with every limit a hostile server could test: conditional GET, one
// deadline for headers and body, a cap on decoded bytes (compression bombs), a bounded number
// of redirects to http(s) only, and 429/503 Retry-After honoured. Failures are values.

export interface FetchRequest {
  readonly url: string;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
}

export type FetchResult =
  | {
      readonly status: 'ok';
      readonly body: Uint8Array;
      readonly charset: string | undefined;
      readonly etag: string | undefined;
      readonly lastModified: string | undefined;
      readonly finalUrl: string;
    }
  | { readonly status: 'not-modified' }
  | { readonly status: 'error'; readonly error: string; readonly retryAfterMs?: number };

export type FetchFeed = (request: FetchRequest) => Promise<FetchResult>;

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function charsetOf(contentType: string | null): string | undefined {
  return /charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i.exec(contentType ?? '')?.[1];
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, url: string): Promise<Uint8Array | string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return `feed ${url} is larger than ${Math.round(maxBytes / 1024)} KB (decoded); it was cut off and skipped`;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.byteLength);
  return out;
}

function describe(e: unknown, url: string, timeoutMs: number, aborted: boolean): string {
  if (aborted) return `feed ${url} did not answer completely within ${Math.round(timeoutMs / 1000)} s`;
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `feed ${url}: the host name does not resolve`;
  if (code === 'ECONNREFUSED') return `feed ${url}: the server refused the connection`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `feed ${url}: the connection was reset`;
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return `feed ${url}: TLS certificate problem (${code})`;
  return `feed ${url} could not be fetched: ${cause?.message ?? (e as Error).message}`;
}

export function createFetchFeed(limits: FetchLimits, now: () => number = Date.now): FetchFeed {
  return async (request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
    let url = request.url;
    try {
      for (let redirects = 0; ; redirects++) {
        const headers: Record<string, string> = {
          'user-agent': limits.userAgent,
          accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        };
        if (redirects === 0 && request.etag) headers['if-none-match'] = request.etag;
        if (redirects === 0 && request.lastModified) headers['if-modified-since'] = request.lastModified;
        const response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          await response.body?.cancel().catch(() => undefined);
          const location = response.headers.get('location');
          if (!location) return { status: 'error', error: `feed ${url} redirected (HTTP ${response.status}) without a Location` };
          if (redirects >= limits.maxRedirects) return { status: 'error', error: `feed ${request.url} redirected more than ${limits.maxRedirects} times; fix the address` };
          const next = new URL(location, url);
          if (next.protocol !== 'http:' && next.protocol !== 'https:') {
            return { status: 'error', error: `feed ${url} redirected to a ${next.protocol} address, which is refused` };
          }
          url = next.toString();
          continue;
        }
        if (response.status === 304) {
          await response.body?.cancel().catch(() => undefined);
          return { status: 'not-modified' };
        }
        if (!response.ok) {
          await response.body?.cancel().catch(() => undefined);
          const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), now()) : undefined;
          return { status: 'error', error: `feed ${url} returned HTTP ${response.status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
        }
        if (!response.body) return { status: 'error', error: `feed ${url} returned an empty body` };
        const body = await readCapped(response.body, limits.maxBytes, url);
        if (typeof body === 'string') return { status: 'error', error: body };
        return {
          status: 'ok',
          body,
          charset: charsetOf(response.headers.get('content-type')),
          etag: response.headers.get('etag') ?? undefined,
          lastModified: response.headers.get('last-modified') ?? undefined,
          finalUrl: url,
        };
      }
    } catch (e) {
      return { status: 'error', error: describe(e, url, limits.timeoutMs, controller.signal.aborted) };
    } finally {
      clearTimeout(timer);
    }
  };
}
