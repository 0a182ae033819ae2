// The one way a service commits a database change that also replaces the key-slot file.
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/connection';
import { fsyncDir, pendingPath, writeSlotFile, type SlotFile } from '../keys/slots';
import type { OpenSession } from '../session';

/**
 * Commits a database change together with a new slot file. The slot file is staged (`.next`, fsynced)
 * before the transaction, the transaction commits, and only then is the staged file renamed into place:
 * if the commit fails (disk full, I/O error) the staged file is removed and the old slots stay in force.
 * A crash between commit and rename leaves the staged file, which unlocking uses when the old slots do
 * not open the register for that user (see openRegister).
 */
export function commitWithSlots(open: OpenSession, path: string, nextSlots: SlotFile | null, write: (tx: Db) => void): void {
  const staged = pendingPath(path);
  if (nextSlots) writeSlotFile(staged, nextSlots);
  try {
    open.conn.db.transaction((tx) => write(tx as unknown as Db));
  } catch (error) {
    if (nextSlots) rmSync(staged, { force: true });
    throw error;
  }
  if (nextSlots) {
    renameSync(staged, path);
    fsyncDir(dirname(path));
    open.slots = nextSlots;
  }
}
