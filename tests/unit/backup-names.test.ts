// Backup file names are in the computer's local time (what a person picking a file on a USB drive reads);
// the exact instant stays in the backup's header.
import { describe, expect, it } from 'vitest';
import { fromLocalStamp, localStamp } from '../../electron/core/backup/locations';

describe('backup file names', () => {
  it('carry the local date and time, and read back to the same second', () => {
    const at = new Date(2026, 4, 1, 18, 22, 33, 456); // 1 May 2026, 18:22:33 local time
    expect(localStamp(at)).toBe('2026-05-01_18-22-33');
    expect(fromLocalStamp('2026-05-01_18-22-33')!.getTime()).toBe(new Date(2026, 4, 1, 18, 22, 33).getTime());
  });

  it('still read the UTC names written before, and nothing else', () => {
    expect(fromLocalStamp('2026-05-01T10-22-33-123Z')!.toISOString()).toBe('2026-05-01T10:22:33.123Z');
    expect(fromLocalStamp('2026-05-01')).toBeNull();
    expect(fromLocalStamp('not a date')).toBeNull();
  });
});
