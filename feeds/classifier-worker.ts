// The main thread's side of the classifier thread: requests go out in order with an id, and a
// thread that dies fails what it held with a message and is started afresh on the next request.

import { Worker } from 'node:worker_threads';
import type { Classification, Classifier, ClassifyInput, ThemeQuery } from './classify.ts';
import type { Reply, Request } from './classifier-thread.ts';

type RequestBody = { kind: 'classify'; items: readonly ClassifyInput[] } | { kind: 'themes'; themes: readonly ThemeQuery[] };

interface Thread {
  send(body: RequestBody): Promise<unknown>;
  terminate(): Promise<number>;
}

const ENTRY = new URL('./classifier-thread.js', import.meta.url);

/** One worker; resolves once its themes compiled, rejects with the reason if they did not. */
function startThread(themes: readonly ThemeQuery[], onExit: () => void): Promise<Thread> {
  const w = new Worker(ENTRY, { workerData: { themes } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const failAll = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };
  const thread: Thread = {
    send: (body) => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // Referenced only while it owes an answer: an idle thread must not keep the process alive.
      w.ref();
      w.postMessage({ id, ...body } as Request);
    }),
    terminate: () => w.terminate(),
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    w.on('message', (reply: Reply) => {
      if (reply.id === 0) {
        ready = true;
        w.unref();
        if (reply.ok) return resolve(thread);
        void w.terminate();
        return reject(new Error(reply.error));
      }
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.error));
    });
    w.on('error', (e) => {
      if (!ready) reject(new Error(`the classifier thread did not start: ${e.message}`));
      else failAll(`the classifier thread failed: ${e.message}`);
    });
    w.on('exit', (code) => {
      onExit();
      if (!ready) reject(new Error(`the classifier thread exited with code ${code} while starting`));
      else failAll(`the classifier thread stopped (exit code ${code})`);
    });
  });
}

/** Starts the classifier thread; rejects if the themes do not compile or the thread cannot start. */
export async function startClassifierThread(initialThemes: readonly ThemeQuery[]): Promise<Classifier> {
  let themes = initialThemes;
  let current: Promise<Thread> | undefined;
  const thread = (): Promise<Thread> => {
    if (current) return current;
    const started: Promise<Thread> = startThread(themes, () => { if (current === started) current = undefined; });
    current = started;
    return started;
  };
  await thread();
  return {
    classify: async (items) => (items.length === 0 ? [] : (await (await thread()).send({ kind: 'classify', items })) as Classification[]),
    setThemes: async (next) => {
      await (await thread()).send({ kind: 'themes', themes: next });
      themes = next;
    },
    close: async () => {
      const closing = current;
      current = undefined;
      if (closing) await (await closing).terminate();
    },
  };
}
