// Shared form plumbing: translating validation keys, putting the main process's refusals on the right
// field, and the whole-form alert. Forms themselves validate with the contract's own zod schemas.
import { Alert } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { FieldError, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, ErrorCode } from '../../../electron/shared/errors';
import { translateKey } from '../i18n';

/** A field's error as text. Messages are translation keys (`validation.*` from the schemas, `errors.*` placed
 * by code); anything else, such as a library default, becomes a generic "invalid value". */
export function useFieldError(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (error) => {
      if (!error) return undefined;
      const key = typeof error.message === 'string' && /^(validation|errors)\./.test(error.message) ? error.message : '';
      return key ? translateKey(key) : t('validation.invalid');
    },
    [t],
  );
}

/** Which field an error code belongs next to (e.g. a wrong passphrase next to the passphrase), optionally
 * with a more precise message than the code's own. */
export type CodeFields<T extends FieldValues> = Partial<Record<ErrorCode, Path<T> | readonly [Path<T>, string]>>;

/**
 * Puts a refusal from the main process on the form: field errors with setError, the rest as one
 * whole-form message key. Returns `handle` (call it with the envelope's error) and the current message.
 */
export function useServerErrors<T extends FieldValues>(form: UseFormReturn<T>, codeFields: CodeFields<T> = {}) {
  const [formError, setFormError] = useState<string | null>(null);

  const handle = useCallback(
    (error: ErrorBody) => {
      const fields = Object.keys(form.getValues());
      let placed = false;
      let firstPlaced: Path<T> | null = null;
      const stray: string[] = [];
      for (const [name, keys] of Object.entries(error.fieldErrors ?? {})) {
        if (name !== '_' && fields.includes(name)) {
          form.setError(name as Path<T>, { type: 'server', message: keys[0] ?? 'validation.invalid' });
          placed = true;
          firstPlaced ??= name as Path<T>;
        } else stray.push(...keys);
      }
      const target = codeFields[error.code];
      const [codeField, codeMessage] = typeof target === 'string' ? [target, error.messageKey] : (target ?? [null, null]);
      if (codeField) {
        form.setError(codeField, { type: 'server', message: codeMessage ?? error.messageKey });
        firstPlaced ??= codeField;
        setFormError(null);
      } else if (stray.length > 0) setFormError(stray[0] ?? error.messageKey);
      else setFormError(placed ? null : error.messageKey);
      if (firstPlaced) form.setFocus(firstPlaced);
    },
    [form, codeFields],
  );

  return { formError, setFormError, handle };
}

/** The whole-form error: announced at once by screen readers (role="alert"). */
export function FormAlert({ messageKey }: { messageKey: string | null }) {
  useTranslation(); // re-render when the language changes
  if (!messageKey) return null;
  return (
    <Alert color="red" variant="light" role="alert" aria-live="assertive" data-testid="form-error">
      {translateKey(messageKey, 'errors.INTERNAL')}
    </Alert>
  );
}
