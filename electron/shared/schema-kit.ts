// Building blocks of the IPC contract: roles, bounded strings, dates, and the channel declaration.
// No Electron or Node imports: bundled into the preload and the renderer.
import { z } from 'zod';
import { passphraseProblem, PASSPHRASE_MAX_LENGTH } from './passphrase';

export const ROLES = ['admin', 'coordinator', 'operator'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const LOCALES = ['it', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Longest string any channel accepts unless it says otherwise: a bound on what the renderer can push. */
export const MAX_TEXT = 200;

export const text = (max = MAX_TEXT) =>
  z.string({ error: 'validation.required' }).trim().max(max, { error: 'validation.tooLong' });
export const requiredText = (max = MAX_TEXT) => text(max).min(1, { error: 'validation.required' });

export const usernameSchema = requiredText(40)
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, { error: 'validation.usernameFormat' });
export const displayNameSchema = requiredText(80);
export const passphraseField = z
  .string({ error: 'validation.required' })
  .max(PASSPHRASE_MAX_LENGTH, { error: 'validation.tooLong' });

/** A new passphrase typed twice: checked against the rule and against its repetition. */
export function newPassphrase<S extends z.ZodRawShape>(shape: S) {
  return z
    .strictObject({ ...shape, passphrase: passphraseField, passphraseRepeat: passphraseField })
    .superRefine((parsed, ctx) => {
      const value = parsed as { passphrase: string; passphraseRepeat: string; username?: unknown };
      const problem = passphraseProblem(value.passphrase, typeof value.username === 'string' ? value.username : undefined);
      if (problem) ctx.addIssue({ code: 'custom', path: ['passphrase'], message: problem });
      if (value.passphrase !== value.passphraseRepeat)
        ctx.addIssue({ code: 'custom', path: ['passphraseRepeat'], message: 'validation.passphraseMismatch' });
    });
}

export const empty = z.strictObject({});
export const idSchema = z.number({ error: 'validation.required' }).int().positive();

/** A calendar date 'YYYY-MM-DD' (Europe/Rome), checked to exist. */
export const isoDate = z
  .string({ error: 'validation.required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && value >= '1900-01-01' && value <= '2100-12-31';
  }, { error: 'validation.date' });

/** An optional free text: empty becomes null. */
export const optionalText = (max = MAX_TEXT) =>
  text(max).nullish().transform((v) => (v === undefined || v === null || v === '' ? null : v));

export const optionalDate = isoDate.nullish().or(z.literal('')).transform((v) => (v ? v : null));

/** Who may call a channel: anyone (no session needed), any unlocked session even one that must first
 * change its passphrase, or an unlocked session in good standing with one of the listed roles. */
export type Access = 'public' | 'unlocked' | readonly Role[];

/** Whether an unlocked session in good standing with `role` passes `access`. The dispatcher's rule, and the
 * renderer's (through `canCall` in contract.ts), so what the UI offers is what main accepts. */
export const accessAllows = (access: Access, role: Role): boolean => typeof access === 'string' || access.includes(role);

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Calls that are the app's own background traffic (polling) and do not count as user activity. */
  passive?: boolean;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>) => spec;
export const ALL_ROLES = ROLES;
/** Admins and coordinators: who manage structures, decide contributions and review retention (docs/roles.md). */
export const MANAGERS = ['admin', 'coordinator'] as const satisfies readonly Role[];

