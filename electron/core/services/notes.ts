// Case notes: dated free text by a named user, the most sensitive thing in the register. Who may read
// them is decided here and nowhere else (docs/pathway.md):
// - a restricted person's notes need a recent reveal of her names (with a reason), for every role;
// - an operator reads the notes of persons in her structures (the structure of their current or last
//   placement), and the notes she wrote herself;
// - a confidential note is read by its author, coordinators and admins only.
// A refusal says nothing else: no count, no date, no author. Notes are in no list, export or log; the
// audit records who wrote one and that a read was refused, never the text.
import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { CaseNote } from '../../shared/channels/pathway';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { caseNotes, persons, stays, users } from '../db/schema';
import { write, type Ctx } from './context';
import { recentlyRevealed } from './persons';
import { personInUserStructures } from './staff';

type Reader = Pick<Db, 'select'>;
type NoteRow = typeof caseNotes.$inferSelect;

const forbidden = () => new DomainError('FORBIDDEN', { personId: ['errors.FORBIDDEN'] });
const isManager = (ctx: Ctx) => ctx.user.role === 'admin' || ctx.user.role === 'coordinator';

/**
 * Whether the user may read (and write) this person's notes at all. Refused the same way whatever the
 * reason, and the refusal is audited (who asked about whom), in its own transaction so it survives.
 */
function requireNoteAccess(ctx: Ctx, personId: number): void {
  const person = ctx.db.select({ id: persons.id, restricted: persons.restricted }).from(persons).where(eq(persons.id, personId)).get();
  if (!person) throw new DomainError('NOT_FOUND', { personId: ['errors.NOT_FOUND'] });
  const allowed = (!person.restricted || recentlyRevealed(ctx, personId))
    && (isManager(ctx) || personInUserStructures(ctx.db, ctx.user.id, personId) || ownNotesOnly(ctx.db, ctx.user.id, personId));
  if (allowed) return;
  write(ctx, (_tx, audit) => audit({ action: 'notes.refused', entity: 'person', recordId: personId, fields: [] }));
  throw forbidden();
}

/** An operator outside the person's structure who wrote notes about her (before a transfer) still reads those. */
function ownNotesOnly(db: Reader, userId: number, personId: number): boolean {
  return db.select({ id: caseNotes.id }).from(caseNotes).where(and(eq(caseNotes.personId, personId), eq(caseNotes.authorId, userId))).limit(1).get() !== undefined;
}

/** Whether one note, of a person the user may read, is readable by her. */
function readable(ctx: Ctx, note: NoteRow, inScope: boolean): boolean {
  const own = note.authorId === ctx.user.id;
  if (own || isManager(ctx)) return true;
  return !note.confidential && inScope;
}

const toNote = (ctx: Ctx, note: NoteRow, authorName: string | null): CaseNote => ({
  id: note.id, date: note.date, body: note.body, authorName, own: note.authorId === ctx.user.id, confidential: note.confidential, createdAt: note.createdAt,
});

/** The person's notes this user may read, oldest first. */
export function listNotes(ctx: Ctx, personId: number): CaseNote[] {
  requireNoteAccess(ctx, personId);
  const inScope = isManager(ctx) || personInUserStructures(ctx.db, ctx.user.id, personId);
  return ctx.db.select({ note: caseNotes, authorName: users.displayName }).from(caseNotes).leftJoin(users, eq(users.id, caseNotes.authorId))
    .where(eq(caseNotes.personId, personId)).orderBy(asc(caseNotes.date), asc(caseNotes.id)).all()
    .filter(({ note }) => readable(ctx, note, inScope))
    .map(({ note, authorName }) => toNote(ctx, note, authorName ?? null));
}

/** Writes a note by the signed-in user. An operator writes only about persons in her structures. */
export function addNote(ctx: Ctx, input: { personId: number; date: string; body: string; confidential: boolean }): CaseNote {
  const person = ctx.db.select({ restricted: persons.restricted }).from(persons).where(eq(persons.id, input.personId)).get();
  if (!person) throw new DomainError('NOT_FOUND', { personId: ['errors.NOT_FOUND'] });
  if ((person.restricted && !recentlyRevealed(ctx, input.personId)) || (!isManager(ctx) && !personInUserStructures(ctx.db, ctx.user.id, input.personId))) {
    write(ctx, (_tx, audit) => audit({ action: 'notes.refused', entity: 'person', recordId: input.personId, fields: [] }));
    throw forbidden();
  }
  if (input.date > ctx.today) throw new DomainError('INVALID_PERIOD', { date: ['errors.INVALID_PERIOD'] });
  const row = write(ctx, (tx, audit) => {
    const stay = tx.select({ id: stays.id }).from(stays)
      .where(and(eq(stays.personId, input.personId), lte(stays.entryDate, input.date), or(isNull(stays.exitDate), gte(stays.exitDate, input.date))))
      .orderBy(desc(stays.entryDate)).limit(1).get();
    const note = tx.insert(caseNotes).values({
      personId: input.personId, stayId: stay?.id ?? null, date: input.date, body: input.body, authorId: ctx.user.id,
      confidential: input.confidential, createdAt: ctx.now.toISOString(),
    }).returning().get();
    audit({ action: 'note.create', entity: 'case_note', recordId: note.id, fields: ['personId', 'date', 'body', ...(input.confidential ? ['confidential'] : [])] });
    return note;
  });
  return toNote(ctx, row, ctx.user.displayName);
}

/** Every note of the person regardless of who asks: for subject access only (the person's own data). */
export function allNotesOf(db: Reader, personId: number) {
  return db.select({ date: caseNotes.date, byRole: users.role, confidential: caseNotes.confidential, body: caseNotes.body })
    .from(caseNotes).leftJoin(users, eq(users.id, caseNotes.authorId))
    .where(eq(caseNotes.personId, personId)).orderBy(asc(caseNotes.date), asc(caseNotes.id)).all();
}
