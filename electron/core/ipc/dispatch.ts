// The one registration loop's core: every IPC message (Electron or browser host) passes through here.
// Order: sender → channel → payload size → session and role → schema → service → output schema.
import { z } from 'zod';
import { accessAllows, contract, MAX_PAYLOAD_CHARS, type ChannelName, type ChannelSpec } from '../../shared/contract';
import { DomainError, errorBody, type Envelope, type FieldErrors } from '../../shared/errors';
import type { Session } from '../session';
import type { Handlers } from './types';
import { log } from '../log';
import { storageFault } from '../storage-faults';

export interface SenderInfo {
  /** Whether the message comes from the app's own page (Electron) or carries the run's token (browser host). */
  trusted: boolean;
}

export type Dispatch = (channel: string, payload: unknown, sender: SenderInfo) => Promise<Envelope<unknown>>;

const isChannel = (name: string): name is ChannelName => Object.prototype.hasOwnProperty.call(contract, name);

/** zod issues → field name → translation keys. Messages we set are keys; zod's own defaults map to generic keys. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '_';
    const key = issue.message.startsWith('validation.') ? issue.message : genericKey(issue);
    (out[field] ??= []).push(key);
  }
  return out;
}

function genericKey(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'validation.unexpectedField';
    case 'too_big':
      return 'validation.tooLong';
    case 'invalid_type':
      return 'validation.required';
    default:
      return 'validation.invalid';
  }
}

export function accessProblem(spec: ChannelSpec, session: Session): DomainError | null {
  if (spec.access === 'public') return null;
  const open = session.current;
  if (!open) return new DomainError('LOCKED');
  if (spec.access === 'unlocked') return null;
  if (open.pendingRecovery) return new DomainError('RECOVERY_CONFIRMATION_REQUIRED');
  if (open.mustChangePassphrase) return new DomainError('PASSPHRASE_CHANGE_REQUIRED');
  if (!accessAllows(spec.access, open.user.role)) return new DomainError('FORBIDDEN');
  return null;
}

export function createDispatcher(session: Session, handlers: Handlers): Dispatch {
  return async (channel, payload, sender) => {
    if (!sender.trusted) return { ok: false, error: errorBody('BAD_SENDER') };
    if (!isChannel(channel)) return { ok: false, error: errorBody('UNKNOWN_CHANNEL') };
    const spec: ChannelSpec = contract[channel];
    let size: number;
    try {
      size = JSON.stringify(payload ?? null).length;
    } catch {
      return { ok: false, error: errorBody('INVALID_INPUT') };
    }
    if (size > MAX_PAYLOAD_CHARS) return { ok: false, error: errorBody('PAYLOAD_TOO_LARGE') };
    const denied = accessProblem(spec, session);
    if (denied) return { ok: false, error: errorBody(denied.code) };
    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) return { ok: false, error: errorBody('INVALID_INPUT', fieldErrorsFrom(parsed.error)) };
    if (!spec.passive) session.touch();
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown> | unknown;
      const value = spec.output.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: errorBody(error.code, error.fieldErrors, error.params) };
      // A full disk or a read-only folder: SQLite rolled the write back; the user can act on the message.
      const fault = storageFault(error);
      if (fault) {
        log.error('ipc', `storage fault on ${channel}: ${fault}`);
        return { ok: false, error: errorBody(fault) };
      }
      // Never log payloads or messages that may carry register data: only the channel and the error's class.
      log.error('ipc', `handler failed on ${channel}: ${error instanceof Error ? error.name : typeof error}`);
      return { ok: false, error: errorBody('INTERNAL') };
    }
  };
}
