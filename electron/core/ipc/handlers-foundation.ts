// Handlers of the foundation's channels: session, setup, account, users, settings, audit, rekey.
import type { HandlersFor } from './types';
import type { foundationChannels } from '../../shared/contract';
import type { Session } from '../session';
import * as usersService from '../services/users';
import * as registerService from '../services/register';

export function foundationHandlers(session: Session): HandlersFor<keyof typeof foundationChannels> {
  const shown = () => ({ ...session.pendingRecoveryKey(), state: session.state() });
  return {
    'session.state': () => session.state(),
    'register.create': async ({ username, displayName, passphrase }) => {
      await session.create({ username, displayName, passphrase });
      return shown();
    },
    'register.createDemo': async ({ username, displayName, passphrase }) => {
      await session.create({ username, displayName, passphrase }, 'demo');
      return shown();
    },
    'register.switch': ({ kind }) => {
      session.switchRegister(kind);
      return session.state();
    },
    'session.login': async ({ username, passphrase }) => {
      await session.unlock({ kind: 'passphrase', username, secret: passphrase });
      await registerService.replaceUnconfirmedRecoveryKey(session);
      return session.state();
    },
    'session.recover': async ({ username, recoveryKey }) => {
      await session.unlock({ kind: 'recovery', username, secret: recoveryKey });
      await registerService.replaceUnconfirmedRecoveryKey(session);
      return session.state();
    },
    'session.lock': () => {
      session.lock();
      return session.state();
    },
    'session.activity': () => ({}),
    'setup.pendingRecoveryKey': () => shown(),
    'setup.confirmRecoveryKey': ({ group, value }) => {
      registerService.confirmRecoveryKey(session, group, value);
      return session.state();
    },
    'account.changePassphrase': async ({ current, passphrase }) => {
      await usersService.changeOwnPassphrase(session, current, passphrase);
      await registerService.replaceUnconfirmedRecoveryKey(session); // a used recovery key is replaced at once
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
    'register.rekey': async ({ passphrase }) => {
      await registerService.rekey(session, passphrase);
      return shown();
    },
    'audit.list': ({ page, pageSize }) => registerService.auditPage(session, page, pageSize),
  };
}
