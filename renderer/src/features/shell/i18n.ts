// The shell feature's strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  shell: {
    mainNavigation: 'Navigazione principale',
    today: 'Oggi',
    board: 'Tabellone posti',
    persons: 'Persone',
    referrals: 'Segnalazioni',
    structures: 'Strutture',
    contributions: 'Contributi',
    budget: 'Bilancio',
    contributionRules: 'Tabella dei criteri',
    summary: 'Riepilogo mensile',
    backups: 'Copie di sicurezza',
    retention: 'Conservazione dati',
    home: 'Panoramica',
    settings: 'Impostazioni',
    lockTitle: 'Blocca il registro (Ctrl+L)',
    userLabel: '{{name}}, {{role}}',
  },
};

export const en: Dictionary<typeof it> = {
  shell: {
    mainNavigation: 'Main navigation',
    today: 'Today',
    board: 'Bed board',
    persons: 'Persons',
    referrals: 'Referrals',
    structures: 'Structures',
    contributions: 'Contributions',
    budget: 'Budget',
    contributionRules: 'Rule table',
    summary: 'Monthly summary',
    backups: 'Backups',
    retention: 'Data retention',
    home: 'Overview',
    settings: 'Settings',
    lockTitle: 'Lock the register (Ctrl+L)',
    userLabel: '{{name}}, {{role}}',
  },
};
