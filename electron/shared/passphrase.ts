// The passphrase rule, shared so the renderer can explain a refusal before the main process repeats it.

export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 256;

const COMMON = new Set([
  'passwordpassword', 'password1234', '123456789012', 'qwertyuiopas', 'approdoapprodo',
  'passwordpassword1', 'ciaociaociao', 'amministratore', 'administrator',
]);

/** Returns the translation key of the first reason the passphrase is refused, or null if it is acceptable. */
export function passphraseProblem(passphrase: string, username?: string): string | null {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) return 'validation.passphraseTooShort';
  if (passphrase.length > PASSPHRASE_MAX_LENGTH) return 'validation.tooLong';
  if (new Set(passphrase).size < 4) return 'validation.passphraseTooRepetitive';
  const lower = passphrase.toLowerCase();
  if (COMMON.has(lower)) return 'validation.passphraseTooCommon';
  if (username && lower.includes(username.toLowerCase()) && username.length >= 3) return 'validation.passphraseContainsUsername';
  return null;
}
