// The one intake: a woman and her children arrive, some already registered, some not. One call registers
// the new persons (with the usual duplicate check: a possible duplicate is refused until the desk says it
// is someone else), builds the household or adds the newcomers to the head's, and admits everyone in
// their places, all in one transaction: a refusal anywhere leaves nothing written. Each step is the same
// service the separate screens use, nested (SQLite savepoints) inside this transaction.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { intakeSchema } from '../../shared/channels/stays';
import { DomainError, type FieldErrors } from '../../shared/errors';
import { persons as personsTable } from '../db/schema';
import { write, type Ctx } from './context';
import { addMember, createHousehold, householdIdOfPerson } from './households';
import { createPerson } from './persons';
import { admit, type StayResult } from './stays';

type IntakeInput = z.output<typeof intakeSchema>;
export interface IntakeResult extends StayResult {
  householdId: number | null;
  /** Everyone admitted, in the order given (new persons with their new code). */
  persons: { id: number; code: string }[];
}

/** Runs a nested step, moving its field errors under `people.<i>.` (or renaming the admission's `members.`). */
function step<T>(work: () => T, rename: (field: string) => string): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof DomainError) || !error.fieldErrors) throw error;
    const fields: FieldErrors = {};
    for (const [name, keys] of Object.entries(error.fieldErrors)) fields[rename(name)] = keys;
    throw new DomainError(error.code, fields);
  }
}

const fromAdmission = (name: string) => (/^members\.\d+/.test(name) ? name.replace(/^members\./, 'people.') : name === 'placeId' || name === 'personId' ? `people.0.${name}` : name);

export function intake(ctx: Ctx, input: IntakeInput): IntakeResult {
  return write(ctx, (tx) => {
    const inner: Ctx = { ...ctx, db: tx };
    const persons = input.people.map((p, i) => {
      if (p.personId !== undefined) {
        const found = tx.select({ id: personsTable.id, code: personsTable.code }).from(personsTable).where(eq(personsTable.id, p.personId)).get();
        if (!found) throw new DomainError('NOT_FOUND', { [`people.${i}.personId`]: ['errors.NOT_FOUND'] });
        return found;
      }
      return step(() => createPerson(inner, p.fields!, p.acknowledgeDuplicates), (field) => `people.${i}.fields.${field}`);
    });
    const ids = persons.map((p) => p.id);
    if (new Set(ids).size !== ids.length) throw new DomainError('INVALID_INPUT', { people: ['validation.invalid'] });

    // The household: the head's own, completed with whoever is not in one yet; a new one when the head has none.
    const current = ids.map((id) => householdIdOfPerson(tx, id));
    let householdId = current[0] ?? null;
    const elsewhere = current.findIndex((h, i) => i > 0 && h !== null && h !== householdId);
    if (elsewhere > 0) throw new DomainError('PERSON_IN_OTHER_HOUSEHOLD', { [`people.${elsewhere}.personId`]: ['errors.PERSON_IN_OTHER_HOUSEHOLD'] });
    const joining = input.people.flatMap((p, i) => (i > 0 && current[i] === null ? [{ personId: ids[i]!, relationship: p.relationship, index: i }] : []));
    const relationshipField = (name: string, index: number) => (name === 'relationship' || name === 'members' ? `people.${index}.relationship` : `people.${index}.personId`);
    if (householdId === null && joining.length > 0) {
      householdId = step(() => createHousehold(inner, { headPersonId: ids[0]!, members: joining.map(({ personId, relationship }) => ({ personId, relationship })) }).id,
        (name) => relationshipField(name, joining[0]!.index));
    } else if (householdId !== null) {
      for (const m of joining) step(() => addMember(inner, { householdId: householdId!, personId: m.personId, relationship: m.relationship }), (name) => relationshipField(name, m.index));
    }

    const admitted = step(() => admit(inner, {
      entryDate: input.entryDate, plannedEnd: input.plannedEnd, referralId: input.referralId ?? null, householdId,
      members: input.people.map((p, i) => ({ personId: ids[i]!, placeId: p.placeId, placementEnd: p.placementEnd })),
    }), fromAdmission);
    return { ...admitted, householdId, persons };
  });
}
