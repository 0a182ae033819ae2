// Retention: the register's setting for how many years personal data is kept after a person's last
// activity, and the review of the persons due for anonymisation.
import { sql, type SQL } from 'drizzle-orm';
import { format, parseISO, subYears } from 'date-fns';
import { DEFAULT_RETENTION_YEARS, MAX_REVIEW_ROWS, type RetentionDue } from '../../shared/channels/privacy';
import type { Db } from '../db/connection';
import { SETTING, getSetting, putSetting } from '../settings';
import { write, type Ctx } from '../services/context';

type Reader = Pick<Db, 'select' | 'all'>;

const RETENTION_KEY = SETTING.retentionYears;

export function retentionYears(db: Pick<Db, 'select'>): number {
  const stored = Number(getSetting(db, RETENTION_KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_RETENTION_YEARS;
}

export function setRetentionYears(ctx: Ctx, years: number): { retentionYears: number } {
  write(ctx, (tx, audit) => {
    putSetting(tx, RETENTION_KEY, String(years));
    audit({ action: 'settings.update', entity: 'settings', recordId: RETENTION_KEY, fields: [RETENTION_KEY] });
  });
  return { retentionYears: years };
}

/** Persons whose last activity is before this date are due: today minus the retention years (29 Feb → 28 Feb). */
export function retentionCutoff(today: string, years: number): string {
  return format(subYears(parseISO(today), years), 'yyyy-MM-dd');
}

interface DueRow {
  id: number;
  code: string;
  display_name: string;
  restricted: number;
  stays: number;
  last_activity: string;
  anonymised_at: string | null;
}

/**
 * The persons due at `cutoff`, optionally among `ids` only. A person's last activity is the latest of their
 * last exit, their own referrals' receipt or outcome, and the day their record was made. Never due: a
 * person with an open stay, or with a pending referral (their own or their household's). A person
 * anonymised after their last activity is done; one who came back afterwards is due again.
 */
export function dueRows(db: Reader, cutoff: string, ids?: number[]): DueRow[] {
  const among: SQL = ids ? sql`AND p.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})` : sql``;
  return db.all<DueRow>(sql`
    WITH s AS (
      SELECT person_id, count(*) AS n, max(exit_date) AS last_exit, sum(exit_date IS NULL) AS open
      FROM stays GROUP BY person_id
    ), r AS (
      SELECT person_id, max(substr(coalesce(outcome_at, received_at), 1, 10)) AS last_referral
      FROM referrals WHERE person_id IS NOT NULL GROUP BY person_id
    ), pending AS (
      SELECT person_id FROM referrals WHERE outcome = 'pending' AND person_id IS NOT NULL
      UNION
      SELECT m.person_id FROM referrals f JOIN household_members m ON m.household_id = f.household_id WHERE f.outcome = 'pending'
    ), a AS (
      SELECT person_id, max(at) AS at FROM person_anonymisations GROUP BY person_id
    ), activity AS (
      SELECT p.id, p.code, p.display_name, p.restricted, coalesce(s.n, 0) AS stays, coalesce(s.open, 0) AS open,
        max(substr(p.created_at, 1, 10), coalesce(s.last_exit, ''), coalesce(r.last_referral, '')) AS last_activity,
        a.at AS anonymised_at
      FROM persons p
      LEFT JOIN s ON s.person_id = p.id
      LEFT JOIN r ON r.person_id = p.id
      LEFT JOIN a ON a.person_id = p.id
      WHERE p.id NOT IN (SELECT person_id FROM pending) ${among}
    )
    SELECT id, code, display_name, restricted, stays, last_activity, anonymised_at FROM activity
    WHERE open = 0 AND last_activity < ${cutoff} AND (anonymised_at IS NULL OR anonymised_at < last_activity)
    ORDER BY last_activity, code
  `);
}

export function retentionReview(ctx: Ctx): { retentionYears: number; cutoff: string; rows: RetentionDue[]; total: number } {
  const years = retentionYears(ctx.db);
  const cutoff = retentionCutoff(ctx.today, years);
  const due = dueRows(ctx.db, cutoff);
  const rows = due.slice(0, MAX_REVIEW_ROWS).map((r) => ({
    personId: r.id,
    code: r.code,
    displayName: r.restricted ? null : r.display_name,
    stays: r.stays,
    lastActivity: r.last_activity,
    anonymisedBefore: r.anonymised_at !== null,
  }));
  return { retentionYears: years, cutoff, rows, total: due.length };
}
