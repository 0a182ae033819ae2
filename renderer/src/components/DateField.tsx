// The one date field: typed as dd/mm/yyyy or picked from a calendar; its value is the ISO date string
// 'YYYY-MM-DD' that the contract expects (or null when empty).
import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseItalianDate } from '../../../electron/shared/dates';

export interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> {
  value: string | null;
  onChange: (value: string | null) => void;
}

export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder="gg/mm/aaaa"
      // Mantine's default parser reads 02/03/2026 as 3 February; ours reads it the Italian way.
      dateParser={(typed) => parseItalianDate(typed)}
      value={value}
      onChange={(next) => onChange(next ? String(next).slice(0, 10) : null)}
      clearable
      {...rest}
    />
  );
}
