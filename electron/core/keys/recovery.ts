// The recovery key: 160 random bits in Crockford base32, shown once in groups of four to read aloud.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_GROUPS = 8;
const GROUP = 4;

export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out; // 32 characters
}

export function groupsOf(key: string): string[] {
  const groups: string[] = [];
  for (let i = 0; i < key.length; i += GROUP) groups.push(key.slice(i, i + GROUP));
  return groups;
}

/** What people type back: any case, spaces or dashes, and the letters Crockford reads as digits. */
export function normaliseRecoveryKey(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/U/g, 'V');
}
