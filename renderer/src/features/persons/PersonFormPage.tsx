// Nuova persona: the person form; before creating, the register is asked for possible duplicates (same fiscal
// code, or same name and birth date), and the user opens the existing record or creates anyway.
import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { useNavigate, type Route } from '../../app/navigation';
import { PageTitle } from '../../components/PageTitle';
import { call } from '../../ipc/client';
import { DuplicatesModal, type Duplicate } from './DuplicatesModal';
import { PersonForm, type PersonFieldsOut } from './PersonForm';
import { duplicateQuestion, emptyPersonValues } from './person-form-values';

interface PendingCreate {
  fields: PersonFieldsOut;
  duplicates: Duplicate[];
  fail: (error: ErrorBody) => void;
}

export function PersonFormPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pending, setPending] = useState<PendingCreate | null>(null);
  const [busy, setBusy] = useState(false);
  const referralId = route.area === 'personNew' ? route.referralId : undefined;

  const create = async (fields: PersonFieldsOut, fail: (error: ErrorBody) => void, acknowledgeDuplicates: boolean) => {
    const result = await call('persons.create', { fields, acknowledgeDuplicates });
    if (result.ok) {
      navigate({ area: 'person', personId: result.value.id });
      return;
    }
    // Someone registered a similar person meanwhile: show who, rather than a bare refusal.
    if (result.error.code === 'POSSIBLE_DUPLICATE' && !acknowledgeDuplicates) {
      const again = await call('persons.findDuplicates', duplicateQuestion(fields));
      if (again.ok && again.value.length > 0) return setPending({ fields, duplicates: again.value, fail });
    }
    fail(result.error);
  };

  const onSubmit = async (fields: PersonFieldsOut, fail: (error: ErrorBody) => void) => {
    const duplicates = await call('persons.findDuplicates', duplicateQuestion(fields));
    if (!duplicates.ok) return fail(duplicates.error);
    if (duplicates.value.length > 0) return setPending({ fields, duplicates: duplicates.value, fail });
    await create(fields, fail, false);
  };

  const createAnyway = async () => {
    if (!pending) return;
    setBusy(true);
    const { fields, fail } = pending;
    setPending(null);
    await create(fields, fail, true);
    setBusy(false);
  };

  return (
    <Stack gap="lg">
      <PageTitle id="person-new-title">{t('person.newTitle')}</PageTitle>
      <Text c="dimmed">{t('person.newIntro')}</Text>
      {referralId !== undefined && (
        <Alert color="blue" variant="light">
          {t('person.fromReferral')}
        </Alert>
      )}
      <PersonForm
        defaultValues={emptyPersonValues()}
        submitLabel={t('person.create')}
        onSubmit={onSubmit}
        onCancel={() => navigate(referralId !== undefined ? { area: 'referrals', referralId } : { area: 'persons' })}
        labelledBy="person-new-title"
      />
      {pending && (
        <DuplicatesModal
          duplicates={pending.duplicates}
          busy={busy}
          onOpen={(personId) => navigate({ area: 'person', personId })}
          onCreateAnyway={() => void createAnyway()}
          onClose={() => setPending(null)}
        />
      )}
    </Stack>
  );
}
