// The open stays of a person's household members, offered to StayActions for a discharge together. Read only
// when the person has an open stay themself and lives in a household with others.
import { useEffect, useState } from 'react';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { call } from '../../ipc/client';
import { householdOpenStays, openStays, type HouseholdStay } from './person-timeline';

export function useHouseholdStays(detail: PersonDetail | null): HouseholdStay[] | undefined {
  const [stays, setStays] = useState<HouseholdStay[] | undefined>(undefined);
  const others = detail?.household?.members.filter((m) => m.personId !== detail.id).map((m) => m.personId) ?? [];
  const wanted = detail !== null && others.length > 0 && openStays(detail.stays).length > 0;
  // Re-read whenever the person's own stays change (an admission or discharge may have moved the others too).
  const key = wanted ? JSON.stringify({ others, stays: detail.stays.map((s) => [s.id, s.exitDate]) }) : '';

  useEffect(() => {
    if (!key || !detail) {
      setStays(undefined);
      return;
    }
    let current = true;
    const ids = (JSON.parse(key) as { others: number[] }).others;
    void Promise.all(ids.map((id) => call('persons.get', { id }))).then((results) => {
      if (!current) return;
      const byPerson = new Map<number, PersonDetail['stays']>();
      results.forEach((result, i) => {
        if (result.ok) byPerson.set(ids[i]!, result.value.stays);
      });
      setStays(householdOpenStays(detail.household, detail.id, byPerson));
    });
    return () => {
      current = false;
    };
    // `detail` is read for the household labels only; `key` says when a re-read is due.
  }, [key]);

  return stays;
}
