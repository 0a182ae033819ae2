// The settings feature's strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  settings: {
    title: 'Impostazioni',
    tabsLabel: 'Sezioni delle impostazioni',
    tabPassphrase: 'La mia passphrase',
    tabLanguage: 'Lingua',
    tabAutoLock: 'Blocco automatico',
    tabCalendar: 'Calendario',
    tabUsers: 'Utenti',
    tabSecurity: 'Sicurezza',
    tabAudit: 'Registro attività',
  },
  language: {
    label: 'Lingua dell’interfaccia',
    it: 'Italiano',
    en: 'English',
    description: 'La scelta vale per il tuo account e si applica subito.',
  },
  autoLock: {
    title: 'Blocco automatico',
    minutes: 'Minuti di inattività prima del blocco',
    description: 'Da 1 a 120 minuti. Il blocco chiude il registro e cancella dallo schermo tutti i dati.',
    readOnly_one: 'Il registro si blocca dopo {{count}} minuto di inattività. Solo un amministratore può cambiare questo valore.',
    readOnly_other: 'Il registro si blocca dopo {{count}} minuti di inattività. Solo un amministratore può cambiare questo valore.',
  },
  calendar: {
    holidays:
      'Giorni lavorativi: da lunedì a venerdì, escluse le festività nazionali (1 e 6 gennaio, Pasquetta, 25 aprile, 1 maggio, 2 giugno, 15 agosto, 4 ottobre dal 2026, 1 novembre, 8, 25 e 26 dicembre).',
    saintJohn: '24 giugno (San Giovanni, patrono di Torino) è festivo',
    description:
      'Conta per la tempestività del riepilogo mensile: ingressi e uscite registrati entro 3 giorni lavorativi dalla loro data.',
    readOnlyOn: 'Il 24 giugno (San Giovanni, patrono di Torino) è festivo. Solo un amministratore può cambiarlo.',
    readOnlyOff: 'Il 24 giugno (San Giovanni, patrono di Torino) è un giorno lavorativo. Solo un amministratore può cambiarlo.',
  },
  security: {
    title: 'Nuova chiave del registro',
    explanation:
      'Usala se sospetti che il registro, una sua copia o la chiave di recupero siano finiti in mani sbagliate. Il registro viene cifrato con una nuova chiave: le copie del file delle chiavi fatte prima non lo aprono più.',
    consequencesUsers:
      'Gli utenti continuano ad accedere con la propria passphrase. Se una passphrase può essere stata scoperta, chi la usa la cambi prima (o reimpostala tu), poi cambia qui la chiave.',
    consequencesRecovery: 'Verrà mostrata una nuova chiave di recupero: la precedente non sarà più valida.',
    passphrase: 'La tua passphrase',
    submit: 'Cambia la chiave del registro',
    working: 'Cambio della chiave in corso…',
  },
};

export const en: Dictionary<typeof it> = {
  settings: {
    title: 'Settings',
    tabsLabel: 'Settings sections',
    tabPassphrase: 'My passphrase',
    tabLanguage: 'Language',
    tabAutoLock: 'Auto-lock',
    tabCalendar: 'Calendar',
    tabUsers: 'Users',
    tabSecurity: 'Security',
    tabAudit: 'Activity log',
  },
  language: {
    label: 'Interface language',
    it: 'Italiano',
    en: 'English',
    description: 'The choice applies to your account and takes effect at once.',
  },
  autoLock: {
    title: 'Auto-lock',
    minutes: 'Idle minutes before locking',
    description: 'From 1 to 120 minutes. Locking closes the register and clears all data from the screen.',
    readOnly_one: 'The register locks after {{count}} idle minute. Only an administrator can change this value.',
    readOnly_other: 'The register locks after {{count}} idle minutes. Only an administrator can change this value.',
  },
  calendar: {
    holidays:
      'Working days: Monday to Friday, except the national holidays (1 and 6 January, Easter Monday, 25 April, 1 May, 2 June, 15 August, 4 October from 2026, 1 November, 8, 25 and 26 December).',
    saintJohn: '24 June (Saint John, Turin’s patron saint) is a holiday',
    description: 'Counts for the monthly summary’s timeliness: entries and exits recorded within 3 working days of their date.',
    readOnlyOn: '24 June (Saint John, Turin’s patron saint) is a holiday. Only an administrator can change this.',
    readOnlyOff: '24 June (Saint John, Turin’s patron saint) is a working day. Only an administrator can change this.',
  },
  security: {
    title: 'New register key',
    explanation:
      'Use this if you suspect the register, a copy of it or the recovery key has fallen into the wrong hands. The register is encrypted with a new key: copies of the key file made before no longer open it.',
    consequencesUsers:
      'Users keep signing in with their own passphrases. If a passphrase may have been disclosed, its user changes it first (or you reset it), then change the key here.',
    consequencesRecovery: 'A new recovery key will be shown: the previous one will no longer be valid.',
    passphrase: 'Your passphrase',
    submit: 'Change the register key',
    working: 'Changing the key…',
  },
};
