// Opening the database: pragmas, migrations applied once and recorded, a newer schema refused.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseVersionError, openDatabase, schemaVersion } from '../db/open.ts';
import { MIGRATIONS } from '../db/migrations.ts';

const dirs: string[] = [];
const tempPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'iw-db-'));
  dirs.push(dir);
  return join(dir, 'nested', 'watch.db');
};
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('openDatabase', () => {
  it('creates the folder, sets WAL and foreign keys, applies every migration once', () => {
    const path = tempPath();
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
    const again = openDatabase(path);
    expect((again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a database from a newer version with a clear message', () => {
    const path = tempPath();
    const db = openDatabase(path);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(MIGRATIONS.length + 1, 0);
    db.close();
    expect(() => openDatabase(path)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(path)).toThrow(/schema version \d+, newer than this version of Interference Watch knows/);
  });
});
