import { describe, expect, it } from 'vitest';
import { passphraseProblem } from '../../electron/shared/passphrase';
import { contract } from '../../electron/shared/contract';

describe('the passphrase rule', () => {
  it('refuses fewer than 12 characters and says why', () => {
    expect(passphraseProblem('elevenchars')).toBe('validation.passphraseTooShort');
    expect(passphraseProblem('twelve chars')).toBeNull();
  });
  it('refuses repetitive, common or username-based passphrases', () => {
    expect(passphraseProblem('aaaaaaaaaaaaaaaa')).toBe('validation.passphraseTooRepetitive');
    expect(passphraseProblem('PasswordPassword')).toBe('validation.passphraseTooCommon');
    expect(passphraseProblem('mariarossi-2026!', 'mariarossi')).toBe('validation.passphraseContainsUsername');
  });
  it('is applied by the contract to every new passphrase, with the repetition checked', () => {
    const result = contract['users.create'].input.safeParse({ username: 'mrossi', displayName: 'Maria', role: 'operator', passphrase: 'mrossi mrossi 1', passphraseRepeat: 'x' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(messages).toEqual([['passphrase', 'validation.passphraseContainsUsername'], ['passphraseRepeat', 'validation.passphraseMismatch']]);
  });
});
