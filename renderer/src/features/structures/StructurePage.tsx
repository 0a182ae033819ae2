// Scheda struttura: type, partner, flags, languages, the confidential address (only for roles that may see
// it), tonight's capacity, and the rooms and places. Managers edit; operators read and mark places out of service.
import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StructureDetail } from '../../../../electron/shared/channels/places';
import { useNavigate, type Route } from '../../app/navigation';
import { useCan } from '../../app/session-context';
import { FormAlert } from '../../components/forms';
import { languageName } from '../../components/intl-names';
import { LockIcon } from '../../components/LockIcon';
import { PageTitle } from '../../components/PageTitle';
import { vocabLabel } from '../../components/vocab';
import { formatNumber } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { RoomsSection } from './RoomsSection';
import { StaffSection } from '../pathway/StaffSection';
import { HostFamilySection } from '../pathway/HostFamilySection';
import { StructureForm } from './StructureForm';
import { StructureFlags } from './StructuresPage';

export function StructurePage({ route }: { route: Route }) {
  const structureId = route.area === 'structure' ? route.structureId : 0;
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const structure = useChannel('structures.get', { id: structureId });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const canManage = can('structures.save');

  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const detail = structure.value;
  if (!detail) {
    return (
      <Stack gap="md" data-testid="structure-page">
        <PageTitle>{t('structures.pageTitle')}</PageTitle>
        {structure.loading && <Loader aria-label={t('app.loading')} />}
        <FormAlert messageKey={structure.error?.messageKey ?? null} />
        <Group>
          <Button variant="default" onClick={() => navigate({ area: 'structures' })}>
            {t('structures.backToList')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const changed = (next: StructureDetail) => {
    structure.setValue(next);
    setNotice(t('common.saved'));
  };

  return (
    <Stack gap="xl" data-testid="structure-page">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <PageTitle data-testid="structure-title">{detail.name}</PageTitle>
            <Group gap="xs">
              <Badge variant="light" tt="none">
                {vocabLabel(t, 'structureTypes', detail.type)}
              </Badge>
              {!detail.active && (
                <Badge color="gray" variant="light" tt="none">
                  {t('structures.inactive')}
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                {t('structures.managedBy', { partner: detail.partnerName })}
              </Text>
            </Group>
          </Stack>
          {canManage && !editing && (
            <Button ref={editButton} variant="default" onClick={() => setEditing(true)} data-testid="structure-edit">
              {t('structures.edit')}
            </Button>
          )}
        </Group>
        {notice && (
          <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
            {notice}
          </Alert>
        )}
      </Stack>

      <Capacity detail={detail} />

      <Stack gap="sm" component="section" aria-labelledby="structure-details-title">
        <Title order={2} id="structure-details-title">
          {editing ? t('structures.editTitle') : t('structures.detailsTitle')}
        </Title>
        {editing ? (
          <StructureForm
            detail={detail}
            labelledBy="structure-details-title"
            onCancel={() => setEditing(false)}
            onSaved={(next) => {
              setEditing(false);
              changed(next);
            }}
          />
        ) : (
          <Details detail={detail} />
        )}
      </Stack>

      <RoomsSection detail={detail} canManage={canManage} onChanged={changed} />
      <StaffSection structureId={detail.id} canManage={canManage} />
      {detail.type === 'host_family' && <HostFamilySection structureId={detail.id} canManage={canManage} />}
    </Stack>
  );
}

function Capacity({ detail }: { detail: StructureDetail }) {
  const { t, i18n } = useTranslation();
  const facts = [
    { id: 'rooms', label: t('structures.rooms'), value: detail.rooms },
    { id: 'places', label: t('structures.places'), value: detail.places },
    { id: 'free', label: t('structures.freeToday'), value: detail.freeToday },
    { id: 'occupied', label: t('structures.occupiedToday'), value: detail.occupiedToday },
    { id: 'out-of-service', label: t('structures.outOfServiceToday'), value: detail.outOfServiceToday },
  ];
  return (
    <Stack gap="sm" component="section" aria-labelledby="capacity-title">
      <Title order={2} id="capacity-title">
        {t('structures.capacityTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="dl" m={0}>
        {facts.map((fact) => (
          <Card key={fact.id} withBorder padding="md">
            <Text component="dt" size="sm" c="dimmed">
              {fact.label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700} data-testid={`capacity-${fact.id}`}>
              {formatNumber(fact.value, i18n.language)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Details({ detail }: { detail: StructureDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" c="dimmed" mb={4}>
          {t('structures.flags')}
        </Text>
        <StructureFlags structure={detail} />
        {!detail.womenOnly && !detail.childrenAllowed && !detail.accessible && !detail.lgbtSafe && <Text>{t('common.none')}</Text>}
      </div>
      <div>
        <Text size="sm" c="dimmed">
          {t('structures.languages')}
        </Text>
        <Text>{detail.languages.length ? detail.languages.map((code) => languageName(code, i18n.language)).join(', ') : t('common.none')}</Text>
      </div>
      {detail.addressHidden ? (
        <Text size="sm" c="dimmed">
          {t('structures.addressHiddenNote')}
        </Text>
      ) : (
        <Card withBorder padding="sm" bg="yellow.0" maw={560} data-testid="structure-address-card">
          <Group gap="xs" mb={4}>
            <LockIcon />
            <Text size="sm" fw={600}>
              {t('structures.address')}
            </Text>
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="structure-address">
            {detail.address ?? t('structures.noAddress')}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('structures.addressConfidential')}
          </Text>
        </Card>
      )}
    </Stack>
  );
}
