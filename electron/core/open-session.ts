// What an unlocked register holds in memory while it is open: the connection, the data key (wiped at lock),
// the key slots, who is signed in. Its own module so the backup and damage code can name it without
// importing the Session.
import type { SessionUser } from '../shared/contract';
import type { Connection } from './db/connection';
import type { SlotFile } from './keys/slots';

export interface PendingRecovery {
  key: string;
  confirmGroup: number;
}

export interface OpenSession {
  conn: Connection;
  dataKey: Buffer;
  slots: SlotFile;
  user: SessionUser;
  mustChangePassphrase: boolean;
  recoveredWithKey: boolean;
  pendingRecovery: PendingRecovery | null;
}
