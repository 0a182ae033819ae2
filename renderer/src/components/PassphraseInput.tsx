// Mantine's PasswordInput with the show/hide toggle labelled in the user's language.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export function PassphraseInput(props: PasswordInputProps & { ref?: Ref<HTMLInputElement> }) {
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
