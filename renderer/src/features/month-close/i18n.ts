// The closed-month notice's strings in Italian and English (docs/i18n.md).
import type { Dictionary } from '../../../../electron/shared/i18n/dictionary';

export const it = {
  closedMonth: {
    notice_one: 'Questa modifica cambia i dati di {{months}}, mese già chiuso: comparirà come rettifica.',
    notice_other: 'Questa modifica cambia i dati di {{months}}, mesi già chiusi: comparirà come rettifica.',
  },
};

export const en: Dictionary<typeof it> = {
  closedMonth: {
    notice_one: 'This changes the figures of {{months}}, already closed: the change will show as an amendment.',
    notice_other: 'This changes the figures of {{months}}, already closed: the change will show as an amendment.',
  },
};
