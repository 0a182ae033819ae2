// The user's interface language (`account.setLocale`), applied as soon as the main process stores it.
import { Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeSchema, LOCALES } from '../../../../electron/shared/contract';
import { useSession, useUser } from '../../app/session-context';
import { FormAlert } from '../../components/forms';
import { call } from '../../ipc/client';

export function LanguageTab() {
  const { t } = useTranslation();
  const session = useSession();
  const { locale } = useUser();
  const [error, setError] = useState<string | null>(null);
  // Shown chosen at once; the language itself switches when the main process has stored it.
  const [chosen, setChosen] = useState<string>(locale);

  const choose = async (value: string) => {
    const parsed = localeSchema.safeParse(value);
    if (!parsed.success || parsed.data === locale) return;
    setChosen(parsed.data);
    setError(null);
    const result = await call('account.setLocale', { locale: parsed.data });
    if (result.ok) session.update(result.value);
    else {
      setChosen(locale);
      setError(result.error.messageKey);
    }
  };

  return (
    <Stack gap="md" maw={480}>
      <Radio.Group label={t('language.label')} description={t('language.description')} value={chosen} onChange={(value) => void choose(value)}>
        <Stack gap="xs" mt="xs">
          {LOCALES.map((value) => (
            <Radio key={value} value={value} label={t(`language.${value}`)} lang={value} />
          ))}
        </Stack>
      </Radio.Group>
      <FormAlert messageKey={error} />
    </Stack>
  );
}
