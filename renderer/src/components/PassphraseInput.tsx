// Mantine's PasswordInput with the show/hide toggle labelled in the user's language, and a variant for
// new passphrases that explains a refusal while typing (the shared rule), before any submit.
import { PasswordInput, Text, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseProblem } from '../../../electron/shared/passphrase';
import { translateKey } from '../i18n';

type Props = PasswordInputProps & { ref?: Ref<HTMLInputElement> };

export function PassphraseInput(props: Props) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      visibilityToggleButtonProps={{ 'aria-label': t('common.showPassphrase') }}
      {...props}
    />
  );
}

/** `typed` is the field's current value (watched), `username` the account it is for, when known. */
export function NewPassphraseInput({ typed, username, ...props }: Props & { typed: string | undefined; username?: string }) {
  const { t } = useTranslation();
  // Once the field shows an error (after submit), the hint goes back to the rule, not the same words twice.
  const problem = typed && !props.error ? passphraseProblem(typed, username || undefined) : null;
  const description = problem ? (
    <Text span inherit c="orange.9" data-testid="passphrase-hint">
      {translateKey(problem)}
    </Text>
  ) : (
    t('common.passphraseHint')
  );
  return <PassphraseInput autoComplete="new-password" description={description} {...props} />;
}
