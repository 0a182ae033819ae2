// Handlers of the backup channels (electron/shared/channels/backup.ts). The automatic backups and page
// checks are attached to the session by createAppCore (electron/core/app.ts), not here.
import type { HandlersFor } from './types';
import type { backupChannels } from '../../shared/channels/backup';
import type { Session } from '../session';
import { restoreBackup } from '../backup/restore';
import * as backups from '../backup/service';

export function backupHandlers(session: Session): HandlersFor<keyof typeof backupChannels> {
  return {
    'backup.list': () => backups.backupsOverview(session),
    'backup.run': () => backups.backUpNow(session),
    'backup.toFolder': ({ folder }) => backups.backUpToFolder(session, folder),
    'backup.status': () => backups.backupStatus(session),
    'backup.offer': () => backups.recoveryOffer(session),
    'backup.restore': async (input) => {
      const credential = input.kind === 'recovery'
        ? { kind: 'recovery' as const, secret: input.recoveryKey }
        : { kind: 'passphrase' as const, username: input.username, secret: input.passphrase };
      return { keptAside: await restoreBackup(session, input.file, credential) };
    },
  };
}
