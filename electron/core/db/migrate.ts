// Applies drizzle-kit's generated migrations (drizzle/) at unlock. drizzle's own migrator commits before
// a foreign-key check could run, so this runs the same files and bookkeeping table (__drizzle_migrations)
// inside one transaction of ours: foreign keys off outside it, `foreign_key_check` before COMMIT, and any
// failure rolls back, leaving the file as it was.
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DomainError } from '../../shared/errors';

export interface MigrationResult {
  applied: number;
  /** Number of migrations the register holds after this run: its schema version. */
  version: number;
}

export function migrate(sqlite: Database.Database, migrationsFolder: string): MigrationResult {
  const migrations = readMigrationFiles({ migrationsFolder });
  const known = new Set(migrations.map((m) => m.hash));
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`);
  const done = sqlite.prepare('SELECT hash, created_at AS createdAt FROM "__drizzle_migrations" ORDER BY created_at').all() as {
    hash: string;
    createdAt: number;
  }[];
  const newest = migrations.at(-1)?.folderMillis ?? 0;
  // A migration this app does not know means a newer app wrote the register: opening it could corrupt it.
  if (done.some((m) => !known.has(m.hash) || Number(m.createdAt) > newest)) throw new DomainError('REGISTER_TOO_NEW');
  const applied = new Set(done.map((m) => m.hash));
  const pending = migrations.filter((m) => !applied.has(m.hash));
  if (pending.length === 0) return { applied: 0, version: done.length };

  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const migration of pending) {
        for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
        sqlite.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(migration.hash, migration.folderMillis);
      }
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`migration left ${broken.length} foreign-key violations`);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending.length, version: done.length + pending.length };
}

export function schemaVersion(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM "__drizzle_migrations"').get() as { n: number }).n;
}
