// Handlers of the export channels (electron/shared/channels/exports.ts).
import type { HandlersFor } from './types';
import type { exportsChannels } from '../../shared/channels/exports';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import { nominalList } from '../exports/nominal-list';
import { deliverFile, type Shell } from '../shell';

export function exportsHandlers(session: Session, shell: Shell = {}): HandlersFor<keyof typeof exportsChannels> {
  return {
    'exports.nominalList': async ({ month, reason, passphrase, locale }) => {
      const list = await nominalList(ctxOf(session), { month, reason, passphrase, locale });
      return { ...(await deliverFile(shell, list, { name: 'ZIP', extensions: ['zip'] })), rows: list.rows };
    },
  };
}
