// One handler per contract channel: each turns parsed input into a call to a domain service.
// A test checks that this map and the contract list the same channels.
import type { ChannelName, ChannelOutput } from '../../shared/contract';
import type { ChannelParsedInput } from './types';
import type { Session } from '../session';
import * as usersService from '../services/users';
import * as registerService from '../services/register';

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export function createHandlers(session: Session): Handlers {
  const shown = (key: string) => ({ ...session.showRecoveryKey(key), state: session.state() });
  return {
    'session.state': () => session.state(),
    'register.create': async ({ username, displayName, passphrase }) => {
      const open = await session.create(session.options.migrationsFolder, { username, displayName, passphrase });
      return shown(open.pendingRecovery!.key);
    },
    'session.login': ({ username, passphrase }) => session.unlock({ kind: 'passphrase', username, secret: passphrase }),
    'session.recover': ({ username, recoveryKey }) => session.unlock({ kind: 'recovery', username, secret: recoveryKey }),
    'session.lock': () => {
      session.lock();
      return session.state();
    },
    'session.activity': () => ({}),
    'setup.confirmRecoveryKey': ({ group, value }) => {
      session.confirmRecoveryKey(group, value);
      return session.state();
    },
    'account.changePassphrase': async ({ current, passphrase }) => {
      await usersService.changeOwnPassphrase(session, current, passphrase);
      return session.state();
    },
    'account.setLocale': ({ locale }) => {
      usersService.setLocale(session, locale);
      return session.state();
    },
    'register.overview': () => registerService.overview(session),
    'settings.get': () => ({ autoLockMinutes: session.autoLockMinutes() }),
    'settings.setAutoLock': ({ minutes }) => registerService.setAutoLockMinutes(session, minutes),
    'users.list': () => usersService.listUsers(session),
    'users.create': ({ username, displayName, role, passphrase }) => usersService.createUser(session, { username, displayName, role, passphrase }),
    'users.setRole': ({ userId, role }) => usersService.setRole(session, userId, role),
    'users.disable': ({ userId }) => usersService.disableUser(session, userId),
    'users.resetPassphrase': ({ userId, passphrase }) => usersService.resetPassphrase(session, userId, passphrase),
    'register.rekey': async ({ passphrase }) => shown(await registerService.rekey(session, passphrase)),
    'audit.list': ({ page, pageSize }) => registerService.auditPage(session, page, pageSize),
  };
}
