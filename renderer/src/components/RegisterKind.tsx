// Marks the demo register everywhere it is shown, and switches between the real and the demo register.
import { Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import { call } from '../ipc/client';

export function DemoBadge() {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.registerKind !== 'demo') return null;
  return (
    <Badge color="orange" variant="filled" size="lg" data-testid="demo-badge" title={t('demo.banner')}>
      {t('demo.badge')}
    </Badge>
  );
}

/** "Open the demo register" / "Back to the real register": locks whatever is open, then switches. */
export function RegisterSwitchLink() {
  const { t } = useTranslation();
  const session = useSession();
  const toDemo = session.state.registerKind === 'real';
  const onClick = async () => {
    const result = await call('register.switch', { kind: toDemo ? 'demo' : 'real' });
    if (result.ok) session.update(result.value);
  };
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => void onClick()}>
      {toDemo ? (session.state.demoExists ? t('demo.openDemo') : t('demo.createDemo')) : t('demo.openReal')}
    </Anchor>
  );
}
