// Each slot's public key, recorded inside the encrypted register: a rekey seals the new data key only to keys
// the register vouches for, so a slot file altered on disk cannot redirect it (docs/security.md).
import { like } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { settings } from '../db/schema';
import { getSetting, putSetting } from '../settings';
import type { Slot, SlotFile } from './slots';

const settingOf = (slot: Pick<Slot, 'kind' | 'userId'>): `slot_public_key:${string}` => `slot_public_key:${slot.kind}:${slot.userId ?? ''}`;

/** Records the slots' public keys, replacing those of slots that are gone. Inside the write's transaction. */
export function recordPublicKeys(tx: Db, slots: SlotFile): void {
  tx.delete(settings).where(like(settings.key, 'slot_public_key:%')).run();
  for (const slot of slots.slots) putSetting(tx, settingOf(slot), slot.publicKey);
}

/** Whether the register recorded this slot's public key as it is in the file. */
export const vouchedFor = (db: Pick<Db, 'select'>, slot: Slot): boolean => getSetting(db, settingOf(slot)) === slot.publicKey;
