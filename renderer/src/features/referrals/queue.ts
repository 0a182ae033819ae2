// The referral queue's order and waiting times. Pure: unit-tested in Node.
import { URGENCIES } from '../../../../electron/shared/domain';

export interface QueueEntry {
  outcome: string;
  urgency: string;
  receivedAt: string;
  outcomeAt: string | null;
}

const urgencyRank = (urgency: string) => URGENCIES.indexOf(urgency as (typeof URGENCIES)[number]);

/** Pending first, most urgent then longest waiting; closed ones after, most recent outcome first. */
export function queueOrder(a: QueueEntry, b: QueueEntry): number {
  const pendingA = a.outcome === 'pending' ? 0 : 1;
  const pendingB = b.outcome === 'pending' ? 0 : 1;
  if (pendingA !== pendingB) return pendingA - pendingB;
  if (pendingA === 0) return urgencyRank(b.urgency) - urgencyRank(a.urgency) || Date.parse(a.receivedAt) - Date.parse(b.receivedAt);
  return (b.outcomeAt ?? '').localeCompare(a.outcomeAt ?? '');
}

/** Waiting time in whole hours below a day, whole days from then on ("3 h", "2 g"). */
export function waitingParts(hours: number): { unit: 'lessThanHour' | 'hours' | 'days'; count: number } {
  if (!Number.isFinite(hours) || hours < 1) return { unit: 'lessThanHour', count: 0 };
  if (hours < 24) return { unit: 'hours', count: Math.floor(hours) };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
