// Opens the register: SQLCipher 4 format keyed with the raw 256-bit data key, then WAL, FULL sync,
// foreign keys and a busy timeout. Nothing reads or writes the file before the key is set.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { DomainError } from '../../shared/errors';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export interface Connection {
  sqlite: Database.Database;
  db: Db;
}

/** The cipher choice pragmas only configure the codec (they touch no page); the key is the first statement
 * that reaches the file. `legacy=4` selects SQLCipher 4's defaults: AES-256-CBC with HMAC-SHA512 per page. */
export function keyConnection(sqlite: Database.Database, dataKey: Buffer): void {
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  withRawKey(dataKey, (raw) => sqlite.key(raw));
}

/** Passes the key as SQLCipher's raw-key literal x'<64 hex>' in a buffer that is wiped right after use,
 * so no copy of the key stays behind as an immutable JavaScript string. */
export function withRawKey<T>(dataKey: Buffer, use: (raw: Buffer) => T): T {
  if (dataKey.length !== 32) throw new Error('data key must be 256 bits');
  const raw = Buffer.alloc(67);
  raw.write("x'", 0, 'latin1');
  for (let i = 0; i < 32; i += 1) raw.write(dataKey[i]!.toString(16).padStart(2, '0'), 2 + i * 2, 'latin1');
  raw.write("'", 66, 'latin1');
  try {
    return use(raw);
  } finally {
    raw.fill(0);
  }
}

export function openRegisterDb(path: string, dataKey: Buffer, options: { create?: boolean } = {}): Connection {
  const sqlite = new Database(path, { fileMustExist: !options.create });
  try {
    keyConnection(sqlite, dataKey);
    // The first read fails with SQLITE_NOTADB when the key is wrong or a page does not authenticate.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Freed pages are overwritten, so erased personal data leaves no trace in the file.
    sqlite.pragma('secure_delete = ON');
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DomainError('REGISTER_DAMAGED');
    throw error;
  }
  return { sqlite, db: drizzle(sqlite, { schema }) };
}
