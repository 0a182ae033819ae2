// The accountant's ledger read back with an independent reader (read-excel-file): one row per payment,
// dates as dates, money as numbers, totals per type equal to the budget page, formula-like text kept as
// text, no person's name anywhere in the file; the native save dialog path of the Electron shell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import readExcelFile from 'read-excel-file/node';
import type { AppCore } from '../../electron/core/app';
import type { SaveFileRequest } from '../../electron/core/shell';
import { todayInRome } from '../../electron/shared/dates';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, type Template } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';

let template: Template;
let app: AppCore;
let dir: string;
const today = todayInRome();
const year = Number(today.slice(0, 4));
const FORMULA = '=HYPERLINK("x")';

beforeAll(async () => {
  template = await makeTemplate();
  dir = copyOf(template);
  app = core(dir);
  await login(app, ADMIN.username, ADMIN.passphrase);
  const ids = buildRegister(registerDb(app), {
    persons: [{ key: 'mother', displayName: 'Amina Rossignoli' }, { key: 'son', displayName: 'Yusuf Rossignoli' }, { key: 'alone', displayName: 'Grace Okonkwo' }],
    households: [{ key: 'family', head: 'mother', members: { son: 'child' } }],
  });
  await call(app, 'budgets.set', { year, type: 'rental_start', amountCents: 1_000_000, note: null });
  await call(app, 'budgets.set', { year, type: 'social_housing', amountCents: 500_000, note: null });
  const assessment = { householdSize: 2, monthlyIncomeCents: 50_000, iseeCents: null, housingSituation: 'programme_shelter' as const, emergencyLevel: 'high' as const, notes: 'Amina Rossignoli, via Nizza', assessedAt: today };
  const rental = await call(app, 'contributions.create', { householdId: ids.households.family, type: 'rental_start', assessment, proposedCents: 333_333 });
  await call(app, 'contributions.approve', { id: rental.row.id, amountCents: 333_333, date: today, motivation: 'ok' });
  await call(app, 'payments.record', { contributionId: rental.row.id, date: today, amountCents: 111_111, method: 'bank_transfer', receiptReference: FORMULA });
  const wrong = await call(app, 'payments.record', { contributionId: rental.row.id, date: today, amountCents: 1, method: 'cash', receiptReference: '+39 011 000' });
  await call(app, 'payments.cancel', { paymentId: wrong.payments.find((p) => p.amountCents === 1)!.id, reason: 'errore' });
  await call(app, 'payments.record', { contributionId: rental.row.id, date: today, amountCents: 222_222, method: 'direct_to_landlord', receiptReference: '@ricevuta\t2' });
  const social = await call(app, 'contributions.create', { personId: ids.persons.alone, type: 'social_housing', assessment: { ...assessment, householdSize: 1 }, proposedCents: 50_001 });
  await call(app, 'contributions.approve', { id: social.row.id, amountCents: 50_001, date: today, motivation: 'ok' });
  await call(app, 'payments.record', { contributionId: social.row.id, date: today, amountCents: 50_001, method: 'prepaid_card', receiptReference: '-12' });
}, 120_000);
afterAll(() => {
  app.lock();
  cleanupDirs();
});

async function sheets(base64: string) {
  return readExcelFile(Buffer.from(base64, 'base64'));
}

describe('ledger export', () => {
  it('has one row per payment with the household code, dates as dates, amounts as numbers, cancelled ones marked', async () => {
    const ledger = await call(app, 'ledger.export', { year, locale: 'it' });
    expect(ledger.saved).toBeNull();
    expect(ledger.fileName).toBe(`registro-contributi-${year}.xlsx`);
    const [payments, totals] = await sheets(ledger.base64!);
    expect(payments!.sheet).toBe('Registro pagamenti');
    const [header, ...rows] = payments!.data;
    expect(header).toEqual(['Data', 'Riferimento decisione', 'Codice nucleo', 'Ente', 'Tipo', 'Importo', 'Metodo', 'Riferimento ricevuta', 'Stato', 'Annullato il']);
    expect(rows).toHaveLength(4);
    expect(ledger.rows).toBe(4);
    for (const row of rows) {
      expect(row[0]).toEqual(new Date(`${today}T00:00:00.000Z`));
      expect(String(row[2])).toMatch(/^FX-/);
      expect(typeof row[5]).toBe('number');
    }
    const byReceipt = new Map(rows.map((r) => [r[7], r]));
    // Formula-like references come back as the very text that was typed.
    expect(byReceipt.get(FORMULA)![5]).toBe(1111.11);
    expect(byReceipt.get('+39 011 000')).toMatchObject({ 5: 0.01, 8: 'Annullato' });
    expect(byReceipt.get('@ricevuta\t2')![8]).toBe('Pagato');
    expect(byReceipt.get('-12')![4]).toBe('Ingresso in edilizia sociale');
    expect(totals!.sheet).toBe('Totali per tipo');
  });

  it('gives totals per type equal to the budget page’s, leaving cancelled payments out, and never a person’s name', async () => {
    const ledger = await call(app, 'ledger.export', { year, locale: 'en' });
    const page = await call(app, 'budgets.get', { year });
    const [payments, totals] = await sheets(ledger.base64!);
    for (const t of ledger.totals) expect(t.paidCents).toBe(page.lines.find((l) => l.type === t.type && l.partnerId === null)!.paidCents);
    expect(ledger.totals.find((t) => t.type === 'rental_start')).toEqual({ type: 'rental_start', paidCents: 333_333, payments: 2, cancelledPayments: 1 });
    const rental = totals!.data.find((r) => r[0] === 'Rental start')!;
    expect(rental.slice(1, 8)).toEqual([10_000, 3333.33, 0, 3333.33, 6666.67, 2, 1]);
    const all = totals!.data.find((r) => r[0] === 'Total')!;
    expect(all[4]).toBe((page.totals.paidCents) / 100);
    const text = JSON.stringify([payments!.data, totals!.data]);
    for (const name of ['Amina', 'Rossignoli', 'Yusuf', 'Grace', 'Okonkwo', 'via Nizza']) expect(text).not.toContain(name);
    expect(payments!.data[0]![0]).toBe('Date');
  });

  it('is for coordinators and admins only', async () => {
    app.lock();
    const operator = core(copyOf(template));
    await login(operator, 'operatrice', 'first passphrase 123');
    await call(operator, 'account.changePassphrase', { current: 'first passphrase 123', passphrase: 'operator second passphrase', passphraseRepeat: 'operator second passphrase' });
    expect((await refusal(operator, 'ledger.export', { year })).code).toBe('FORBIDDEN');
    operator.lock();
    await login(app, ADMIN.username, ADMIN.passphrase);
  });

  it('in the Electron shell goes through the native save dialog and sends no bytes to the renderer', async () => {
    const saved: SaveFileRequest[] = [];
    app.shutdown();
    const shellApp = core(dir, { shell: { saveFile: async (request) => (saved.push(request), true) } });
    try {
      await login(shellApp, ADMIN.username, ADMIN.passphrase);
      const result = await call(shellApp, 'ledger.export', { year });
      expect(result).toMatchObject({ saved: true, base64: null, rows: 4 });
      expect(saved[0]!.suggestedName).toBe(`registro-contributi-${year}.xlsx`);
      const [payments] = await readExcelFile(Buffer.from(saved[0]!.bytes));
      expect(payments!.data).toHaveLength(5);
    } finally {
      shellApp.shutdown();
      app = core(dir);
      await login(app, ADMIN.username, ADMIN.passphrase);
    }
  });
});
