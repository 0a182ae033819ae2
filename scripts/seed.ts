// Development and test tool: creates a register in a folder, with a confirmed admin, and fills it with
// the deterministic example data at a given scale. Used by the end-to-end test of the persons table at
// reference size. Usage: node dist/tools/seed.cjs <folder> <test|demo|reference> <username> <passphrase>
import { resolve } from 'node:path';
import { createAppCore } from '../electron/core/app';
import { generateRegister } from '../electron/core/demo/generator';
import type { ScaleName } from '../electron/core/demo/scales';
import { todayInRome } from '../electron/shared/dates';

process.env.APPRODO_QUIET_LOG = '1';

async function main() {
  const [dir, scale, username, passphrase] = process.argv.slice(2);
  if (!dir || !scale || !username || !passphrase) throw new Error('usage: seed <folder> <scale> <username> <passphrase>');
  const app = createAppCore({ registerDir: resolve(dir), migrationsFolder: resolve('drizzle') });
  const created = await app.dispatch('register.create', { username, displayName: 'Seed admin', passphrase, passphraseRepeat: passphrase }, { trusted: true });
  if (!created.ok) throw new Error(created.error.code);
  const { groups, confirmGroup } = created.value as { groups: string[]; confirmGroup: number };
  await app.dispatch('setup.confirmRecoveryKey', { group: confirmGroup, value: groups[confirmGroup - 1] }, { trusted: true });
  const open = app.session.open();
  const counts = generateRegister(open.conn.db, open.conn.sqlite, { seed: 1, scale: scale as ScaleName, today: todayInRome(), userId: open.user.id });
  app.lock();
  console.log(JSON.stringify(counts));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
