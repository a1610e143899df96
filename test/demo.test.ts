// `npm run demo`: offline, one command, alerts printed, nothing left behind.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run demo', () => {
  it('serves the samples on 127.0.0.1, runs one cycle and prints one alert per story', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/demo.ts'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Interference Watch demo: 2 sample feeds served on http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toContain('💻📢🚪 Belgium deported dozens of Russian spies in recent months');
    expect(run.stdout).toMatch(/cycle: 2 feeds, 29 new items, \d+ hits, \d+ alerts, 0 failed/);
    expect(run.stdout.match(/Belgium deported dozens/g)).toHaveLength(1);
  });
});
