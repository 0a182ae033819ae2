// The exports' strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  exports: {
    nominal: {
      open: 'Elenco nominativo…',
      title: 'Elenco nominativo di {{month}}',
      body: 'Le persone accolte nel mese, con i loro nomi, per un controllo. Il file è un archivio ZIP cifrato (AES-256): si apre solo con la passphrase che scrivi qui. Comunicala a chi riceve il file per un’altra via (a voce, per telefono), mai nella stessa e-mail.',
      restrictedNote: 'Le persone riservate compaiono solo con il codice.',
      reason: 'Motivo',
      reasonHint: 'Per chi e perché: resta nel registro delle operazioni.',
      passphrase: 'Passphrase del file',
      passphraseRepeat: 'Ripeti la passphrase',
      submit: 'Crea il file cifrato',
      done_one: 'File cifrato creato: {{count}} riga.',
      done_other: 'File cifrato creato: {{count}} righe.',
      cancelled: 'Salvataggio annullato: nessun file scritto.',
    },
  },
};

export const en: Dictionary<typeof it> = {
  exports: {
    nominal: {
      open: 'Nominal list…',
      title: 'Nominal list of {{month}}',
      body: 'The persons served in the month, with their names, for an audit. The file is an encrypted ZIP archive (AES-256): it opens only with the passphrase you type here. Give it to whoever receives the file some other way (in person, by phone), never in the same e-mail.',
      restrictedNote: 'Restricted persons appear by their code alone.',
      reason: 'Reason',
      reasonHint: 'For whom and why: it stays in the audit log.',
      passphrase: 'File passphrase',
      passphraseRepeat: 'Repeat the passphrase',
      submit: 'Create the encrypted file',
      done_one: 'Encrypted file created: {{count}} row.',
      done_other: 'Encrypted file created: {{count}} rows.',
      cancelled: 'Saving cancelled: no file written.',
    },
  },
};
