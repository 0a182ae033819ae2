// Which driver and file-system errors become DISK_FULL or READ_ONLY, through drizzle's wrapping.
import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { storageFault } from '../../electron/core/storage-faults';

const coded = (code: string) => Object.assign(new Error('driver message'), { code });

describe('storage faults', () => {
  it('reads a full disk from SQLite codes and errno codes', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_SHMSIZE', 'ENOSPC', 'EFBIG', 'EDQUOT']) {
      expect(storageFault(coded(code)), code).toBe('DISK_FULL');
    }
  });

  it('reads a read-only folder or file from SQLite codes and errno codes', () => {
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'EROFS', 'EACCES', 'EPERM']) {
      expect(storageFault(coded(code)), code).toBe('READ_ONLY');
    }
  });

  it('finds the driver error inside drizzle’s query error', () => {
    expect(storageFault(new DrizzleQueryError('insert into "stays" …', [], coded('SQLITE_FULL')))).toBe('DISK_FULL');
  });

  it('leaves other failures alone: constraint errors, failed reads, damaged files, plain errors', () => {
    for (const error of [coded('SQLITE_CONSTRAINT_FOREIGNKEY'), coded('SQLITE_IOERR_READ'), coded('SQLITE_NOTADB'), coded('ENOENT'), new Error('x'), null, 'text']) {
      expect(storageFault(error)).toBeNull();
    }
  });
});
