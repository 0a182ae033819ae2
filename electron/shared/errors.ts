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
  /** The recovery key typed does not open the register (the username may be right). */
  'WRONG_RECOVERY_KEY',
  /** Too many failed attempts in a row: the next one is accepted after `params.seconds`. */
  'TOO_MANY_ATTEMPTS',
  /** The key-slot file is malformed or asks for an excessive key-derivation cost. */
  'KEY_SLOTS_INVALID',
  /** The key-slot file belongs to another register (or another version of this one): its key opens no page. */
  'KEY_SLOTS_MISMATCH',
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
  'NOT_FOUND',
  'NAME_TAKEN',
  'INVALID_PERIOD',
  // Stays and placements (docs/domain.md › Rules and their error codes)
  'PLACE_OCCUPIED',
  'PERSON_ALREADY_PLACED',
  'PLACEMENT_OUTSIDE_STAY',
  'PLACE_NOT_ACTIVE',
  'PLACE_OUT_OF_SERVICE',
  'WOMEN_ONLY_STRUCTURE',
  'CHILDREN_NOT_ALLOWED',
  'EXIT_BEFORE_ENTRY',
  'STAY_CLOSED',
  'STAY_ALREADY_OPEN',
  'NO_OPEN_PLACEMENT',
  'PLANNED_END_BEFORE_ENTRY',
  'EXTENSION_NOT_LATER',
  'BIRTH_DATE_IN_FUTURE',
  // Persons, households, referrals
  'POSSIBLE_DUPLICATE',
  'PERSON_IN_OTHER_HOUSEHOLD',
  'REFERRAL_CLOSED',
  // Backups and restore
  'BACKUP_FOLDER_INVALID',
  'BACKUP_FOLDER_NOT_WRITABLE',
  /** The folder of the automatic backups (or a register's own folder): not a place for a manual copy. */
  'BACKUP_FOLDER_RESERVED',
  /** A backup's database part is larger than the free space or the sane maximum. */
  'BACKUP_TOO_LARGE',
  'BACKUP_NO_SPACE',
  'BACKUP_FAILED',
  'BACKUP_NOT_FOUND',
  'BACKUP_INVALID',
  'RESTORE_FAILED',
  // Faults of the disk and the folder under the register
  'DISK_FULL',
  'READ_ONLY',
  'REGISTER_IN_USE',
  // Privacy duties
  'PERSON_STAY_OPEN',
  'RETENTION_NOT_DUE',
  // Housing contributions
  'OVER_BUDGET',
  'CONTRIBUTION_NOT_EDITABLE',
  'CONTRIBUTION_NOT_APPROVED',
  'CONTRIBUTION_HAS_PAYMENTS',
  'AMOUNT_BELOW_PAID',
  'PAYMENT_EXCEEDS_APPROVED',
  'PAYMENT_BEFORE_APPROVAL',
  'PAYMENT_CANCELLED',
  'INSTALMENTS_EXCEED_APPROVED',
  'DATE_IN_FUTURE',
  // Social accompaniment
  'NO_STAY_ON_DATE',
  'GOAL_NOT_IN_PLAN',
  'NOT_HOST_FAMILY',
  // Month close (docs/summary.md)
  /** Someone closed the month meanwhile: `params.version` is its last version now. */
  'MONTH_CLOSE_CONFLICT',
  'MONTH_NOT_OVER',
  /** Closing again a month whose figures equal its last version. */
  'MONTH_UNCHANGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field name → translation keys of what is wrong with it. */
export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  code: ErrorCode;
  messageKey: string;
  fieldErrors?: FieldErrors;
  /** Values the translated message shows (e.g. the remaining budget, in cents). Never register data about a person. */
  params?: Record<string, number | string>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** A rule violation raised by a service before anything is written. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly params?: Record<string, number | string>;
  constructor(code: ErrorCode, fieldErrors?: FieldErrors, params?: Record<string, number | string>) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.params = params;
  }
}

export function errorBody(code: ErrorCode, fieldErrors?: FieldErrors, params?: Record<string, number | string>): ErrorBody {
  const body: ErrorBody = fieldErrors ? { code, messageKey: `errors.${code}`, fieldErrors } : { code, messageKey: `errors.${code}` };
  return params ? { ...body, params } : body;
}
