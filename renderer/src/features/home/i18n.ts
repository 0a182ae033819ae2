// The home feature's strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  home: {
    title: 'Panoramica',
    intro: 'Stato del registro cifrato.',
    createdAt: 'Registro creato il',
    activeUsers: 'Utenti attivi',
    auditEvents: 'Eventi nel registro attività',
    lastAuditAt: 'Ultimo evento registrato',
    schemaVersion: 'Versione dello schema',
  },
};

export const en: Dictionary<typeof it> = {
  home: {
    title: 'Overview',
    intro: 'State of the encrypted register.',
    createdAt: 'Register created on',
    activeUsers: 'Active users',
    auditEvents: 'Events in the activity log',
    lastAuditAt: 'Last recorded event',
    schemaVersion: 'Schema version',
  },
};
