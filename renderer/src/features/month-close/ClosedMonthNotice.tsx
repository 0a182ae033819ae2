// Said in the form itself, before saving: the date entered or corrected falls in a month already closed in
// the monthly summary, so the change will show there as an amendment. It never blocks saving.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { closedMonthsTouched, type Span } from './closed-months';
import { useClosedMonths } from './use-closed-months';
import { monthName } from '../../../../electron/shared/dates';

/** The notice for these closed months, or null when there is none. */
export function ClosedMonthsAlert({ months }: { months: readonly string[] }) {
  const { t, i18n } = useTranslation();
  if (months.length === 0) return null;
  const names = new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { style: 'long', type: 'conjunction' }).format(months.map((m) => monthName(m, i18n.language)));
  return (
    <Alert color="yellow" variant="light" role="status" data-testid="closed-month-notice">
      {t('closedMonth.notice', { count: months.length, months: names })}
    </Alert>
  );
}

/** The notice for a form: which closed months the spans of the change touch. */
export function ClosedMonthNotice({ spans }: { spans: readonly Span[] }) {
  const closed = useClosedMonths();
  return <ClosedMonthsAlert months={closedMonthsTouched(closed, spans)} />;
}
