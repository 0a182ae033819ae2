// The backup file: one container holding the key-slot file and the encrypted database copy, as they are on
// disk. Nothing in it is in clear beyond the small header below; the database part stays SQLCipher pages.
//
//   16 bytes   magic "APPRODO-BACKUP\0\x01"
//    4 bytes   header length H (unsigned, big-endian)
//    H bytes   header, JSON (ContainerHeader: lengths and SHA-256 of the two parts, creation time, register id)
//              — no counts, names or anything else read from inside the register
//   slots      the key-slot file (wrapped keys only)
//   database   the SQLCipher 4 file, same data key
//   32 bytes   HMAC-SHA256 of everything before it, under a key derived from the data key
//
// The SHA-256 values find accidental damage without any key; the HMAC proves, once a slot has given the
// data key, that header, slots and database were written together by someone holding that key.
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, statfsSync, writeSync } from 'node:fs';
import { createHash, createHmac, hkdfSync, timingSafeEqual, type Hash } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../../shared/errors';

const MAGIC = Buffer.from('APPRODO-BACKUP\u0000\u0001', 'latin1');
const MAC_LENGTH = 32;
const MAX_HEADER = 16 * 1024;
const MAX_SLOTS = 1024 * 1024;
const PAGE_SIZE = 4096;
const CHUNK = 1024 * 1024;
/** The largest database part a backup may hold: far above any shelter network's register (the reference
 * register of 25,000 persons is about 30 MB), far below what would fill a disk by mistake. */
export const MAX_DB_LENGTH = 2 * 1024 * 1024 * 1024;

export const BACKUP_EXTENSION = '.approdo-backup';

const headerSchema = z.strictObject({
  format: z.literal('approdo-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  registerId: z.string().max(100),
  schemaVersion: z.number().int().min(0),
  slotsLength: z.number().int().min(2).max(MAX_SLOTS),
  slotsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  dbLength: z.number().int().min(PAGE_SIZE).max(MAX_DB_LENGTH).multipleOf(PAGE_SIZE),
  dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ContainerHeader = z.infer<typeof headerSchema>;

export interface ParsedContainer {
  header: ContainerHeader;
  slots: Buffer;
  /** Where the database part starts in the file. */
  dbOffset: number;
  size: number;
}

const invalid = () => new DomainError('BACKUP_INVALID', { file: ['errors.BACKUP_INVALID'] });

function macKeyFor(dataKey: Buffer, registerId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(registerId, 'utf8'), 'approdo-backup-mac-v1', 32));
}

function hashFile(path: string): { sha256: string; length: number } {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK);
    let length = 0;
    for (let read = readSync(fd, buffer, 0, CHUNK, length); read > 0; read = readSync(fd, buffer, 0, CHUNK, length)) {
      hash.update(buffer.subarray(0, read));
      length += read;
    }
    return { sha256: hash.digest('hex'), length };
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written);
}

/**
 * Writes the container to `path` (which must not exist; created readable by this user only), fsynced.
 * Returns the header written.
 */
export function writeContainer(
  path: string,
  parts: { createdAt: Date; registerId: string; schemaVersion: number; slots: Buffer; dbPath: string },
  dataKey: Buffer,
): ContainerHeader {
  const db = hashFile(parts.dbPath);
  const header = headerSchema.parse({
    format: 'approdo-backup', version: 1, createdAt: parts.createdAt.toISOString(), registerId: parts.registerId,
    schemaVersion: parts.schemaVersion, slotsLength: parts.slots.length, slotsSha256: createHash('sha256').update(parts.slots).digest('hex'),
    dbLength: db.length, dbSha256: db.sha256,
  });
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const macKey = macKeyFor(dataKey, parts.registerId);
  const mac = createHmac('sha256', macKey);
  macKey.fill(0);
  const fd = openSync(path, 'wx', 0o600);
  const put = (data: Buffer) => {
    mac.update(data);
    writeAll(fd, data);
  };
  try {
    for (const part of [MAGIC, length, headerBytes, parts.slots]) put(part);
    const source = openSync(parts.dbPath, 'r');
    try {
      const buffer = Buffer.alloc(CHUNK);
      let copied = 0;
      while (copied < header.dbLength) {
        const read = readSync(source, buffer, 0, Math.min(CHUNK, header.dbLength - copied), copied);
        if (read <= 0) throw new Error('database copy shrank while being packed');
        put(buffer.subarray(0, read));
        copied += read;
      }
    } finally {
      closeSync(source);
    }
    writeAll(fd, mac.digest());
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return header;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read <= 0) throw invalid();
    done += read;
  }
  return buffer;
}

/**
 * Opens a backup for reading, refusing anything but a regular file: opening a named pipe would wait for a
 * writer forever (in Electron: no IPC, no idle lock), and a device never ends. O_NONBLOCK makes the open
 * itself return at once whatever the path is; the check is then made on what was opened (no race).
 */
export function openRegularFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    throw new DomainError('BACKUP_NOT_FOUND', { file: ['errors.BACKUP_NOT_FOUND'] });
  }
  try {
    if (!fstatSync(fd).isFile()) throw invalid();
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** Refuses a database part larger than the free space where it is to be extracted (with room to spare for
 * the WAL and the migrations): extracting it would fill the disk under the register. */
export function checkRoomFor(parsed: ParsedContainer, dir: string): void {
  const { bavail, bsize } = statfsSync(dir);
  if (parsed.header.dbLength * 1.1 + 16 * 1024 * 1024 > bavail * bsize) {
    throw new DomainError('BACKUP_TOO_LARGE', { file: ['errors.BACKUP_TOO_LARGE'] });
  }
}

/** Reads the header and the slot file, and checks that the sizes add up. Needs no key; reads no database byte. */
export function readContainer(path: string): ParsedContainer {
  const fd = openRegularFile(path);
  try {
    const size = fstatSync(fd).size;
    if (size < MAGIC.length + 4 + MAC_LENGTH) throw invalid();
    if (!readExactly(fd, MAGIC.length, 0).equals(MAGIC)) throw invalid();
    const headerLength = readExactly(fd, 4, MAGIC.length).readUInt32BE(0);
    if (headerLength > MAX_HEADER) throw invalid();
    let header: ContainerHeader;
    try {
      header = headerSchema.parse(JSON.parse(readExactly(fd, headerLength, MAGIC.length + 4).toString('utf8')));
    } catch {
      throw invalid();
    }
    const slotsOffset = MAGIC.length + 4 + headerLength;
    const dbOffset = slotsOffset + header.slotsLength;
    if (dbOffset + header.dbLength + MAC_LENGTH !== size) throw invalid();
    const slots = readExactly(fd, header.slotsLength, slotsOffset);
    if (createHash('sha256').update(slots).digest('hex') !== header.slotsSha256) throw invalid();
    return { header, slots, dbOffset, size };
  } finally {
    closeSync(fd);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The one pass over the whole file: the database part must match its SHA-256, and everything must match the
 * HMAC under the data key the slot gave (BACKUP_INVALID otherwise). Yields after each MiB, so a caller can
 * give the event loop a turn in between.
 */
function* checkPass(path: string, parsed: ParsedContainer, dataKey: Buffer): Generator<void, void> {
  const macKey = macKeyFor(dataKey, parsed.header.registerId);
  const mac = createHmac('sha256', macKey);
  macKey.fill(0);
  const dbHash: Hash = createHash('sha256');
  const fd = openRegularFile(path);
  try {
    const end = parsed.size - MAC_LENGTH;
    const buffer = Buffer.alloc(CHUNK);
    for (let position = 0; position < end; ) {
      yield;
      const read = readSync(fd, buffer, 0, Math.min(CHUNK, end - position), position);
      if (read <= 0) throw invalid();
      const chunk = buffer.subarray(0, read);
      mac.update(chunk);
      const dbFrom = Math.max(parsed.dbOffset, position) - position;
      if (dbFrom < read) dbHash.update(chunk.subarray(dbFrom));
      position += read;
    }
    if (dbHash.digest('hex') !== parsed.header.dbSha256 || !timingSafeEqual(mac.digest(), readExactly(fd, MAC_LENGTH, end))) throw invalid();
  } finally {
    closeSync(fd);
  }
}

/** Test seam: called before each MiB of a restore's check, with how many were checked so far. */
export const containerProgress: { onChunk: ((done: number) => void) | null } = { onChunk: null };

/** The check of a backup being restored, one MiB per turn of the event loop: the app answers meanwhile. */
export async function verifyContainer(path: string, parsed: ParsedContainer, dataKey: Buffer): Promise<void> {
  let done = 0;
  for (const _ of checkPass(path, parsed, dataKey)) {
    await nextTurn();
    containerProgress.onChunk?.(done);
    done += 1;
  }
}

/** The same check on a container just written (synchronous: a backup is written between other work). */
export function verifyContainerSync(path: string, parsed: ParsedContainer, dataKey: Buffer): void {
  for (const _ of checkPass(path, parsed, dataKey));
}

/** Copies the database part, still encrypted, to `dest` (must not exist), fsynced. */
export async function extractDatabase(path: string, parsed: ParsedContainer, dest: string): Promise<void> {
  const source = openRegularFile(path);
  try {
    const fd = openSync(dest, 'wx', 0o600);
    try {
      const buffer = Buffer.alloc(CHUNK);
      for (let copied = 0; copied < parsed.header.dbLength; ) {
        await nextTurn();
        const read = readSync(source, buffer, 0, Math.min(CHUNK, parsed.header.dbLength - copied), parsed.dbOffset + copied);
        if (read <= 0) throw invalid();
        writeAll(fd, buffer.subarray(0, read));
        copied += read;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    closeSync(source);
  }
}
