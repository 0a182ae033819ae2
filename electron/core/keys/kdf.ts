// Passphrase → key-encryption key with scrypt, and AES-256-GCM wrapping of small secrets (a private key, a
// data key). Every cost a slot file asks for is bounded before anything is derived: a tampered or crafted
// slot file (in the register folder or inside a backup) must not make an unlock exhaust memory or time.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../../shared/errors';

export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

/** Never below this: N = 2^17, r = 8 (128 MiB per derivation). */
export const MIN_SCRYPT_N = 2 ** 17;
/** Never above this: calibration stops at N = 2^18 with r = 8, i.e. 256 MiB. */
export const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
/** A slot may ask for at most this many times the work calibrated on this machine (N·r·p). */
export const MAX_WORK_FACTOR = 8;
const TARGET_MS = 500;

const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;

function scryptAsync(secret: string | Buffer, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** scrypt's memory: 128·N·r bytes for the main buffer (plus 128·r·p, small): the bound checked below. */
export const scryptMemory = (N: number, r: number) => 128 * N * r;
const maxmemFor = (N: number, r: number) => scryptMemory(N, r) + 16 * 1024 * 1024;

let calibratedN: number | null = null;

async function calibrate(): Promise<number> {
  if (calibratedN === null) {
    let N = MIN_SCRYPT_N;
    const started = performance.now();
    await scryptAsync('calibration', randomBytes(16), { N, r: 8, p: 1, maxmem: maxmemFor(N, 8) });
    const ms = performance.now() - started;
    // Each doubling of N doubles the time (and the memory): stop at the power of two closest to the target,
    // within the memory bound.
    while (ms * (N / MIN_SCRYPT_N) * 1.5 < TARGET_MS && scryptMemory(N * 2, 8) <= MAX_SCRYPT_MEMORY) N *= 2;
    calibratedN = N;
  }
  return calibratedN;
}

/** Picks N so one derivation takes about half a second on this machine (2^17 or 2^18). Measured once per process. */
export async function calibratedParams(): Promise<ScryptParams> {
  return { name: 'scrypt', N: await calibrate(), r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

/**
 * Refuses parameters whose memory exceeds 256 MiB or whose work exceeds 8× what is calibrated here (a slot
 * made on a faster computer still opens; one crafted to take minutes does not). Throws KEY_SLOTS_INVALID.
 */
export async function checkCost(params: ScryptParams): Promise<void> {
  const calibratedWork = (await calibrate()) * 8;
  const power = Number.isInteger(Math.log2(params.N));
  if (!power || params.N < MIN_SCRYPT_N || params.r < 1 || params.p < 1 || scryptMemory(params.N, params.r) > MAX_SCRYPT_MEMORY
    || params.N * params.r * params.p > MAX_WORK_FACTOR * calibratedWork) {
    throw new DomainError('KEY_SLOTS_INVALID');
  }
}

export async function deriveKek(secret: string, params: ScryptParams): Promise<Buffer> {
  await checkCost(params);
  return scryptAsync(secret.normalize('NFC'), Buffer.from(params.salt, 'base64'), {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: maxmemFor(params.N, params.r),
  });
}

export interface Wrapped {
  /** base64 */
  iv: string;
  tag: string;
  wrapped: string;
}

export function wrapKey(kek: Buffer, secret: Buffer, aad: string): Wrapped {
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const wrapped = cipher.update(secret);
  const rest = cipher.final();
  const out = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrapped: Buffer.concat([wrapped, rest]).toString('base64') };
  return out;
}

/**
 * Returns the secret, or null when the key is wrong or the slot was altered. The tag must be exactly 16 bytes
 * and the IV 12: GCM would otherwise accept a tag cut short, which is far easier to forge. The returned buffer
 * is the only copy of the secret (the caller wipes it).
 */
export function unwrapKey(kek: Buffer, slot: Wrapped, aad: string): Buffer | null {
  const iv = Buffer.from(slot.iv, 'base64');
  const tag = Buffer.from(slot.tag, 'base64');
  if (iv.length !== GCM_IV_BYTES || tag.length !== GCM_TAG_BYTES) return null;
  const ciphertext = Buffer.from(slot.wrapped, 'base64');
  let plain: Buffer | null = null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, iv, { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    plain = decipher.update(ciphertext);
    // GCM is a stream mode: final() only checks the tag and returns nothing, so `plain` is the whole secret.
    const rest = decipher.final();
    if (rest.length > 0) {
      const whole = Buffer.concat([plain, rest]);
      plain.fill(0);
      rest.fill(0);
      return whole;
    }
    return plain;
  } catch {
    plain?.fill(0);
    return null;
  }
}
