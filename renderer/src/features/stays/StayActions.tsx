// The actions on a stay, each in its own dialog: transfer to another place, extension of the planned end,
// discharge (with household members if chosen), and correction of a wrongly typed date.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { CorrectDateModal } from './CorrectDateModal';
import { DischargeModal, type HouseholdStay } from './DischargeModal';
import { ExtendModal } from './ExtendModal';
import { TransferModal } from './TransferModal';

export interface StayActionsProps {
  personId: number;
  stay: PersonDetail['stays'][number];
  /** Household members' open stays, offered for a discharge together. */
  householdStays?: HouseholdStay[];
  onChanged: () => void;
}

type Dialog = 'transfer' | 'extend' | 'discharge' | 'correct' | null;

export function StayActions({ personId, stay, householdStays, onChanged }: StayActionsProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = stay.exitDate === null;
  const done = () => {
    setDialog(null);
    onChanged();
  };
  const close = () => setDialog(null);

  return (
    <>
      <Group gap="xs" role="group" aria-label={t('stays.actions')}>
        {open && (
          <>
            <Button size="xs" variant="light" onClick={() => setDialog('transfer')} data-testid="stay-transfer">
              {t('stays.transfer')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setDialog('extend')} data-testid="stay-extend">
              {t('stays.extend')}
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => setDialog('discharge')} data-testid="stay-discharge">
              {t('stays.discharge')}
            </Button>
          </>
        )}
        <Button size="xs" variant="subtle" onClick={() => setDialog('correct')} data-testid="stay-correct">
          {t('stays.correct')}
        </Button>
      </Group>
      {dialog === 'transfer' && <TransferModal personId={personId} stay={stay} onClose={close} onDone={done} />}
      {dialog === 'extend' && <ExtendModal stay={stay} onClose={close} onDone={done} />}
      {dialog === 'discharge' && <DischargeModal stay={stay} householdStays={householdStays ?? []} onClose={close} onDone={done} />}
      {dialog === 'correct' && <CorrectDateModal stay={stay} onClose={close} onDone={done} />}
    </>
  );
}
