// The audit feature's strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  audit: {
    title: 'Registro attività',
    tableCaption: 'Eventi del registro attività',
    at: 'Data e ora',
    user: 'Utente',
    action: 'Azione',
    entity: 'Oggetto',
    record: 'Scheda',
    fields: 'Campi modificati',
    system: 'Sistema',
    empty: 'Nessun evento.',
    chainOk_one: 'Catena integra: {{count}} evento verificato',
    chainOk_other: 'Catena integra: {{count}} eventi verificati',
    chainBroken: 'Catena interrotta all’evento {{id}}',
    chainBrokenHelp:
      'Il registro attività è stato alterato al di fuori di Approdo. Avvisa subito il coordinamento e conserva una copia del file.',
    total_one: '{{count}} evento',
    total_other: '{{count}} eventi',
    previousPage: 'Pagina precedente',
    nextPage: 'Pagina successiva',
    pagination: 'Pagine del registro attività',
  },
};

export const en: Dictionary<typeof it> = {
  audit: {
    title: 'Activity log',
    tableCaption: 'Activity log events',
    at: 'Date and time',
    user: 'User',
    action: 'Action',
    entity: 'Object',
    record: 'Record',
    fields: 'Changed fields',
    system: 'System',
    empty: 'No events.',
    chainOk_one: 'Chain intact: {{count}} event verified',
    chainOk_other: 'Chain intact: {{count}} events verified',
    chainBroken: 'Chain broken at event {{id}}',
    chainBrokenHelp:
      'The activity log was altered outside Approdo. Tell your coordinators at once and keep a copy of the file.',
    total_one: '{{count}} event',
    total_other: '{{count}} events',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pagination: 'Activity log pages',
  },
};
