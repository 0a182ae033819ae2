// Handlers of the foundation's channels: session, setup, account, users, settings, audit, rekey.
import type { HandlersFor } from './types';
import type { foundationChannels } from '../../shared/contract';
import type { Session } from '../session';
import * as usersService from '../services/users';
import * as registerService from '../services/register';
import { ctxOf, keyCtxOf } from '../services/context';
import { workingDayOptions } from '../settings';

export function foundationHandlers(session: Session): HandlersFor<keyof typeof foundationChannels> {
  const shown = () => ({ ...session.pendingRecoveryKey(), state: session.state() });
  const ctx = () => keyCtxOf(session);
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
      await registerService.replaceUnconfirmedRecoveryKey(ctx());
      return session.state();
    },
    'session.recover': async ({ username, recoveryKey }) => {
      await session.unlock({ kind: 'recovery', username, secret: recoveryKey });
      await registerService.replaceUnconfirmedRecoveryKey(ctx());
      return session.state();
    },
    'session.lock': () => {
      session.lock();
      return session.state();
    },
    'session.activity': () => ({}),
    'setup.pendingRecoveryKey': () => shown(),
    'setup.confirmRecoveryKey': ({ group, value }) => {
      registerService.confirmRecoveryKey(ctx(), group, value);
      return session.state();
    },
    'account.changePassphrase': async ({ current, passphrase }) => {
      await usersService.changeOwnPassphrase(ctx(), current, passphrase);
      await registerService.replaceUnconfirmedRecoveryKey(ctx()); // a used recovery key is replaced at once
      return session.state();
    },
    'account.setLocale': ({ locale }) => {
      usersService.setLocale(ctx(), locale);
      return session.state();
    },
    'register.overview': () => registerService.overview(ctxOf(session)),
    'settings.get': () => ({ autoLockMinutes: session.autoLockMinutes(), saintJohnHoliday: workingDayOptions(ctxOf(session).db).saintJohn }),
    'settings.setSaintJohnHoliday': ({ holiday }) => registerService.setSaintJohnHoliday(ctxOf(session), holiday),
    'settings.setAutoLock': ({ minutes }) => {
      const result = registerService.setAutoLockMinutes(ctxOf(session), minutes);
      session.touch();
      return result;
    },
    'users.list': () => usersService.listUsers(ctx()),
    'users.create': ({ username, displayName, role, passphrase }) => usersService.createUser(ctx(), { username, displayName, role, passphrase }),
    'users.setRole': ({ userId, role }) => usersService.setRole(ctx(), userId, role),
    'users.disable': async ({ userId, rekey, deleteOldBackups }) => ({ ...(await usersService.disableUser(ctx(), userId, { rekey, deleteOldBackups })), state: session.state() }),
    'users.resetPassphrase': ({ userId, passphrase }) => usersService.resetPassphrase(ctx(), userId, passphrase),
    'register.rekey': async ({ passphrase }) => {
      await registerService.rekey(ctx(), passphrase);
      return shown();
    },
    'audit.list': ({ page, pageSize }) => registerService.auditPage(ctxOf(session), page, pageSize),
  };
}
