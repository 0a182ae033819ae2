// Money on screen: integer cents shown as it-IT `1.234,50 €` (en `€1,234.50`), typed as `1234,5` or
// `1.234,50` and parsed back to cents in electron/shared/money.ts. Refusals with amounts in their message
// (the remaining budget) are translated here with those amounts formatted.
import { TextInput, type TextInputProps } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEuro, parseEuro, centsToInput } from '../../../../electron/shared/money';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { i18n, translateKey } from '../../i18n';

export function useEuro(): (cents: number | null | undefined) => string {
  const { i18n: current } = useTranslation();
  const locale = current.language === 'en' ? 'en' : 'it';
  return useCallback((cents) => (cents === null || cents === undefined ? '' : formatEuro(cents, locale)), [locale]);
}

export const toInput = (cents: number | null | undefined, locale: string) => (cents === null || cents === undefined ? '' : centsToInput(cents, locale === 'en' ? 'en' : 'it'));

/** A typed amount: its text as typed (kept on a refusal) and its cents, or null with an error key. */
export function readAmount(text: string, required: boolean): { cents: number | null; error: string | null } {
  if (text.trim() === '') return { cents: null, error: required ? 'validation.required' : null };
  const cents = parseEuro(text);
  return cents === null ? { cents: null, error: 'validation.amount' } : { cents, error: null };
}

export function MoneyInput(props: Omit<TextInputProps, 'onChange'> & { onChange: (text: string) => void }) {
  const { onChange, ...rest } = props;
  return <TextInput inputMode="decimal" rightSection="€" autoComplete="off" {...rest} onChange={(event) => onChange(event.currentTarget.value)} />;
}

/** The translated message of a refusal, with the amounts it carries formatted as money. */
export function refusalText(error: ErrorBody): string {
  const locale = i18n.language === 'en' ? 'en' : 'it';
  const params = error.params ?? {};
  const money = (key: string) => (typeof params[key] === 'number' ? formatEuro(params[key] as number, locale) : '');
  if (!i18n.exists(error.messageKey)) return translateKey(error.messageKey, 'errors.INTERNAL');
  return i18n.t(error.messageKey as never, { remaining: money('remainingCents'), paid: money('paidCents') } as never) as unknown as string;
}

/**
 * One small form's submission: field errors (translation keys → text) next to their fields, the rest as a
 * message; the typed values stay in the caller's state.
 */
export function useSubmit() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = useCallback((error: ErrorBody, fields: readonly string[]) => {
    const next: Record<string, string> = {};
    let stray = false;
    for (const [name, keys] of Object.entries(error.fieldErrors ?? {})) {
      const field = fields.find((f) => name === f || name.endsWith(`.${f}`));
      const key = keys[0] ?? 'validation.invalid';
      const text = key.startsWith('errors.') ? refusalText({ ...error, messageKey: key }) : translateKey(key);
      if (field) next[field] = text;
      else stray = true;
    }
    setErrors(next);
    setMessage(stray || Object.keys(next).length === 0 ? refusalText(error) : null);
  }, []);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setErrors({});
    setMessage(null);
  }, []);
  return { errors, setErrors, message, setMessage, busy, run, fail, clear };
}
