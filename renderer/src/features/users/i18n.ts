// The users feature's strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  users: {
    title: 'Utenti',
    tableCaption: 'Utenti del registro',
    name: 'Nome',
    status: 'Stato',
    createdAt: 'Creato il',
    actions: 'Azioni',
    active: 'Attivo',
    disabled: 'Disattivato',
    mustChange: 'Deve cambiare passphrase',
    you: 'tu',
    roleOf: 'Ruolo di {{name}}',
    roleChanged: 'Ruolo di {{name}} aggiornato.',
    addTitle: 'Aggiungi un utente',
    addIntro:
      'Comunica la prima passphrase di persona: al primo accesso l’utente dovrà sceglierne una nuova.',
    firstPassphrase: 'Prima passphrase',
    firstPassphraseRepeat: 'Ripeti la prima passphrase',
    addSubmit: 'Aggiungi utente',
    added: 'Utente {{username}} aggiunto.',
    disable: 'Disattiva',
    disableTitle: 'Disattivare {{name}}?',
    disableBody:
      'L’utente non potrà più aprire il registro e la sua chiave di accesso viene eliminata. Le sue attività restano nel registro attività.',
    rekeyNow: 'Sostituisci subito la chiave del registro (consigliato)',
    rekeyNowHint:
      'Il registro viene cifrato con una chiave nuova: una copia della vecchia chiave di accesso di {{name}} non lo apre più. Gli altri utenti continuano ad accedere con la propria passphrase.',
    rekeyLimits:
      'La sostituzione non raggiunge le copie già fatte: questi backup automatici si aprono ancora con la vecchia chiave (e con la passphrase di {{name}}) finché la rotazione non li elimina. Le copie fatte a mano su chiavette o dischi vanno distrutte a mano.',
    deleteOldBackups_one: 'Elimina questo backup dopo la sostituzione',
    deleteOldBackups_other: 'Elimina questi {{count}} backup dopo la sostituzione',
    deleteOldBackupsHint: 'Subito dopo la sostituzione viene fatto un nuovo backup con la nuova chiave, che resta.',
    noOldBackups: 'Non ci sono backup automatici fatti prima.',
    noRekeyWarning:
      'Senza sostituire la chiave, {{name}} con una copia della propria chiave di accesso (per esempio da un backup) potrebbe ancora aprire il registro attuale.',
    rekeying: 'Sostituzione della chiave in corso: il registro viene cifrato di nuovo…',
    disableConfirm: 'Disattiva l’utente',
    disabledDone: 'Utente {{name}} disattivato.',
    reset: 'Reimposta passphrase',
    resetTitle: 'Nuova passphrase per {{name}}',
    resetBody: 'Al prossimo accesso l’utente dovrà sceglierne una nuova.',
    resetSubmit: 'Reimposta passphrase',
    resetDone: 'Passphrase di {{name}} reimpostata.',
    actionsFor: 'Azioni per {{name}}',
  },
};

export const en: Dictionary<typeof it> = {
  users: {
    title: 'Users',
    tableCaption: 'Users of the register',
    name: 'Name',
    status: 'Status',
    createdAt: 'Created on',
    actions: 'Actions',
    active: 'Active',
    disabled: 'Disabled',
    mustChange: 'Must change passphrase',
    you: 'you',
    roleOf: 'Role of {{name}}',
    roleChanged: 'Role of {{name}} updated.',
    addTitle: 'Add a user',
    addIntro: 'Hand over the first passphrase in person: at first sign-in the user must choose a new one.',
    firstPassphrase: 'First passphrase',
    firstPassphraseRepeat: 'Repeat the first passphrase',
    addSubmit: 'Add user',
    added: 'User {{username}} added.',
    disable: 'Disable',
    disableTitle: 'Disable {{name}}?',
    disableBody:
      'The user will no longer be able to open the register and their access key is deleted. Their activity stays in the activity log.',
    rekeyNow: 'Replace the register’s key now (recommended)',
    rekeyNowHint:
      'The register is encrypted with a new key: a copy of {{name}}’s old access key no longer opens it. The other users keep signing in with their own passphrases.',
    rekeyLimits:
      'The replacement cannot reach copies already made: these automatic backups still open with the old key (and {{name}}’s passphrase) until rotation removes them. Copies made by hand on USB drives or disks must be destroyed by hand.',
    deleteOldBackups_one: 'Delete this backup after the replacement',
    deleteOldBackups_other: 'Delete these {{count}} backups after the replacement',
    deleteOldBackupsHint: 'Right after the replacement a new backup is made with the new key, and kept.',
    noOldBackups: 'There are no automatic backups made before.',
    noRekeyWarning:
      'Without replacing the key, {{name}} could still open the current register with a copy of their access key (from a backup, for instance).',
    rekeying: 'Replacing the key: the register is being encrypted again…',
    disableConfirm: 'Disable the user',
    disabledDone: 'User {{name}} disabled.',
    reset: 'Reset passphrase',
    resetTitle: 'New passphrase for {{name}}',
    resetBody: 'At their next sign-in the user must choose a new one.',
    resetSubmit: 'Reset passphrase',
    resetDone: 'Passphrase of {{name}} reset.',
    actionsFor: 'Actions for {{name}}',
  },
};
