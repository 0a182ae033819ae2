// Who an admission starts from: a person and the rest of their household, each with what the intake
// shows (code, label, age, relationship) and whether they are already hosted (an open stay).
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { ageOn } from '../../../../electron/shared/guest-rules';
import { call } from '../../ipc/client';
import type { KnownPerson, Relationship } from './intake-model';

export interface LoadedPeople {
  /** The people who can be admitted now, the household's head first. */
  members: KnownPerson[];
  /** Household members who already have an open stay: not added. */
  alreadyHosted: KnownPerson[];
  householdId: number | null;
}

function infoOf(detail: PersonDetail, date: string, relationship: Relationship | null): KnownPerson {
  return {
    personId: detail.id,
    code: detail.code,
    label: (detail.namesShown ? detail.fields.displayName : null) ?? detail.code,
    age: ageOn(detail.fields, date),
    householdRelationship: relationship,
  };
}

const hosted = (detail: PersonDetail) => detail.stays.some((stay) => stay.exitDate === null);

/** The person and, when they belong to a household, every other member (admitted together unless removed). */
export async function personWithHousehold(personId: number, date: string): Promise<LoadedPeople | ErrorBody> {
  const first = await call('persons.get', { id: personId });
  if (!first.ok) return first.error;
  const household = first.value.household;
  const ids = household ? household.members.map((m) => m.personId) : [personId];
  if (!ids.includes(personId)) ids.unshift(personId);
  const details = await Promise.all(ids.map((id) => (id === personId ? Promise.resolve(first) : call('persons.get', { id }))));
  const out: LoadedPeople = { members: [], alreadyHosted: [], householdId: household?.id ?? null };
  details.forEach((result, i) => {
    if (!result.ok) return;
    const relationship = household?.members.find((m) => m.personId === ids[i])?.relationship ?? null;
    const info = infoOf(result.value, date, relationship);
    (hosted(result.value) ? out.alreadyHosted : out.members).push(info);
  });
  return out;
}

export const isErrorBody = (value: LoadedPeople | ErrorBody): value is ErrorBody => 'code' in value;
