// The referral queue's waiting times as shown (the queue's order is the register's: REFERRAL_QUEUE_ORDER in
// electron/core/services/referrals.ts). Pure: unit-tested in Node.

/** Waiting time in whole hours below a day, whole days from then on ("3 h", "2 g"). */
export function waitingParts(hours: number): { unit: 'lessThanHour' | 'hours' | 'days'; count: number } {
  if (!Number.isFinite(hours) || hours < 1) return { unit: 'lessThanHour', count: 0 };
  if (hours < 24) return { unit: 'hours', count: Math.floor(hours) };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
