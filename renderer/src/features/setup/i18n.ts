// The setup feature's strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  setup: {
    demoTitle: 'Crea il registro demo',
    demoIntro: 'Il registro demo è separato da quello reale e viene riempito con dati di esempio generati (strutture, persone, accoglienze). Serve per provare Approdo e per la formazione: non inserirvi dati veri.',
    demoSubmit: 'Crea il registro demo',
    demoCreating: 'Creazione del registro demo e dei dati di esempio…',
    welcomeTitle: 'Benvenuti in Approdo',
    welcomeBody:
      'Approdo è il registro dei posti protetti, degli inserimenti familiari e delle persone accolte dalla vostra associazione nel programma di inclusione della Città di Torino.',
    welcomeSecurity:
      'Tutto ciò che inserite è conservato cifrato su questo computer. Solo chi ha un account e la propria passphrase può aprire il registro.',
    welcomeNext:
      'Per iniziare create il registro: diventerete il primo amministratore e riceverete una chiave di recupero da conservare con cura.',
    start: 'Crea il registro',
    createTitle: 'Crea il registro cifrato',
    createIntro:
      'Questo account sarà l’amministratore del registro: potrà aggiungere gli altri utenti e gestire la sicurezza.',
    createSubmit: 'Crea il registro',
    creating: 'Creazione del registro in corso…',
  },
  recoveryKey: {
    title: 'Chiave di recupero',
    intro:
      'Con questa chiave si può riaprire il registro se si dimentica la passphrase. Scrivetela o stampatela e conservatela in un luogo sicuro, lontano dal computer.',
    warningTitle: 'Viene mostrata una sola volta',
    warningBody:
      'Dopo la conferma Approdo non potrà mostrarla di nuovo (se non viene confermata, al prossimo accesso di un amministratore ne verrà creata una nuova). Se si perdono tutte le passphrase e la chiave di recupero, i dati del registro sono persi per sempre: nessuno può recuperarli.',
    keyLabel: 'Chiave di recupero in gruppi',
    group: 'Gruppo {{n}}',
    print: 'Stampa',
    printedOn: 'Stampata il {{date}}',
    written: 'L’ho scritta o stampata: continua',
    showAgain: 'Torna alla chiave',
    confirmTitle: 'Conferma di averla conservata',
    confirmLabel: 'Ridigita il gruppo {{n}}',
    confirmHelp: 'Per essere sicuri che la chiave sia stata scritta correttamente, ridigitate il gruppo numero {{n}}.',
    confirmSubmit: 'Ho conservato la chiave',
  },
};

export const en: Dictionary<typeof it> = {
  setup: {
    demoTitle: 'Create the demo register',
    demoIntro: 'The demo register is separate from the real one and is filled with generated example data (structures, people, stays). It is for trying Approdo and for training: do not enter real data in it.',
    demoSubmit: 'Create the demo register',
    demoCreating: 'Creating the demo register and its example data…',
    welcomeTitle: 'Welcome to Approdo',
    welcomeBody:
      'Approdo is the register of protected places, family placements and the people your association hosts in the City of Turin’s inclusion programme.',
    welcomeSecurity:
      'Everything you enter is kept encrypted on this computer. Only people with an account and their own passphrase can open the register.',
    welcomeNext:
      'To begin, create the register: you will become its first administrator and receive a recovery key to keep safe.',
    start: 'Create the register',
    createTitle: 'Create the encrypted register',
    createIntro: 'This account will be the register’s administrator: it can add the other users and manage security.',
    createSubmit: 'Create the register',
    creating: 'Creating the register…',
  },
  recoveryKey: {
    title: 'Recovery key',
    intro:
      'This key reopens the register if a passphrase is forgotten. Write it down or print it and keep it somewhere safe, away from the computer.',
    warningTitle: 'It is shown only once',
    warningBody:
      'Once confirmed, Approdo cannot show it again (if it is not confirmed, a new one is made at an administrator’s next sign-in). If all passphrases and the recovery key are lost, the register’s data is gone for good: nobody can recover it.',
    keyLabel: 'Recovery key in groups',
    group: 'Group {{n}}',
    print: 'Print',
    printedOn: 'Printed on {{date}}',
    written: 'I have written or printed it: continue',
    showAgain: 'Back to the key',
    confirmTitle: 'Confirm you have kept it',
    confirmLabel: 'Retype group {{n}}',
    confirmHelp: 'To make sure the key was written down correctly, retype group number {{n}}.',
    confirmSubmit: 'I have kept the key',
  },
};
