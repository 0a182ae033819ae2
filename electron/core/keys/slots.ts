// The key-slot file next to the database. Each user (by id) and the recovery key has a slot holding:
//   - an X25519 key pair: the public half in clear, the private half wrapped (AES-256-GCM) under a key
//     derived from the passphrase (scrypt);
//   - the register's data key sealed to that public key (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM).
// So a rekey can seal a new data key to every remaining user without knowing any passphrase, and a user
// who is removed keeps nothing that opens the new key (docs/security.md). Node's `crypto` does every step.
// The file holds no names: a user's slot is found by an HMAC of the username under a per-register salt.
// Written atomically (temp file, fsync, rename, fsync of the folder).
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import {
  createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomUUID,
} from 'node:crypto';
import { dirname, basename, join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { calibratedParams, deriveKek, MIN_SCRYPT_N, unwrapKey, wrapKey, type ScryptParams, type Wrapped } from './kdf';

const base64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/);

// Bounds here and again, against this machine's calibration, before any derivation (kdf.ts checkCost).
const scryptParamsSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(MIN_SCRYPT_N).max(2 ** 18),
  r: z.number().int().min(8).max(16),
  p: z.number().int().min(1).max(4),
  salt: base64(64),
});

/** AES-256-GCM: a 12-byte IV and a 16-byte tag, nothing shorter (base64 lengths 16 and 24). */
const wrappedSchema = z.object({ iv: base64(16).length(16), tag: base64(24).length(24), wrapped: base64(4096) });

const slotSchema = z.object({
  id: z.string().max(64),
  kind: z.enum(['user', 'recovery']),
  userId: z.number().int().nullable(),
  lookup: z.string().max(128).nullable(),
  kdf: scryptParamsSchema,
  /** X25519 public key, SPKI DER. */
  publicKey: base64(128),
  /** The private key (PKCS8 DER) under the passphrase-derived key. */
  privateKey: wrappedSchema,
  /** The data key, sealed to publicKey: `ephemeral` is the sender's one-time public key (SPKI DER). */
  sealed: wrappedSchema.extend({ ephemeral: base64(128) }),
});
export type Slot = z.infer<typeof slotSchema>;

const slotFileSchema = z.object({
  format: z.literal('approdo-keyslots'),
  version: z.literal(2),
  registerId: z.string().max(100),
  lookupSalt: base64(64),
  slots: z.array(slotSchema).max(1000),
});
export type SlotFile = z.infer<typeof slotFileSchema>;

export function newSlotFile(): SlotFile {
  return {
    format: 'approdo-keyslots',
    version: 2,
    registerId: randomUUID(),
    lookupSalt: randomBytes(16).toString('base64'),
    slots: [],
  };
}

/** Parses a slot file's text; anything else than a well-formed file within the bounds above is KEY_SLOTS_INVALID. */
export function parseSlotFile(text: string): SlotFile {
  try {
    return slotFileSchema.parse(JSON.parse(text));
  } catch {
    throw new DomainError('KEY_SLOTS_INVALID');
  }
}

export function readSlotFile(path: string): SlotFile {
  return parseSlotFile(readFileSync(path, 'utf8'));
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

/** Binds the sealed key to its register, kind and user: a slot copied onto another user's id fails to open. */
const aadOf = (file: SlotFile, kind: Slot['kind'], userId: number | null) =>
  `approdo-slot|v2|${file.registerId}|${kind}|${userId ?? ''}`;
/** The private key's wrapping also binds its public key: a public key swapped in the file fails to open. */
const privateAad = (file: SlotFile, slot: Pick<Slot, 'kind' | 'userId' | 'publicKey'>) => `${aadOf(file, slot.kind, slot.userId)}|private|${slot.publicKey}`;

const der = (b64: string) => Buffer.from(b64, 'base64');

/** The key that seals to (or opens from) one recipient: HKDF-SHA256 over the X25519 shared secret, salted with
 * both public keys, bound to the slot. The caller wipes it. */
function sealingKey(shared: Buffer, ephemeral: string, recipient: string, aad: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([der(ephemeral), der(recipient)]), `approdo-seal-v2|${aad}`, 32));
}

/** Seals `dataKey` to an X25519 public key (SPKI DER, base64). */
function seal(recipient: string, dataKey: Buffer, aad: string): Slot['sealed'] {
  const pair = generateKeyPairSync('x25519');
  const ephemeral = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const shared = diffieHellman({ privateKey: pair.privateKey, publicKey: createPublicKey({ key: der(recipient), format: 'der', type: 'spki' }) });
  const key = sealingKey(shared, ephemeral, recipient, aad);
  shared.fill(0);
  try {
    return { ephemeral, ...wrapKey(key, dataKey, aad) };
  } finally {
    key.fill(0);
  }
}

/** Makes a slot: a new key pair, its private half wrapped under `secret`, the data key sealed to it. */
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
  const pair = generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const privateDer = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  try {
    return {
      id: randomUUID(),
      kind,
      userId,
      lookup: username === null ? null : usernameLookup(file, username),
      kdf,
      publicKey,
      privateKey: wrapKey(kek, privateDer, privateAad(file, { kind, userId, publicKey })),
      sealed: seal(publicKey, dataKey, aadOf(file, kind, userId)),
    };
  } finally {
    kek.fill(0);
    privateDer.fill(0);
  }
}

/** The same slot with `dataKey` sealed to its public key instead (a rekey: no passphrase needed). */
export function resealSlot(file: SlotFile, slot: Slot, dataKey: Buffer): Slot {
  return { ...slot, sealed: seal(slot.publicKey, dataKey, aadOf(file, slot.kind, slot.userId)) };
}

/** The data key, or null when the secret is wrong or the slot was altered. Throws KEY_SLOTS_INVALID when the
 * slot asks for an excessive key-derivation cost (kdf.ts). */
export async function openSlot(file: SlotFile, slot: Slot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, slot.kdf);
  let privateDer: Buffer | null = null;
  try {
    privateDer = unwrapKey(kek, slot.privateKey, privateAad(file, slot));
    if (!privateDer) return null;
    const privateKey = createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
    const aad = aadOf(file, slot.kind, slot.userId);
    let shared: Buffer;
    try {
      shared = diffieHellman({ privateKey, publicKey: createPublicKey({ key: der(slot.sealed.ephemeral), format: 'der', type: 'spki' }) });
    } catch {
      return null;
    }
    const key = sealingKey(shared, slot.sealed.ephemeral, slot.publicKey, aad);
    shared.fill(0);
    try {
      return unwrapKey(key, slot.sealed as Wrapped, aad);
    } finally {
      key.fill(0);
    }
  } catch {
    return null;
  } finally {
    kek.fill(0);
    privateDer?.fill(0);
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
