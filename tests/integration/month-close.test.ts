// Month close and amendments (docs/summary.md › Month close and amendments) on a real encrypted register,
// through the channels: close, an edit inside the closed month shows as an amendment figure by figure, close
// again as version 2; an edit outside leaves it closed; a stale close is refused; snapshots never change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, desc } from 'drizzle-orm';
import type { AppCore } from '../../electron/core/app';
import { auditEvents, monthClosures } from '../../electron/core/db/schema';
import { ctxOf } from '../../electron/core/services/context';
import { canonicalJson, monthState, sha256Hex, yearStatus, type ComputeSummary } from '../../electron/core/services/month-close';
import { monthSummary } from '../../electron/core/services/summary';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal } from './helpers';
import { dailyRegister, registerDb } from './register-fixtures';

let app: AppCore;
let clock = new Date('2026-04-10T08:00:00.000Z');
beforeAll(async () => {
  app = core(copyOf(await makeTemplate()), { clock: () => clock });
  await login(app, ADMIN.username, ADMIN.passphrase);
});
afterAll(() => {
  app.lock();
  cleanupDirs();
});

const db = () => registerDb(app);
const closures = () => db().select().from(monthClosures).orderBy(asc(monthClosures.id)).all();
const lastAudit = () => db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()!;

/** monthSummary, counting its runs. */
function counting(): { compute: ComputeSummary; runs: () => number } {
  let runs = 0;
  return {
    compute: (d, month) => {
      runs += 1;
      return monthSummary(d, month);
    },
    runs: () => runs,
  };
}

describe('month close', () => {
  it('closes, shows an edit inside the month as an amendment, closes version 2, and ignores edits outside', async () => {
    const ids = dailyRegister(db());
    const { stayIds: [stay] } = await call(app, 'stays.admit', { entryDate: '2026-03-02', members: [{ personId: ids.persons.guest, placeId: ids.places.bed1 }] });

    expect(await call(app, 'summary.state', { month: '2026-03' })).toEqual({ month: '2026-03', status: 'open', versions: [], amendments: [] });
    expect(await call(app, 'summary.closedMonths', {})).toEqual([]);
    // April is not over on 10 April.
    expect((await refusal(app, 'summary.close', { month: '2026-04', expectedVersion: 0 })).code).toBe('MONTH_NOT_OVER');

    clock = new Date('2026-04-10T09:30:00.000Z');
    const closed = await call(app, 'summary.close', { month: '2026-03', expectedVersion: 0 });
    expect(closed).toMatchObject({ month: '2026-03', status: 'closed', amendments: [] });
    expect(closed.versions).toEqual([{ month: '2026-03', version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), closedAt: '2026-04-10T09:30:00.000Z', closedByName: ADMIN.displayName }]);
    const [v1] = closures();
    // The snapshot is the month's figures as canonical JSON, and its hash is the hash of those bytes.
    expect(v1!.snapshot).toBe(canonicalJson(monthSummary(db(), '2026-03')));
    expect(v1!.snapshot).not.toContain('\n');
    expect(v1!.snapshot.startsWith('{"days":31,"from":"2026-03-01","month":"2026-03","partners":[{"figures":{"availableNights":')).toBe(true); // keys sorted
    expect(v1!.sha256).toBe(sha256Hex(v1!.snapshot));
    expect(JSON.parse(v1!.snapshot).total.entries).toBe(1);
    expect(lastAudit()).toMatchObject({ action: 'month.close', entity: 'month_closure', recordId: String(v1!.id) });
    expect(await call(app, 'summary.closedMonths', {})).toEqual(['2026-03']);

    // Two coordinators saw version 0; the second close is refused, and closing unchanged figures again too.
    const before = JSON.stringify(closures());
    const stale = await refusal(app, 'summary.close', { month: '2026-03', expectedVersion: 0 });
    expect(stale).toMatchObject({ code: 'MONTH_CLOSE_CONFLICT', params: { version: 1 } });
    expect((await refusal(app, 'summary.close', { month: '2026-03', expectedVersion: 1 })).code).toBe('MONTH_UNCHANGED');
    expect(JSON.stringify(closures())).toBe(before);

    // An edit outside March (a stay in February) leaves it closed and unamended.
    const { stayIds: [february] } = await call(app, 'stays.admit', { entryDate: '2026-02-02', members: [{ personId: ids.persons.man, placeId: ids.places.flat1 }] });
    await call(app, 'stays.discharge', { stayIds: [february!], exitDate: '2026-02-20', exitReason: 'term_expired', destination: '' });
    expect(await call(app, 'summary.state', { month: '2026-03' })).toMatchObject({ status: 'closed', amendments: [] });
    const year = await call(app, 'summary.months', { year: 2026 });
    expect(year).toHaveLength(12);
    expect(year.filter((m) => m.status !== 'open')).toEqual([{ month: '2026-03', status: 'closed', version: 1 }]);

    // An operator corrects the entry date inside March: the figures change, the snapshot does not.
    await call(app, 'stays.correctDate', { target: 'entry', id: stay!, date: '2026-03-05', reason: 'data sbagliata' });
    const amended = await call(app, 'summary.state', { month: '2026-03' });
    expect(amended.status).toBe('amended');
    const byPath = new Map(amended.amendments.map((a) => [a.path, a]));
    // Nights 2–31 March are 30; from the 5th, 27. The structure of bed1 changes alike; entries stay 1.
    expect(byPath.get('total.occupiedNights')).toEqual({ path: 'total.occupiedNights', closed: 30, current: 27 });
    expect(byPath.get(`structures[id=${ids.structures.shelter}].occupiedNights`)).toEqual({ path: `structures[id=${ids.structures.shelter}].occupiedNights`, closed: 30, current: 27 });
    expect(byPath.has('total.entries')).toBe(false);
    expect(amended.amendments.every((a) => a.closed !== a.current)).toBe(true);
    expect((await call(app, 'summary.months', { year: 2026 })).find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', status: 'amended', version: 1 });
    expect(closures()[0]).toEqual(v1);

    const again = await call(app, 'summary.close', { month: '2026-03', expectedVersion: 1 });
    expect(again.status).toBe('closed');
    expect(again.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(again.versions[0]).toEqual(closed.versions[0]);
    expect(closures()[0]).toEqual(v1); // version 1 never changes
    expect(JSON.parse(closures()[1]!.snapshot).total.occupiedNights).toBe(27);
  });

  it('computes a closed month’s figures again only after a write (the newest audit event id)', async () => {
    // A year of its own: January 2025 is its only closed month.
    const ids = dailyRegister(db());
    await call(app, 'stays.admit', { entryDate: '2025-01-10', members: [{ personId: ids.persons.guest, placeId: ids.places.bed2 }] });
    await call(app, 'summary.close', { month: '2025-01', expectedVersion: 0 });
    const ctx = () => ctxOf(app.session);
    const { compute, runs } = counting();
    const january = () => yearStatus(ctx(), 2025, compute).find((m) => m.month === '2025-01');

    // Closing stored the hash as of the close's own audit event: nothing to compute.
    expect(january()).toEqual({ month: '2025-01', status: 'closed', version: 1 });
    expect(runs()).toBe(0);
    // A write outside January: computed once, still closed; then not again while nothing is written.
    await call(app, 'stays.admit', { entryDate: '2025-03-20', members: [{ personId: ids.persons.man, placeId: ids.places.flat2 }] });
    expect(january()).toEqual({ month: '2025-01', status: 'closed', version: 1 });
    expect(runs()).toBe(1);
    expect(january()?.status).toBe('closed');
    expect(monthState(ctx(), '2025-01', compute).status).toBe('closed');
    expect(runs()).toBe(1);
    // A write inside January: computed again, and now amended.
    await call(app, 'stays.admit', { entryDate: '2025-01-20', members: [{ personId: ids.persons.mother, placeId: ids.places.bed3 }] });
    expect(january()).toEqual({ month: '2025-01', status: 'amended', version: 1 });
    expect(runs()).toBe(2);
    expect(yearStatus(ctx(), 2025, compute).filter((m) => m.status === 'open')).toHaveLength(11); // open months are never computed
    expect(runs()).toBe(2);
  });
});
