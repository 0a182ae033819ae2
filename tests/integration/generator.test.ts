// The example-data generator on a real encrypted register: deterministic, and every rule of docs/domain.md holds
// in what it writes (checked in SQL, independently of the generator's own bookkeeping).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit';
import type { Connection } from '../../electron/core/db/connection';
import { createDemoData, generateRegister } from '../../electron/core/demo/generator';
import { fiscalCodeProblem } from '../../electron/shared/fiscal-code';
import { normaliseText } from '../../electron/shared/text-normalise';
import type { AppCore } from '../../electron/core/app';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, type Template } from './helpers';

const TODAY = '2026-03-15';
const DATA_TABLES = [
  'partners', 'structures', 'rooms', 'places', 'place_out_of_service', 'persons', 'consents', 'households', 'household_members',
  'referrals', 'stays', 'stay_extensions', 'placements', 'contributions', 'contribution_decisions', 'contribution_contracts',
  'contribution_instalments', 'contribution_payments', 'budget_entries', 'plans', 'plan_goals', 'plan_reviews', 'interventions', 'case_notes',
];

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

let lastApp: AppCore;
async function openRegister(): Promise<Connection> {
  lastApp = core(copyOf(template));
  await login(lastApp, ADMIN.username, ADMIN.passphrase);
  return lastApp.session.open().conn;
}

function digest(conn: Connection): string {
  const hash = createHash('sha256');
  for (const table of DATA_TABLES) hash.update(table).update(JSON.stringify(conn.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
  return hash.digest('hex');
}

const count = (conn: Connection, sql: string): number => (conn.sqlite.prepare(sql).pluck().get() as number) ?? 0;

// Age in whole years on a date, from the birth date or (estimated) from the birth year, as the rules take it.
const ageAt = (date: string, person: string) => `(CASE WHEN ${person}.birth_date IS NOT NULL
  THEN cast(strftime('%Y', ${date}) AS integer) - cast(strftime('%Y', ${person}.birth_date) AS integer) - (strftime('%m-%d', ${date}) < strftime('%m-%d', ${person}.birth_date))
  ELSE cast(strftime('%Y', ${date}) AS integer) - ${person}.birth_year END)`;
const END = (column: string) => `coalesce(${column}, '9999-12-31')`;

describe('example register generator', () => {
  let conn: Connection;
  let app: AppCore;
  beforeAll(async () => {
    conn = await openRegister();
    app = lastApp;
    generateRegister(conn.db, conn.sqlite, { seed: 7, scale: 'test', today: TODAY });
  });

  it('writes the same rows for the same seed, scale and day, and different rows for another seed', async () => {
    const again = await openRegister();
    generateRegister(again.db, again.sqlite, { seed: 7, scale: 'test', today: TODAY });
    const other = await openRegister();
    generateRegister(other.db, other.sqlite, { seed: 8, scale: 'test', today: TODAY });
    expect(digest(again)).toBe(digest(conn));
    expect(digest(other)).not.toBe(digest(conn));
  });

  it('fills the accompaniment: plans with goals, interventions and notes inside their stays, group lessons sharing a number', () => {
    expect(count(conn, 'SELECT count(*) FROM plans')).toBeGreaterThan(10);
    expect(count(conn, 'SELECT count(*) FROM plan_goals')).toBeGreaterThan(count(conn, 'SELECT count(*) FROM plans'));
    const interventions = count(conn, 'SELECT count(*) FROM interventions');
    expect(interventions).toBeGreaterThan(200);
    expect(interventions).toBeLessThan(400);
    expect(count(conn, 'SELECT count(*) FROM case_notes')).toBeGreaterThan(60);
    // Every intervention and note lies inside its stay, and an intervention's structure is where its stay was placed that day.
    for (const table of ['interventions', 'case_notes'])
      expect(count(conn, `SELECT count(*) FROM ${table} x JOIN stays s ON s.id = x.stay_id
        WHERE x.date < s.entry_date OR x.date > ${END('s.exit_date')} OR x.date > '${TODAY}' OR x.person_id <> s.person_id`), table).toBe(0);
    expect(count(conn, `SELECT count(*) FROM interventions i WHERE i.structure_id IS NOT (
      SELECT r.structure_id FROM placements pl JOIN places p ON p.id = pl.place_id JOIN rooms r ON r.id = p.room_id
      WHERE pl.stay_id = i.stay_id AND pl.start_date <= i.date ORDER BY pl.start_date DESC, pl.id DESC LIMIT 1)`)).toBe(0);
    expect(count(conn, `SELECT count(*) FROM (SELECT group_id FROM interventions WHERE group_id IS NOT NULL GROUP BY group_id
      HAVING count(DISTINCT date) > 1 OR count(DISTINCT structure_id) > 1)`)).toBe(0);
    expect(count(conn, 'SELECT count(*) FROM plan_goals WHERE status = \'dropped\' AND drop_reason IS NULL')).toBe(0);
  });

  it('never puts two placements on one place on the same night', () => {
    expect(count(conn, `SELECT count(*) FROM placements a JOIN placements b ON a.place_id = b.place_id AND a.id < b.id
      WHERE a.start_date < ${END('b.end_date')} AND b.start_date < ${END('a.end_date')}`)).toBe(0);
  });

  it('never places one person twice on the same night, and gives a person at most one open stay', () => {
    expect(count(conn, `SELECT count(*) FROM placements a JOIN placements b ON a.person_id = b.person_id AND a.id < b.id
      WHERE a.start_date < ${END('b.end_date')} AND b.start_date < ${END('a.end_date')}`)).toBe(0);
    expect(count(conn, `SELECT count(*) FROM stays a JOIN stays b ON a.person_id = b.person_id AND a.id < b.id
      WHERE a.entry_date < ${END('b.exit_date')} AND b.entry_date < ${END('a.exit_date')}`)).toBe(0);
    expect(count(conn, 'SELECT count(*) FROM (SELECT person_id FROM stays WHERE exit_date IS NULL GROUP BY person_id HAVING count(*) > 1)')).toBe(0);
  });

  it('keeps each stay covered by back-to-back placements of its own person, transfers on the same date', () => {
    const stays = conn.sqlite.prepare('SELECT id, person_id AS personId, entry_date AS entry, exit_date AS exit FROM stays').all() as { id: number; personId: number; entry: string; exit: string | null }[];
    const placements = conn.sqlite.prepare('SELECT stay_id AS stayId, person_id AS personId, start_date AS start, end_date AS end FROM placements ORDER BY start_date').all() as { stayId: number; personId: number; start: string; end: string | null }[];
    const byStay = new Map<number, typeof placements>();
    for (const p of placements) byStay.set(p.stayId, [...(byStay.get(p.stayId) ?? []), p]);
    let transfers = 0;
    for (const stay of stays) {
      const own = byStay.get(stay.id) ?? [];
      expect(own.length, `stay ${stay.id}`).toBeGreaterThan(0);
      expect(own.every((p) => p.personId === stay.personId)).toBe(true);
      expect(own[0]!.start).toBe(stay.entry);
      for (let i = 1; i < own.length; i += 1) expect(own[i]!.start).toBe(own[i - 1]!.end);
      expect(own.at(-1)!.end).toBe(stay.exit);
      expect(stay.exit === null || stay.entry < stay.exit).toBe(true);
      transfers += own.length - 1;
    }
    expect(transfers).toBeGreaterThan(0);
  });

  it('records entries, exits and placements mostly on time, some late, never before the stay was saved', () => {
    // Every exit and placement carries when it was recorded; ends only where there is an end.
    expect(count(conn, 'SELECT count(*) FROM stays WHERE (exit_date IS NULL) <> (exit_recorded_at IS NULL)')).toBe(0);
    expect(count(conn, 'SELECT count(*) FROM placements WHERE recorded_at IS NULL OR (end_date IS NULL) <> (end_recorded_at IS NULL)')).toBe(0);
    expect(count(conn, 'SELECT count(*) FROM stays WHERE exit_recorded_at < created_at')).toBe(0);
    expect(count(conn, 'SELECT count(*) FROM placements p JOIN stays s ON s.id = p.stay_id WHERE p.recorded_at < s.created_at OR p.end_recorded_at < s.created_at')).toBe(0);
    // Recorded on the day or later, never in the future; more than a week after the date is late by any count.
    const exits = count(conn, 'SELECT count(*) FROM stays WHERE exit_date IS NOT NULL');
    const sameDay = count(conn, 'SELECT count(*) FROM stays WHERE substr(exit_recorded_at, 1, 10) = exit_date');
    const late = count(conn, "SELECT count(*) FROM stays WHERE julianday(substr(exit_recorded_at, 1, 10)) - julianday(exit_date) > 3");
    expect(count(conn, "SELECT count(*) FROM stays WHERE substr(exit_recorded_at, 1, 10) < exit_date AND exit_recorded_at >= created_at AND substr(created_at, 1, 10) < exit_date")).toBe(0);
    expect(count(conn, `SELECT count(*) FROM stays WHERE substr(exit_recorded_at, 1, 10) > '${TODAY}'`)).toBe(0);
    expect(sameDay / exits).toBeGreaterThan(0.6);
    expect(late).toBeGreaterThan(0);
    // A transfer's two sides are one recording.
    expect(count(conn, `SELECT count(*) FROM placements a JOIN placements b ON b.stay_id = a.stay_id AND b.start_date = a.end_date AND b.id <> a.id
      WHERE a.end_recorded_at <> b.recorded_at`)).toBe(0);
  });

  it('places guests only inside the place’s active period and never on an out-of-service night', () => {
    expect(count(conn, `SELECT count(*) FROM placements p JOIN places pl ON pl.id = p.place_id
      WHERE p.start_date < pl.active_from OR (pl.active_to IS NOT NULL AND ${END('p.end_date')} > pl.active_to)`)).toBe(0);
    expect(count(conn, `SELECT count(*) FROM placements p JOIN place_out_of_service o ON o.place_id = p.place_id
      WHERE p.start_date < ${END('o.to_date')} AND o.from_date < ${END('p.end_date')}`)).toBe(0);
  });

  it('keeps adult men out of women-only structures and minors out of structures without children', () => {
    const placed = `FROM placements p JOIN persons g ON g.id = p.person_id JOIN places pl ON pl.id = p.place_id
      JOIN rooms r ON r.id = pl.room_id JOIN structures s ON s.id = r.structure_id`;
    expect(count(conn, `SELECT count(*) ${placed} WHERE s.women_only = 1 AND g.gender <> 'female' AND ${ageAt('p.start_date', 'g')} >= 18`)).toBe(0);
    expect(count(conn, `SELECT count(*) ${placed} WHERE s.children_allowed = 0 AND ${ageAt('p.start_date', 'g')} < 18`)).toBe(0);
    // The rules were exercised, not avoided: children and women-only structures are both in use.
    expect(count(conn, `SELECT count(*) ${placed} WHERE s.women_only = 1 AND ${ageAt('p.start_date', 'g')} < 18`)).toBeGreaterThan(0);
    expect(count(conn, `SELECT count(*) ${placed} WHERE s.women_only = 0 AND g.gender = 'male' AND ${ageAt('p.start_date', 'g')} >= 18`)).toBeGreaterThan(0);
  });

  it('gives every person a unique AP-year-number code, searchable normalised text and valid fiscal codes', () => {
    expect(count(conn, 'SELECT count(*) - count(DISTINCT code) FROM persons')).toBe(0);
    expect(count(conn, `SELECT count(*) FROM persons WHERE code NOT GLOB 'AP-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'`)).toBe(0);
    const persons = conn.sqlite.prepare('SELECT code, display_name AS name, search_text AS text, fiscal_code AS fiscal FROM persons').all() as { code: string; name: string; text: string; fiscal: string | null }[];
    for (const p of persons) {
      expect(p.text).toContain(normaliseText(p.code));
      expect(p.text).toContain(normaliseText(p.name));
      if (p.fiscal) expect(fiscalCodeProblem(p.fiscal), p.fiscal).toBeNull();
    }
    expect(persons.filter((p) => p.fiscal).length).toBeGreaterThan(0);
  });

  it('covers the shapes the register must show: every structure type, families, open and closed stays, extensions', () => {
    const typesInUse = conn.sqlite.prepare(`SELECT DISTINCT s.type FROM placements p JOIN places pl ON pl.id = p.place_id
      JOIN rooms r ON r.id = pl.room_id JOIN structures s ON s.id = r.structure_id ORDER BY 1`).pluck().all();
    expect(typesInUse).toEqual(['cohousing', 'host_family', 'other', 'shelter']);
    expect(count(conn, "SELECT count(*) FROM household_members WHERE relationship = 'child'")).toBeGreaterThan(0);
    expect(count(conn, 'SELECT count(*) FROM stays WHERE exit_date IS NULL')).toBeGreaterThan(0);
    expect(count(conn, 'SELECT count(DISTINCT exit_reason) FROM stays')).toBeGreaterThan(2);
    expect(count(conn, 'SELECT count(*) FROM stay_extensions')).toBeGreaterThan(0);
    expect(count(conn, "SELECT count(*) FROM referrals WHERE outcome = 'placed'")).toBeGreaterThan(0);
    expect(count(conn, "SELECT count(*) FROM places WHERE kind = 'cot'")).toBeGreaterThan(0);
    expect(count(conn, 'SELECT count(*) FROM place_out_of_service')).toBeGreaterThan(0);
  });

  it('is read by the register’s own channels: search, person page, board, referrals', async () => {
    const found = await call(app, 'persons.search', { query: '', limit: 500 });
    expect(found.total).toBe(count(conn, 'SELECT count(*) FROM persons'));
    const mother = count(conn, "SELECT head_person_id FROM households h JOIN household_members m ON m.household_id = h.id AND m.relationship = 'child' LIMIT 1");
    const page = await call(app, 'persons.get', { id: mother });
    expect(page.household?.members.length).toBeGreaterThan(1);
    expect(page.stays.length).toBeGreaterThan(0);
    const board = await call(app, 'board.get', { from: '2026-02-01', to: '2026-03-01' });
    expect(board.bars.length).toBeGreaterThan(0);
    const referrals = await call(app, 'referrals.list', { status: 'all', limit: 1000 });
    expect(referrals.length).toBe(count(conn, 'SELECT count(*) FROM referrals'));
  });

  it('records the generation in the audit chain, which still verifies', () => {
    expect(verifyAuditChain(conn.sqlite).ok).toBe(true);
    const last = conn.sqlite.prepare('SELECT action, entity FROM audit_events ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'demo.generate', entity: 'register' });
  });

  it('refuses to mix example data into a register that already has data, writing nothing', () => {
    const before = digest(conn);
    const events = count(conn, 'SELECT count(*) FROM audit_events');
    expect(() => createDemoData(conn.db, conn.sqlite, TODAY)).toThrow(/empty register/);
    expect(digest(conn)).toBe(before);
    expect(count(conn, 'SELECT count(*) FROM audit_events')).toBe(events);
  });
});

describe('example housing contributions', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await openRegister();
    generateRegister(conn.db, conn.sqlite, { seed: 11, scale: 'demo', today: TODAY });
  }, 120_000);

  it('writes the scale’s contributions with consistent money: paid is the sum of the payments not cancelled, never above the approved amount', () => {
    expect(count(conn, 'SELECT count(*) FROM contributions')).toBe(240);
    expect(count(conn, `SELECT count(*) FROM contributions c WHERE c.paid_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM contribution_payments p
      WHERE p.contribution_id = c.id AND p.cancelled_at IS NULL)`)).toBe(0);
    expect(count(conn, "SELECT count(*) FROM contributions WHERE paid_cents > coalesce(approved_cents, 0)")).toBe(0);
    expect(count(conn, "SELECT count(*) FROM contributions WHERE status = 'approved' AND approved_cents IS NULL")).toBe(0);
    expect(count(conn, `SELECT count(*) FROM contributions c WHERE c.status = 'approved' AND c.approved_cents <> (SELECT d.amount_cents FROM contribution_decisions d
      WHERE d.contribution_id = c.id AND d.kind = 'approved' ORDER BY d.id DESC LIMIT 1)`)).toBe(0);
  });

  it('has tight years with overrides, cancelled payments, budget changes, and households with and without a current stay', () => {
    expect(count(conn, 'SELECT count(*) FROM contribution_decisions WHERE override = 1 AND override_reason IS NOT NULL')).toBeGreaterThan(0);
    expect(count(conn, 'SELECT count(*) FROM contribution_payments WHERE cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL')).toBeGreaterThan(0);
    expect(count(conn, "SELECT count(*) FROM contributions WHERE status IN ('rejected', 'withdrawn')")).toBeGreaterThan(0);
    expect(count(conn, 'SELECT count(*) FROM (SELECT year, type FROM budget_entries GROUP BY year, type HAVING count(*) > 1)')).toBeGreaterThan(0);
    const hosted = `EXISTS (SELECT 1 FROM household_members m JOIN stays s ON s.person_id = m.person_id WHERE m.household_id = c.household_id
      AND s.entry_date <= c.proposed_at AND (s.exit_date IS NULL OR s.exit_date > c.proposed_at))`;
    expect(count(conn, `SELECT count(*) FROM contributions c WHERE ${hosted}`)).toBeGreaterThan(0);
    expect(count(conn, `SELECT count(*) FROM contributions c WHERE NOT ${hosted}`)).toBeGreaterThan(0);
    // Every contribution's household exists and has its head as a member.
    expect(count(conn, `SELECT count(*) FROM contributions c JOIN households h ON h.id = c.household_id
      LEFT JOIN household_members m ON m.household_id = h.id AND m.person_id = h.head_person_id WHERE m.person_id IS NULL`)).toBe(0);
  });
});
