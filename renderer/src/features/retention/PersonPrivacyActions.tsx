// The person page's privacy duties, for admins and coordinators: export the person's data for them
// (PDF + JSON, saved where the user chooses) and erase it on request with a reason.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { contract, type Locale } from '../../../../electron/shared/contract';
import { useCan, useUser } from '../../app/session-context';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { call } from '../../ipc/client';

interface PersonPrivacyActionsProps {
  detail: PersonDetail;
  onErased: (code: string) => void;
}

export function PersonPrivacyActions({ detail, onErased }: PersonPrivacyActionsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [dialog, setDialog] = useState<'export' | 'erase' | null>(null);
  const mayExport = can('privacy.subjectAccess');
  const mayErase = can('privacy.erase');
  if (!mayExport && !mayErase) return null;
  const hosted = detail.stays.some((s) => s.exitDate === null);
  const namesHidden = detail.fields.restricted && !detail.namesShown;
  return (
    <Stack gap="sm" component="section" aria-labelledby="privacy-actions-title">
      <Title order={2} id="privacy-actions-title">
        {t('privacy.personActions')}
      </Title>
      <Group gap="sm">
        {mayExport && (
          // The document holds a restricted person's names: they are shown first, with a reason (audited).
          <Tooltip label={t('privacy.exportNeedsNames')} disabled={!namesHidden}>
            <span>
              <Button variant="default" disabled={namesHidden} onClick={() => setDialog('export')} data-testid="person-export">
                {t('privacy.exportData')}
              </Button>
            </span>
          </Tooltip>
        )}
        {mayErase && (
          <Tooltip label={t('privacy.eraseNeedsExit')} disabled={!hosted}>
            {/* A wrapper keeps the tooltip working on the disabled button. */}
            <span>
              <Button variant="light" color="red" disabled={hosted} onClick={() => setDialog('erase')} data-testid="person-erase">
                {t('privacy.erase')}
              </Button>
            </span>
          </Tooltip>
        )}
      </Group>
      {dialog === 'export' && <ExportModal personId={detail.id} code={detail.code} onClose={() => setDialog(null)} />}
      {dialog === 'erase' && (
        <EraseModal
          personId={detail.id}
          code={detail.code}
          onClose={() => setDialog(null)}
          onErased={(code) => {
            setDialog(null);
            onErased(code);
          }}
        />
      )}
    </Stack>
  );
}

interface Download {
  pdfUrl: string;
  jsonUrl: string;
  fileName: string;
}

/** The files exist only as object URLs in this window until the user saves them: the app writes nothing itself. */
function ExportModal({ personId, code, onClose }: { personId: number; code: string; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [download, setDownload] = useState<Download | null>(null);

  useEffect(
    () => () => {
      if (download) {
        URL.revokeObjectURL(download.pdfUrl);
        URL.revokeObjectURL(download.jsonUrl);
      }
    },
    [download],
  );

  const prepare = async () => {
    setBusy(true);
    setError(null);
    const result = await call('privacy.subjectAccess', { personId, locale });
    setBusy(false);
    if (!result.ok) return setError(result.error.messageKey);
    const pdf = Uint8Array.from(atob(result.value.pdfBase64), (c) => c.charCodeAt(0));
    setDownload({
      pdfUrl: URL.createObjectURL(new Blob([pdf], { type: 'application/pdf' })),
      jsonUrl: URL.createObjectURL(new Blob([result.value.json], { type: 'application/json' })),
      fileName: result.value.fileName,
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('privacy.exportTitle', { code })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text size="sm">{t('privacy.exportBody')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="export-language">
            {t('privacy.exportLanguage')}
          </Text>
          <SegmentedControl
            aria-labelledby="export-language"
            value={locale}
            onChange={(value) => {
              setLocale(value as Locale);
              setDownload(null);
            }}
            data={[
              { value: 'it', label: 'Italiano' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Stack>
        <FormAlert messageKey={error} />
        {download ? (
          <Group>
            <Button component="a" href={download.pdfUrl} download={`${download.fileName}.pdf`} data-testid="export-pdf">
              {t('privacy.downloadPdf')}
            </Button>
            <Button component="a" variant="default" href={download.jsonUrl} download={`${download.fileName}.json`} data-testid="export-json">
              {t('privacy.downloadJson')}
            </Button>
          </Group>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void prepare()} data-testid="export-prepare">
              {t('privacy.exportPrepare')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

// The person is not a form field: a refusal about them (PERSON_STAY_OPEN, NOT_FOUND) shows as the form's alert.
const eraseSchema = contract['privacy.erase'].input.pick({ reason: true });

function EraseModal({ personId, code, onClose, onErased }: { personId: number; code: string; onClose: () => void; onErased: (code: string) => void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(eraseSchema), defaultValues: { reason: '' } });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const [typedCode, setTypedCode] = useState('');
  // Typing the code makes sure the right person is erased: nothing can bring the data back.
  const codeMatches = typedCode.trim().toUpperCase() === code.toUpperCase();

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('privacy.erase', { personId, reason: values.reason });
    if (result.ok) onErased(result.value.code);
    else handle(result.error);
  });

  return (
    <Modal opened onClose={onClose} title={t('privacy.eraseTitle', { code })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('privacy.eraseBody')}</Text>
          <Textarea
            label={t('privacy.eraseReason')}
            description={t('privacy.eraseReasonHint')}
            withAsterisk
            autosize
            minRows={2}
            data-autofocus
            error={fieldError(errors.reason)}
            data-testid="erase-reason"
            {...form.register('reason')}
          />
          <TextInput
            label={t('privacy.eraseConfirmCode', { code })}
            value={typedCode}
            onChange={(e) => setTypedCode(e.currentTarget.value)}
            error={typedCode.trim() && !codeMatches ? t('privacy.eraseCodeMismatch') : undefined}
            autoComplete="off"
            spellCheck={false}
            data-testid="erase-code"
          />
          <Text size="sm" c="dimmed">
            {t('privacy.backupsNote')}
          </Text>
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!codeMatches} loading={isSubmitting} data-testid="erase-submit">
              {t('privacy.eraseSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
