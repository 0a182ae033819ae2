// Stable error codes shared by main and renderer: every refusal crosses IPC as one of these.

export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'BAD_SENDER',
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'LOCKED',
  'FORBIDDEN',
  'PASSPHRASE_CHANGE_REQUIRED',
  'RECOVERY_CONFIRMATION_REQUIRED',
  'WRONG_CREDENTIALS',
  'REGISTER_EXISTS',
  'REGISTER_ABSENT',
  'REGISTER_TOO_NEW',
  'REGISTER_DAMAGED',
  'USERNAME_TAKEN',
  'USER_NOT_FOUND',
  'LAST_ADMIN',
  'CANNOT_DISABLE_SELF',
  'CANNOT_RESET_SELF',
  'RECOVERY_GROUP_MISMATCH',
  'RECOVERY_NOT_PENDING',
  'PASSPHRASE_REUSED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field name → translation keys of what is wrong with it. */
export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  code: ErrorCode;
  messageKey: string;
  fieldErrors?: FieldErrors;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** A rule violation raised by a service before anything is written. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  constructor(code: ErrorCode, fieldErrors?: FieldErrors) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function errorBody(code: ErrorCode, fieldErrors?: FieldErrors): ErrorBody {
  return fieldErrors ? { code, messageKey: `errors.${code}`, fieldErrors } : { code, messageKey: `errors.${code}` };
}
