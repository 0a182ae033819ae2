// What the UI offers is what main accepts: `canCall` (the renderer's rule, electron/shared/contract.ts) agrees with
// the dispatcher's role check for every channel and role, and no renderer file keeps a role list of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ROLES, canCall, contract } from '../../electron/shared/contract';
import { accessProblem } from '../../electron/core/ipc/dispatch';
import type { Session } from '../../electron/core/session';

const root = resolve(__dirname, '../..');
const signedIn = (role: (typeof ROLES)[number]) =>
  ({ current: { user: { role }, pendingRecovery: null, mustChangePassphrase: false } }) as unknown as Session;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) && name !== 'i18n.ts' ? [path] : [];
  });
}

describe('canCall', () => {
  it('agrees with the dispatcher for every channel and role', () => {
    for (const channel of CHANNEL_NAMES)
      for (const role of ROLES)
        expect(canCall(channel, role), `${channel} for ${role}`).toBe(accessProblem(contract[channel], signedIn(role)) === null);
  });

  it('follows the access the contract declares', () => {
    expect(canCall('users.list', 'admin')).toBe(true);
    expect(canCall('users.list', 'coordinator')).toBe(false);
    expect(canCall('structures.save', 'coordinator')).toBe(true);
    expect(canCall('structures.save', 'operator')).toBe(false);
    expect(canCall('session.state', 'operator')).toBe(true);
  });

  it('is the renderer\'s only source of who may do what: no role compared or listed in a screen', () => {
    const found: string[] = [];
    for (const file of filesUnder(join(root, 'renderer/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/role\s*[!=]==\s*'[a-z]+'|roles:\s*\[|\[\s*'(?:admin|coordinator|operator)'\s*,/g))
        found.push(`${file.slice(root.length + 1)}: ${match[0]}`);
    }
    expect(found).toEqual([]);
  });
});
