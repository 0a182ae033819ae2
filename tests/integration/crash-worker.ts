// Child process of the fault tests (bundled by fault-harness.ts, run with plain node): opens a real
// encrypted register and writes admissions, transfers and discharges until it is killed or a write is
// refused. After each COMMIT it prints one JSON line saying what it wrote.
// The data key arrives as the first line on stdin (never on disk, never in argv), so no key derivation.
//   node crash-worker.cjs stream   <registerDir> <dbFile> <migrationsFolder> <seed>  through the stays services (quick start, for the kills)
//   node crash-worker.cjs dispatch <registerDir> <dbFile> <migrationsFolder> <seed>  the same stream through the app core's dispatcher
//   node crash-worker.cjs claim    <registerDir> <dbFile> <migrationsFolder>         session.state and session.login, nothing else
// Bundled twice: the quick build (APPRODO_WORKER_QUICK) leaves the app core out, so a run starts in a
// fraction of the time, which is what lets the crash test kill it a hundred times.
import { eq, isNull } from 'drizzle-orm';
import type { AppCore } from '../../electron/core/app';
import { openRegisterDb, type Connection } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { InstanceLock } from '../../electron/core/instance-lock';
import { placements, places, persons, users } from '../../electron/core/db/schema';
import * as staysService from '../../electron/core/services/stays';
import type { Ctx } from '../../electron/core/services/context';
import { storageFault } from '../../electron/core/storage-faults';
// The demo generator's seeded PRNG: a failing run replays from the seed the test prints.
import { mulberry32 } from '../../electron/core/demo/random';
import { addDays, todayInRome } from '../../electron/shared/dates';
import { DomainError, type Envelope } from '../../electron/shared/errors';
import type { ChannelInput } from '../../electron/shared/contract';

// Under a file size limit the kernel sends SIGXFSZ, whose default action kills. Node ignores it from
// start-up, so a write fails with EFBIG as on a full disk; no listener here on purpose: libuv would put
// the default action back at exit, when SQLite's last close writes.
process.env.APPRODO_QUIET_LOG = '1';

const [mode, registerDir, dbFile, migrationsFolder, seedArg] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

type Writes = Pick<typeof staysService, 'admit' | 'transfer' | 'discharge'>;
type Send = <C extends 'stays.admit' | 'placements.transfer' | 'stays.discharge'>(channel: C, input: ChannelInput<C>) => Promise<Envelope<unknown>>;

function firstStdinLine(): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\n');
      if (end >= 0) {
        process.stdin.off('data', onData);
        process.stdin.pause();
        resolve(text.slice(0, end));
      }
    };
    process.stdin.on('data', onData);
  });
}

function openWithKey(dataKey: Buffer): Connection {
  const conn = openRegisterDb(dbFile, dataKey);
  migrate(conn.sqlite, migrationsFolder);
  return conn;
}

const adminOf = (conn: Connection) => {
  const user = conn.db.select().from(users).where(eq(users.id, 1)).get()!;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, locale: user.locale };
};

/** Straight to the stays services, as their handlers call them: the same transactions, without loading the whole app. */
function viaServices(conn: Connection): Send {
  const user = adminOf(conn);
  const services: Record<string, Writes[keyof Writes]> = {
    'stays.admit': staysService.admit, 'placements.transfer': staysService.transfer, 'stays.discharge': staysService.discharge,
  };
  return async (channel, input) => {
    const now = new Date();
    const ctx: Ctx = { db: conn.db, sqlite: conn.sqlite, user, now, today: todayInRome(now) };
    try {
      return { ok: true, value: (services[channel] as (ctx: Ctx, input: unknown) => unknown)(ctx, input) };
    } catch (error) {
      const code = error instanceof DomainError ? error.code : storageFault(error);
      if (!code) throw error;
      return { ok: false, error: { code, messageKey: `errors.${code}` } };
    }
  };
}

interface AppModules {
  app: typeof import('../../electron/core/app');
  register: typeof import('../../electron/core/register');
  slots: typeof import('../../electron/core/keys/slots');
}

async function loadApp(): Promise<AppModules | null> {
  // A constant condition in the quick build: esbuild drops the branch, and the app core with it.
  if (process.env.APPRODO_WORKER_QUICK !== '1') {
    const [app, register, slots] = await Promise.all([
      import('../../electron/core/app'), import('../../electron/core/register'), import('../../electron/core/keys/slots'),
    ]);
    return { app, register, slots };
  }
  return null;
}

/** Through the app core's dispatcher, signed in as the admin with the data key (what a login does after the key derivation). */
function viaDispatch(core: AppCore, { register, slots }: AppModules, conn: Connection, dataKey: Buffer): Send {
  core.session.current = {
    conn, dataKey, slots: slots.readSlotFile(register.registerPaths(registerDir).slots), mustChangePassphrase: false, recoveredWithKey: false,
    pendingRecovery: null, user: adminOf(conn),
  };
  return (channel, input) => core.dispatch(channel, input, { trusted: true });
}

async function stream(send: Send, conn: Connection, random: () => number): Promise<void> {
  const { db, sqlite } = conn;
  if (process.env.APPRODO_WORKER_AUTOCHECKPOINT) {
    // Checkpoints every few pages, so that some kills land while the WAL is copied into the database.
    sqlite.pragma(`wal_autocheckpoint = ${Number(process.env.APPRODO_WORKER_AUTOCHECKPOINT)}`);
  }
  const allPersons = db.select({ id: persons.id }).from(persons).all().map((p) => p.id);
  const allPlaces = db.select({ id: places.id }).from(places).all().map((p) => p.id);
  // Open stays and where each person sleeps now; the worker is the only writer, so this stays true.
  const openStay = new Map<number, number>(); // personId → stayId
  const placeOf = new Map<number, number>(); // personId → placeId
  for (const row of db.select({ stayId: placements.stayId, personId: placements.personId, placeId: placements.placeId })
    .from(placements).where(isNull(placements.endDate)).all()) {
    openStay.set(row.personId, row.stayId);
    placeOf.set(row.personId, row.placeId);
  }
  const latest = sqlite.prepare(`SELECT max(d) AS d FROM (SELECT max(entry_date) AS d FROM stays UNION ALL SELECT max(exit_date) FROM stays
    UNION ALL SELECT max(start_date) FROM placements UNION ALL SELECT max(end_date) FROM placements)`).get() as { d: string | null };
  let date = latest.d ? addDays(latest.d, 1) : '2026-01-01';
  const auditMax = () => (sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_events').get() as { n: number }).n;
  let audit = auditMax();
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const freePlaces = () => { const taken = new Set(placeOf.values()); return allPlaces.filter((p) => !taken.has(p)); };
  say({ ready: true, pid: process.pid, date });

  for (let n = 1; ; n += 1) {
    if (random() < 0.6) date = addDays(date, 1);
    const idle = allPersons.filter((p) => !openStay.has(p));
    const free = freePlaces();
    const placed = [...openStay.keys()];
    const roll = random();
    let line: object;
    let result;
    if ((roll < 0.4 || placed.length === 0) && idle.length > 0 && free.length > 0) {
      const size = Math.min(random() < 0.3 ? 2 : 1, idle.length, free.length);
      const who = [...idle].sort(() => random() - 0.5).slice(0, size);
      const where = [...free].sort(() => random() - 0.5).slice(0, size);
      result = await send('stays.admit', { entryDate: date, plannedEnd: null, members: who.map((personId, i) => ({ personId, placeId: where[i]! })) });
      if (result.ok) {
        const { stayIds, placementIds } = result.value as { stayIds: number[]; placementIds: number[] };
        who.forEach((personId, i) => { openStay.set(personId, stayIds[i]!); placeOf.set(personId, where[i]!); });
        line = { op: 'admit', date, persons: who, places: where, stayIds, placementIds };
      }
    } else if (roll < 0.75 && placed.length > 0 && free.length > 0) {
      const personId = pick(placed);
      const toPlaceId = pick(free);
      result = await send('placements.transfer', { personId, date, toPlaceId });
      if (result.ok) {
        placeOf.set(personId, toPlaceId);
        line = { op: 'transfer', date, personId, toPlaceId, placementIds: (result.value as { placementIds: number[] }).placementIds };
      }
    } else if (placed.length > 0) {
      const who = [...placed].sort(() => random() - 0.5).slice(0, random() < 0.3 ? 2 : 1);
      const stayIds = who.map((p) => openStay.get(p)!);
      result = await send('stays.discharge', { stayIds, exitDate: date, exitReason: 'other', destination: null });
      if (result.ok) {
        for (const p of who) { openStay.delete(p); placeOf.delete(p); }
        line = { op: 'discharge', date, persons: who, stayIds, placementIds: (result.value as { placementIds: number[] }).placementIds };
      }
    } else continue;
    if (!result.ok) {
      say({ refused: result.error.code, n });
      return;
    }
    const from = audit + 1;
    audit = auditMax();
    say({ n, ...line!, audit: [from, audit] });
  }
}

async function main(): Promise<void> {
  const keyHex = await firstStdinLine();
  if (mode === 'claim' || mode === 'dispatch') {
    const modules = await loadApp();
    if (!modules) throw new Error('the quick build has no app core');
    const core = modules.app.createAppCore({ registerDir, migrationsFolder });
    if (mode === 'claim') {
      const state = await core.dispatch('session.state', {}, { trusted: true });
      const login = await core.dispatch('session.login', { username: 'admin', passphrase: 'refused before it is checked' }, { trusted: true });
      return void say({ state, login });
    }
    const refused = core.claim();
    if (refused) return void say({ refused });
    const dataKey = Buffer.from(keyHex, 'hex');
    const conn = opened(() => openWithKey(dataKey));
    return stream(viaDispatch(core, modules, conn, dataKey), conn, mulberry32(Number(seedArg ?? 1)));
  }
  if (mode !== 'stream') throw new Error(`unknown mode ${mode}`);
  // The same claim on the folder the app makes: each run takes over the lock its killed predecessor left.
  const claim = new InstanceLock(registerDir).acquire();
  if (!claim.held) return void say({ refused: 'REGISTER_IN_USE' });
  const conn = opened(() => openWithKey(Buffer.from(keyHex, 'hex')));
  return stream(viaServices(conn), conn, mulberry32(Number(seedArg ?? 1)));
}

function opened(open: () => Connection): Connection {
  try {
    return open();
  } catch (error) {
    say({ openFailed: storageFault(error) ?? (error as { code?: string }).code ?? String(error) });
    process.exit(4);
  }
}

main().catch((error: unknown) => {
  say({ crashed: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  process.exit(5);
});
