// The classifier's worker thread: holds eld's tables and the compiled themes, and answers
// classify requests in order, so that language detection and matching, most of a first poll's
// CPU, run beside the main thread's parsing and SQLite writes.

import { parentPort, workerData } from 'node:worker_threads';
import { classifyItem, compileQueries, type ClassifyInput, type ThemeQuery } from './classify.ts';
import type { ThemeMatcher } from './themes/match.ts';

export type Request =
  | { readonly id: number; readonly kind: 'classify'; readonly items: readonly ClassifyInput[] }
  | { readonly id: number; readonly kind: 'themes'; readonly themes: readonly ThemeQuery[] };

export type Reply = { readonly id: number; readonly ok: true; readonly result?: unknown } | { readonly id: number; readonly ok: false; readonly error: string };

const port = parentPort!;
let matcher: ThemeMatcher | undefined;
try {
  matcher = compileQueries((workerData as { themes: ThemeQuery[] }).themes);
  port.postMessage({ id: 0, ok: true } satisfies Reply);
} catch (e) {
  port.postMessage({ id: 0, ok: false, error: (e as Error).message } satisfies Reply);
}

port.on('message', (request: Request) => {
  try {
    if (request.kind === 'themes') {
      matcher = compileQueries(request.themes);
      port.postMessage({ id: request.id, ok: true } satisfies Reply);
    } else {
      port.postMessage({ id: request.id, ok: true, result: request.items.map((item) => classifyItem(item, matcher!)) } satisfies Reply);
    }
  } catch (e) {
    port.postMessage({ id: request.id, ok: false, error: (e as Error).message } satisfies Reply);
  }
});
