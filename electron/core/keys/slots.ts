// The key-slot file next to the database: for each user (by id) and for the recovery key, the data key
// wrapped under a passphrase-derived key. It holds no names: a user's slot is found by an HMAC of the
// username under a per-register salt. Written atomically (temp file, fsync, rename, fsync of the folder).
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { dirname, basename, join } from 'node:path';
import { z } from 'zod';
import { calibratedParams, deriveKek, unwrapKey, wrapKey, type ScryptParams } from './kdf';

// Upper bounds too: a tampered slot file must not make an unlock exhaust memory.
const scryptParamsSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 17).max(2 ** 22),
  r: z.number().int().min(8).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string(),
});

const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.number().int().nullable(),
  lookup: z.string().nullable(),
  kdf: scryptParamsSchema,
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
});
export type Slot = z.infer<typeof slotSchema>;

const slotFileSchema = z.object({
  format: z.literal('approdo-keyslots'),
  version: z.literal(1),
  registerId: z.string(),
  lookupSalt: z.string(),
  slots: z.array(slotSchema),
});
export type SlotFile = z.infer<typeof slotFileSchema>;

export function newSlotFile(): SlotFile {
  return {
    format: 'approdo-keyslots',
    version: 1,
    registerId: randomUUID(),
    lookupSalt: randomBytes(16).toString('base64'),
    slots: [],
  };
}

export function readSlotFile(path: string): SlotFile {
  return slotFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Atomic replace: a crash leaves either the old file or the new one, never a torn one. */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeSlotFile(path: string, file: SlotFile): void {
  writeFileAtomic(path, JSON.stringify(slotFileSchema.parse(file), null, 2));
}

export const pendingPath = (path: string) => `${path}.next`;
export const slotFileExists = (path: string) => existsSync(path);

export function usernameLookup(file: SlotFile, username: string): string {
  return createHmac('sha256', Buffer.from(file.lookupSalt, 'base64')).update(username.toLowerCase()).digest('hex');
}

/** Binds the wrapped key to its register, kind and user: a slot copied onto another user's id fails to open. */
const aadOf = (file: SlotFile, kind: Slot['kind'], userId: number | null) =>
  `approdo-slot|v1|${file.registerId}|${kind}|${userId ?? ''}`;

export async function makeSlot(
  file: SlotFile,
  kind: Slot['kind'],
  userId: number | null,
  username: string | null,
  secret: string,
  dataKey: Buffer,
  params?: ScryptParams,
): Promise<Slot> {
  const kdf = params ?? (await calibratedParams());
  const kek = await deriveKek(secret, kdf);
  try {
    return {
      id: randomUUID(),
      kind,
      userId,
      lookup: username === null ? null : usernameLookup(file, username),
      kdf,
      ...wrapKey(kek, dataKey, aadOf(file, kind, userId)),
    };
  } finally {
    kek.fill(0);
  }
}

export async function openSlot(file: SlotFile, slot: Slot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, slot.kdf);
  try {
    return unwrapKey(kek, slot, aadOf(file, slot.kind, slot.userId));
  } finally {
    kek.fill(0);
  }
}

/** Spends the same time as a real attempt (same parameters as the file's slots), so an unknown username
 * cannot be told from a wrong passphrase. */
export async function decoyAttempt(file: SlotFile, secret: string): Promise<void> {
  const params = file.slots[0]?.kdf ?? (await calibratedParams());
  (await deriveKek(secret, params)).fill(0);
}

export const userSlot = (file: SlotFile, username: string) => {
  const lookup = usernameLookup(file, username);
  return file.slots.find((s) => s.kind === 'user' && s.lookup === lookup) ?? null;
};
export const recoverySlot = (file: SlotFile) => file.slots.find((s) => s.kind === 'recovery') ?? null;
export const withoutUser = (file: SlotFile, userId: number): SlotFile => ({
  ...file,
  slots: file.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)),
});
export const withSlot = (file: SlotFile, slot: Slot): SlotFile => ({
  ...file,
  slots: [
    ...file.slots.filter((s) => !(s.kind === slot.kind && (slot.kind === 'recovery' || s.userId === slot.userId))),
    slot,
  ],
});
