// Passphrase → key-encryption key with scrypt, and AES-256-GCM wrapping of the register's data key.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

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
const TARGET_MS = 500;

function scryptAsync(secret: string | Buffer, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const maxmemFor = (N: number, r: number) => 128 * N * r * 2 + 16 * 1024 * 1024;

export function deriveKek(secret: string, params: ScryptParams): Promise<Buffer> {
  return scryptAsync(secret.normalize('NFC'), Buffer.from(params.salt, 'base64'), {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: maxmemFor(params.N, params.r),
  });
}

let calibratedN: number | null = null;

/** Picks N so one derivation takes about half a second on this machine (never below 2^17). Measured once per process. */
export async function calibratedParams(): Promise<ScryptParams> {
  if (calibratedN === null) {
    let N = MIN_SCRYPT_N;
    const started = performance.now();
    await scryptAsync('calibration', randomBytes(16), { N, r: 8, p: 1, maxmem: maxmemFor(N, 8) });
    const ms = performance.now() - started;
    // Each doubling of N doubles the time; stop at the power of two closest to the target.
    while (ms * (N / MIN_SCRYPT_N) * 1.5 < TARGET_MS && N < 2 ** 20) N *= 2;
    calibratedN = N;
  }
  return { name: 'scrypt', N: calibratedN, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export interface Wrapped {
  /** base64 */
  iv: string;
  tag: string;
  wrapped: string;
}

export function wrapKey(kek: Buffer, dataKey: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
}

/** Returns the data key, or null when the key-encryption key (the passphrase) is wrong or the slot was altered. */
export function unwrapKey(kek: Buffer, slot: Wrapped, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
