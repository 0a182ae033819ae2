// The one date field: typed as dd/mm/yyyy or picked from a calendar. Its value is the ISO date string
// 'YYYY-MM-DD' that the contract expects, null when empty — or, when what was typed is not a date, the
// typed text itself: it stays in the field with a message ("31/02/1994 non esiste") and the form's schema
// refuses it, so a record never saves with a date silently dropped. Escape closes the calendar only,
// never the dialog around it.
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseItalianDate } from '../../../electron/shared/dates';

export interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> {
  value: string | null;
  /** An ISO date, null when emptied, or the typed text when it is not a date. */
  onChange: (value: string | null) => void;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDate = (value: string | null | undefined): value is string => !!value && ISO.test(value);

/** Why a typed text is not a date: a well-formed day that does not exist, or something incomplete. */
export function typedDateProblem(typed: string): { key: 'validation.dateNotExists' | 'validation.dateUnreadable'; typed: string } | null {
  const text = typed.trim();
  if (text === '' || parseItalianDate(text) !== null) return null;
  return { key: /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) ? 'validation.dateNotExists' : 'validation.dateUnreadable', typed: text };
}

export function DateField({ value, onChange, onBlur, onFocus, onClick, onKeyDown, error, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ReturnType<typeof typedDateProblem>>(null);
  const [opened, setOpened] = useState(false);
  // While the form holds a typed text that is not a date, the calendar keeps its last date, so the
  // input keeps showing what was typed.
  const shown = useRef<string | null>(null);
  if (value === null || isIsoDate(value)) shown.current = value;
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder="gg/mm/aaaa"
      // Mantine's default parser reads 02/03/2026 as 3 February; ours reads it the Italian way.
      dateParser={(typed) => parseItalianDate(typed)}
      value={shown.current}
      fixOnBlur={false}
      onChange={(next) => {
        setProblem(null);
        onChange(next ? String(next).slice(0, 10) : null);
      }}
      onFocus={(event) => {
        setOpened(true);
        onFocus?.(event);
      }}
      onClick={(event) => {
        setOpened(true);
        onClick?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpened(false);
        else if (event.key !== 'Tab') setOpened(true);
        onKeyDown?.(event);
      }}
      onBlur={(event) => {
        setOpened(false);
        const typed = event.currentTarget.value;
        const found = typedDateProblem(typed);
        setProblem(found);
        if (found) onChange(found.typed);
        else {
          const parsed = typed.trim() === '' ? null : parseItalianDate(typed);
          if (parsed !== value && (parsed !== null || rest.clearable !== false)) onChange(parsed);
        }
        onBlur?.(event);
      }}
      // Mantine's dialogs leave an Escape alone when its target carries this flag: with the calendar open,
      // Escape closes the calendar and keeps the dialog (and what was typed in it).
      data-mantine-stop-propagation={opened ? 'true' : undefined}
      error={problem ? t(problem.key, { typed: problem.typed }) : error}
      clearable
      {...rest}
    />
  );
}
