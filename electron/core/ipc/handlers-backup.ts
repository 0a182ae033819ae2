// Handlers of the backup channels (electron/shared/channels/backup.ts). The automatic backups and page
// checks are attached to the session by createAppCore (electron/core/app.ts), not here.
import type { HandlersFor } from './types';
import type { backupChannels } from '../../shared/channels/backup';
import type { Session } from '../session';
import type { Shell } from '../shell';
import { keyCtxOf } from '../services/context';
import { restoreBackup } from '../backup/restore';
import * as backups from '../backup/service';

export function backupHandlers(session: Session, shell: Shell): HandlersFor<keyof typeof backupChannels> {
  const ctx = () => keyCtxOf(session);
  return {
    'backup.list': () => ({ ...backups.backupsOverview(ctx()), canPickFolder: shell.pickFolder !== undefined }),
    'backup.run': () => backups.backUpNow(ctx()),
    // Without a native chooser (browser host) the typed path is the choice; the backup service checks it either way.
    'backup.pickFolder': async ({ suggested }) =>
      shell.pickFolder ? { folder: await shell.pickFolder(suggested), native: true } : { folder: suggested, native: false },
    'backup.toFolder': ({ folder }) => backups.backUpToFolder(ctx(), folder),
    'backup.status': () => backups.backupStatus(ctx()),
    'backup.offer': () => backups.recoveryOffer(session),
    'backup.restore': async (input) => {
      const credential = input.kind === 'recovery'
        ? { kind: 'recovery' as const, secret: input.recoveryKey }
        : { kind: 'passphrase' as const, username: input.username, secret: input.passphrase };
      return { keptAside: await restoreBackup(session, input.file, credential) };
    },
  };
}
