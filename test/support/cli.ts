// Runs CLI commands in-process with captured output.

import { runCli } from '../../bot/cli.ts';

export async function runCliCaptured(argv: string[], stdin = '', env: Record<string, string | undefined> = {}, now = new Date('2026-11-23T10:00:00Z')): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    now: () => now,
    env,
    readStdin: async () => Buffer.from(stdin),
  });
  return { code, stdout, stderr };
}
