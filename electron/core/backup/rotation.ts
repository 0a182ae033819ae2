// Which automatic backups to keep: the newest backup of each of the last 7 days that have one, of each of
// the last 4 ISO weeks and of each of the last 12 months (days, weeks and months on the Rome calendar).
// A backup kept by any rule stays. Only the automatic backups folder is rotated, never a chosen folder.
import { rmSync } from 'node:fs';
import { format, parseISO } from 'date-fns';
import { todayInRome } from '../../shared/dates';
import { log } from '../log';
import type { BackupEntry } from './backups';

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** ISO 8601 week of a calendar date: '2026-W05'. */
const isoWeek = (day: string) => format(parseISO(day), "RRRR-'W'II");

/** The names of the backups to keep. Unverified entries are never counted as a period's backup. */
export function backupsToKeep(entries: readonly Pick<BackupEntry, 'name' | 'createdAt' | 'verified'>[], policy = DEFAULT_ROTATION): Set<string> {
  const newestFirst = entries.filter((e) => e.verified).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  const rules: [number, (day: string) => string][] = [
    [policy.daily, (day) => day],
    [policy.weekly, isoWeek],
    [policy.monthly, (day) => day.slice(0, 7)],
  ];
  for (const [limit, periodOf] of rules) {
    const seen = new Set<string>();
    for (const entry of newestFirst) {
      if (seen.size >= limit) break;
      const period = periodOf(todayInRome(new Date(entry.createdAt)));
      if (seen.has(period)) continue;
      seen.add(period);
      keep.add(entry.name);
    }
  }
  return keep;
}

/** Deletes the automatic backups no rule keeps. A backup that no longer reads is left for a person to look at. */
export function rotateBackups(entries: readonly BackupEntry[], policy = DEFAULT_ROTATION): string[] {
  const keep = backupsToKeep(entries, policy);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.verified || keep.has(entry.name)) continue;
    rmSync(entry.file, { force: true });
    removed.push(entry.name);
  }
  if (removed.length) log.info('backup', `rotation removed ${removed.length} old automatic backup(s)`);
  return removed;
}
