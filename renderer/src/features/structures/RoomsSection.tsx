// A structure's rooms and their places: kind, active period, whether out of service tonight, and the
// out-of-service periods. Managers add and rename rooms, add and edit places, remove out-of-service periods;
// everyone may mark a place out of service.
import { Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place, Room, StructureDetail } from '../../../../electron/shared/channels/places';
import { todayInRome } from '../../../../electron/shared/dates';
import { FormAlert } from '../../components/forms';
import { vocabLabel } from '../../components/vocab';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { placeActiveOn, placeOutOfServiceOn, roomCapacity } from './capacity';
import { OutOfServiceModal, PlaceModal, RoomModal } from './PlaceModals';

type Dialog =
  | { kind: 'room'; room: Room | null }
  | { kind: 'place'; room: Room; place: Place | null }
  | { kind: 'outOfService'; place: Place }
  | null;

interface RoomsSectionProps {
  detail: StructureDetail;
  canManage: boolean;
  onChanged: (detail: StructureDetail) => void;
}

export function RoomsSection({ detail, canManage, onChanged }: RoomsSectionProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const saved = (next: StructureDetail) => {
    setDialog(null);
    setError(null);
    onChanged(next);
  };
  const removeOutOfService = async (id: number) => {
    const result = await call('places.removeOutOfService', { id });
    if (result.ok) saved(result.value);
    else setError(result.error.messageKey);
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="rooms-title" data-testid="rooms">
      <Group justify="space-between">
        <Title order={2} id="rooms-title">
          {t('structures.roomsTitle')}
        </Title>
        {canManage && (
          <Button variant="light" onClick={() => setDialog({ kind: 'room', room: null })} data-testid="room-add">
            {t('structures.roomAdd')}
          </Button>
        )}
      </Group>
      <FormAlert messageKey={error} />
      {detail.roomList.length === 0 && <Text c="dimmed">{t('structures.noRooms')}</Text>}
      {detail.roomList.map((room) => (
        <RoomCard
          key={room.id}
          room={room}
          canManage={canManage}
          onRename={() => setDialog({ kind: 'room', room })}
          onAddPlace={() => setDialog({ kind: 'place', room, place: null })}
          onEditPlace={(place) => setDialog({ kind: 'place', room, place })}
          onOutOfService={(place) => setDialog({ kind: 'outOfService', place })}
          onRemoveOutOfService={(id) => void removeOutOfService(id)}
        />
      ))}
      {dialog?.kind === 'room' && <RoomModal structureId={detail.id} room={dialog.room} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'place' && <PlaceModal room={dialog.room} place={dialog.place} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'outOfService' && <OutOfServiceModal place={dialog.place} onClose={() => setDialog(null)} onSaved={saved} />}
    </Stack>
  );
}

interface RoomCardProps {
  room: Room;
  canManage: boolean;
  onRename: () => void;
  onAddPlace: () => void;
  onEditPlace: (place: Place) => void;
  onOutOfService: (place: Place) => void;
  onRemoveOutOfService: (id: number) => void;
}

function RoomCard({ room, canManage, onRename, onAddPlace, onEditPlace, onOutOfService, onRemoveOutOfService }: RoomCardProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const today = todayInRome();
  const capacity = roomCapacity(room, today);
  const titleId = `room-${room.id}-title`;

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="room" data-room-name={room.name}>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h4" id={titleId}>
            {room.name}
            {!room.active && (
              <Badge color="gray" variant="light" tt="none" ml="xs">
                {t('structures.inactive')}
              </Badge>
            )}
          </Title>
          <Text size="sm" c="dimmed">
            {t('structures.roomCapacity', { active: capacity.active, outOfService: capacity.outOfService })}
          </Text>
        </div>
        {canManage && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onRename} aria-label={t('structures.roomRenameNamed', { name: room.name })}>
              {t('structures.roomRename')}
            </Button>
            <Button size="xs" variant="light" onClick={onAddPlace} aria-label={t('structures.placeAddIn', { room: room.name })} data-testid="place-add">
              {t('structures.placeAdd')}
            </Button>
          </Group>
        )}
      </Group>
      {room.places.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('structures.noPlaces')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('structures.placesCaption', { room: room.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('structures.placeLabel')}</Table.Th>
                <Table.Th scope="col">{t('structures.placeKind')}</Table.Th>
                <Table.Th scope="col">{t('structures.activePeriod')}</Table.Th>
                <Table.Th scope="col">{t('structures.outOfServicePeriods')}</Table.Th>
                <Table.Th scope="col">{t('structures.placeActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {room.places.map((place) => {
                const active = placeActiveOn(place, today);
                const outOfService = active && placeOutOfServiceOn(place, today);
                return (
                  <Table.Tr key={place.id} data-testid="place" data-place-label={place.label}>
                    <Table.Th scope="row" fw={600}>
                      {place.label}
                      {!active && (
                        <Badge color="gray" variant="light" tt="none" ml="xs" size="sm">
                          {t('structures.notActiveToday')}
                        </Badge>
                      )}
                      {outOfService && (
                        <Badge color="orange" variant="light" tt="none" ml="xs" size="sm">
                          {t('structures.outOfServiceToday')}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td>{vocabLabel(t, 'placeKinds', place.kind)}</Table.Td>
                    <Table.Td>
                      {place.activeTo
                        ? t('structures.periodFromTo', { from: formatDate(place.activeFrom, locale), to: formatDate(place.activeTo, locale) })
                        : t('structures.periodFrom', { from: formatDate(place.activeFrom, locale) })}
                    </Table.Td>
                    <Table.Td>
                      {place.outOfService.length === 0 ? (
                        t('common.none')
                      ) : (
                        <List size="sm" spacing={2}>
                          {place.outOfService.map((period) => (
                            <List.Item key={period.id} data-testid="out-of-service-period">
                              <Group gap="xs" wrap="nowrap">
                                <span>
                                  {period.reason} ·{' '}
                                  {period.toDate
                                    ? t('structures.periodFromTo', { from: formatDate(period.fromDate, locale), to: formatDate(period.toDate, locale) })
                                    : t('structures.periodFrom', { from: formatDate(period.fromDate, locale) })}
                                </span>
                                {canManage && (
                                  <Button
                                    size="compact-xs"
                                    variant="subtle"
                                    color="red"
                                    onClick={() => onRemoveOutOfService(period.id)}
                                    aria-label={t('structures.outOfServiceRemoveFor', { label: place.label, reason: period.reason })}
                                  >
                                    {t('structures.outOfServiceRemove')}
                                  </Button>
                                )}
                              </Group>
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          color="orange"
                          onClick={() => onOutOfService(place)}
                          aria-label={t('structures.outOfServiceFor', { label: place.label })}
                          data-testid="place-out-of-service"
                        >
                          {t('structures.outOfServiceMark')}
                        </Button>
                        {canManage && (
                          <Button size="xs" variant="default" onClick={() => onEditPlace(place)} aria-label={t('structures.placeEditFor', { label: place.label })}>
                            {t('structures.placeEdit')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
