// Dialogs on a structure's places: add or edit a place (bed or cot, active from/to), put one out of service
// for a period with a reason, and add or rename a room. Each answers with the fresh structure.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Place, Room, StructureDetail } from '../../../../electron/shared/channels/places';
import { contract } from '../../../../electron/shared/contract';
import { todayInRome } from '../../../../electron/shared/dates';
import { PLACE_KINDS } from '../../../../electron/shared/domain';
import { DateField } from '../../components/DateField';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { vocabOptions } from '../../components/vocab';
import { call } from '../../ipc/client';

interface DialogProps {
  onClose: () => void;
  onSaved: (detail: StructureDetail) => void;
}

function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {children}
    </Modal>
  );
}

function Buttons({ busy, submitLabel, onClose, color }: { busy: boolean; submitLabel: string; onClose: () => void; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} color={color} data-testid="dialog-submit">
        {submitLabel}
      </Button>
    </Group>
  );
}

const placeSchema = contract['places.save'].input;

export function PlaceModal({ room, place, onClose, onSaved }: DialogProps & { room: Room; place: Place | null }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(placeSchema),
    defaultValues: place
      ? { id: place.id, roomId: room.id, label: place.label, kind: place.kind, activeFrom: place.activeFrom, activeTo: place.activeTo }
      : { roomId: room.id, label: '', kind: 'bed' as const, activeFrom: todayInRome(), activeTo: null },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { NAME_TAKEN: 'label', INVALID_PERIOD: 'activeTo' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('places.save', values);
    if (result.ok) onSaved(result.value);
    else handle(result.error);
  });

  return (
    <Dialog title={place ? t('structures.placeEditTitle', { label: place.label }) : t('structures.placeAddTitle', { room: room.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="place-form">
        <Stack gap="md">
          <TextInput label={t('structures.placeLabel')} description={t('structures.placeLabelHint')} withAsterisk data-autofocus error={fieldError(errors.label)} data-testid="place-label" {...form.register('label')} />
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="place-kind-label">
                  {t('structures.placeKind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="place-kind-label"
                  data={vocabOptions(t, 'placeKinds', PLACE_KINDS)}
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  data-testid="place-kind"
                />
              </Stack>
            )}
          />
          <SimpleGrid cols={2}>
            <Controller
              control={form.control}
              name="activeFrom"
              render={({ field }) => (
                <DateField label={t('structures.activeFrom')} withAsterisk value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={fieldError(errors.activeFrom)} />
              )}
            />
            <Controller
              control={form.control}
              name="activeTo"
              render={({ field }) => (
                <DateField
                  label={t('structures.activeTo')}
                  description={t('structures.activeToHint')}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v)}
                  ref={field.ref}
                  error={fieldError(errors.activeTo)}
                />
              )}
            />
          </SimpleGrid>
          <FormAlert messageKey={formError} />
          <Buttons busy={isSubmitting} submitLabel={t('common.save')} onClose={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}

const outOfServiceSchema = contract['places.addOutOfService'].input;

export function OutOfServiceModal({ place, onClose, onSaved }: DialogProps & { place: Place }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(outOfServiceSchema),
    defaultValues: { placeId: place.id, reason: '', fromDate: todayInRome(), toDate: null as string | null },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'toDate', PLACE_OCCUPIED: 'fromDate' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('places.addOutOfService', values);
    if (result.ok) onSaved(result.value);
    else handle(result.error);
  });

  return (
    <Dialog title={t('structures.outOfServiceTitle', { label: place.label })} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="out-of-service-form">
        <Stack gap="md">
          <Text size="sm">{t('structures.outOfServiceBody')}</Text>
          <TextInput label={t('structures.outOfServiceReason')} withAsterisk data-autofocus error={fieldError(errors.reason)} data-testid="oos-reason" {...form.register('reason')} />
          <SimpleGrid cols={2}>
            <Controller
              control={form.control}
              name="fromDate"
              render={({ field }) => (
                <DateField label={t('structures.outOfServiceFrom')} withAsterisk value={field.value || null} onChange={(v) => field.onChange(v ?? '')} ref={field.ref} error={fieldError(errors.fromDate)} />
              )}
            />
            <Controller
              control={form.control}
              name="toDate"
              render={({ field }) => (
                <DateField
                  label={t('structures.outOfServiceTo')}
                  description={t('structures.outOfServiceToHint')}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v)}
                  ref={field.ref}
                  error={fieldError(errors.toDate)}
                />
              )}
            />
          </SimpleGrid>
          <FormAlert messageKey={formError} />
          <Buttons busy={isSubmitting} submitLabel={t('structures.outOfServiceSubmit')} onClose={onClose} color="orange" />
        </Stack>
      </form>
    </Dialog>
  );
}

const roomSchema = contract['rooms.save'].input;

export function RoomModal({ structureId, room, onClose, onSaved }: DialogProps & { structureId: number; room: Room | null }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(roomSchema),
    defaultValues: room ? { id: room.id, structureId, name: room.name, active: room.active } : { structureId, name: '', active: true },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { NAME_TAKEN: 'name' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('rooms.save', values);
    if (result.ok) onSaved(result.value);
    else handle(result.error);
  });

  return (
    <Dialog title={room ? t('structures.roomRenameTitle', { name: room.name }) : t('structures.roomAddTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="room-form">
        <Stack gap="md">
          <TextInput label={t('structures.roomName')} withAsterisk data-autofocus error={fieldError(errors.name)} data-testid="room-name" {...form.register('name')} />
          <FormAlert messageKey={formError} />
          <Buttons busy={isSubmitting} submitLabel={t('common.save')} onClose={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
