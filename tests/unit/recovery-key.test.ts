import { describe, expect, it } from 'vitest';
import { groupsOf, newRecoveryKey, normaliseRecoveryKey } from '../../electron/core/keys/recovery';
import { unwrapKey, wrapKey } from '../../electron/core/keys/kdf';
import { randomBytes } from 'node:crypto';

describe('the recovery key', () => {
  it('has 160 random bits in eight groups of four unambiguous characters', () => {
    const key = newRecoveryKey();
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{32}$/);
    expect(groupsOf(key)).toHaveLength(8);
    expect(new Set(Array.from({ length: 50 }, newRecoveryKey)).size).toBe(50);
  });
  it('accepts what people type back: case, spaces, dashes, O for 0 and I or L for 1', () => {
    expect(normaliseRecoveryKey('ab0c-1def o1il')).toBe('AB0C1DEF0111');
  });
});

describe('key wrapping', () => {
  it('opens only with the same key-encryption key and the same slot binding', () => {
    const kek = randomBytes(32);
    const dataKey = randomBytes(32);
    const slot = wrapKey(kek, dataKey, 'user|1');
    expect(unwrapKey(kek, slot, 'user|1')?.equals(dataKey)).toBe(true);
    expect(unwrapKey(randomBytes(32), slot, 'user|1')).toBeNull();
    expect(unwrapKey(kek, slot, 'user|2')).toBeNull(); // a slot moved onto another user does not open
    const tampered = { ...slot, wrapped: Buffer.from(Buffer.from(slot.wrapped, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64') };
    expect(unwrapKey(kek, tampered, 'user|1')).toBeNull();
  });

  it('refuses an AES-GCM tag shorter than 16 bytes, which would be far easier to forge', () => {
    const kek = randomBytes(32);
    const slot = wrapKey(kek, randomBytes(32), 'user|1');
    for (const bytes of [4, 8, 12, 15]) {
      expect(unwrapKey(kek, { ...slot, tag: Buffer.from(slot.tag, 'base64').subarray(0, bytes).toString('base64') }, 'user|1'), `${bytes}-byte tag`).toBeNull();
    }
  });
});
