// Verifying an encrypted database copy before it is trusted: every page authenticates under the data key,
// SQLite's integrity_check is ok, and (for a backup) every table holds as many rows as the source.
import Database from 'better-sqlite3';
import { keyConnection } from '../db/connection';
import { checkAllPages, scanAllPages, type PageReport } from './pages';

export type TableCounts = Record<string, number>;

/** Why a copy was refused: fixed texts for the log, never anything read from the register. */
export class CopyRefused extends Error {
  constructor(readonly reason: 'page authentication' | 'integrity check' | 'row counts' | 'unreadable') {
    super(`database copy refused: ${reason}`);
    this.name = 'CopyRefused';
  }
}

/** Row counts of every table, by name (the migrations' bookkeeping and sqlite_sequence included). */
export function tableCounts(sqlite: Database.Database): TableCounts {
  const names = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  const counts: TableCounts = {};
  for (const name of names) counts[name] = sqlite.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number;
  return counts;
}

const sameCounts = (a: TableCounts, b: TableCounts) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, n]) => b[name] === n);

/**
 * Opens the copy read-only with the key and checks it. Throws CopyRefused; returns the copy's row counts.
 * The copy is never written: a refused copy stays byte for byte what was checked.
 */
export function verifyDatabaseCopy(path: string, dataKey: Buffer, expected?: TableCounts, checkedPages?: PageReport): TableCounts {
  const pages = checkedPages ?? checkAllPages(path, dataKey);
  if (pages.failedCount > 0 || pages.authenticated === 0) throw new CopyRefused('page authentication');
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new CopyRefused('unreadable');
  }
  try {
    keyConnection(sqlite, dataKey);
    let result: unknown[];
    try {
      result = sqlite.pragma('integrity_check') as unknown[];
    } catch {
      throw new CopyRefused('integrity check');
    }
    if (result.length !== 1 || (result[0] as { integrity_check?: string }).integrity_check !== 'ok') throw new CopyRefused('integrity check');
    const counts = tableCounts(sqlite);
    if (expected && !sameCounts(counts, expected)) throw new CopyRefused('row counts');
    return counts;
  } finally {
    sqlite.close();
  }
}

/** verifyDatabaseCopy for a restore: the page check (the long part) a MiB per turn of the event loop. */
export async function verifyDatabaseCopyYielding(path: string, dataKey: Buffer): Promise<TableCounts> {
  const pages = await scanAllPages(path, dataKey, () => true);
  return verifyDatabaseCopy(path, dataKey, undefined, pages ?? undefined);
}
