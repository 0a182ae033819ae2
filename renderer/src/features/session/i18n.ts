// The session feature's strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  login: {
    title: 'Accedi al registro',
    submit: 'Accedi',
    useRecoveryKey: 'Usa la chiave di recupero',
    unlocking: 'Apertura del registro…',
    wait_one: 'Troppi tentativi falliti: attendi {{count}} secondo prima di riprovare.',
    wait_other: 'Troppi tentativi falliti: attendi {{count}} secondi prima di riprovare.',
  },
  lock: {
    title: 'Registro bloccato',
    body: 'Il registro è stato bloccato. Inserisci la tua passphrase per continuare.',
    submit: 'Sblocca',
    anotherUser: 'Accedi con un altro utente',
  },
  recover: {
    title: 'Accesso con la chiave di recupero',
    intro:
      'Inserisci il tuo nome utente e la chiave di recupero del registro. Subito dopo dovrai scegliere una nuova passphrase.',
    recoveryKey: 'Chiave di recupero',
    recoveryKeyHint: 'Puoi digitarla con o senza spazi e trattini.',
    submit: 'Apri con la chiave di recupero',
    backToLogin: 'Torna all’accesso con passphrase',
  },
  changePassphrase: {
    forcedTitle: 'Scegli una nuova passphrase',
    forcedByAdmin:
      'La passphrase attuale ti è stata assegnata da un amministratore. Prima di continuare scegline una che conosci solo tu.',
    forcedAfterRecovery:
      'Hai aperto il registro con la chiave di recupero. Scegli ora una nuova passphrase personale.',
    title: 'Cambia la mia passphrase',
    submit: 'Cambia passphrase',
    success: 'Passphrase cambiata.',
  },
};

export const en: Dictionary<typeof it> = {
  login: {
    title: 'Sign in to the register',
    submit: 'Sign in',
    useRecoveryKey: 'Use the recovery key',
    unlocking: 'Opening the register…',
    wait_one: 'Too many failed attempts: wait {{count}} second before trying again.',
    wait_other: 'Too many failed attempts: wait {{count}} seconds before trying again.',
  },
  lock: {
    title: 'Register locked',
    body: 'The register has been locked. Enter your passphrase to continue.',
    submit: 'Unlock',
    anotherUser: 'Sign in as another user',
  },
  recover: {
    title: 'Sign in with the recovery key',
    intro: 'Enter your username and the register’s recovery key. You will then choose a new passphrase.',
    recoveryKey: 'Recovery key',
    recoveryKeyHint: 'You may type it with or without spaces and hyphens.',
    submit: 'Open with the recovery key',
    backToLogin: 'Back to passphrase sign-in',
  },
  changePassphrase: {
    forcedTitle: 'Choose a new passphrase',
    forcedByAdmin:
      'Your current passphrase was given to you by an administrator. Before continuing, choose one only you know.',
    forcedAfterRecovery: 'You opened the register with the recovery key. Now choose a new personal passphrase.',
    title: 'Change my passphrase',
    submit: 'Change passphrase',
    success: 'Passphrase changed.',
  },
};
