// Example housing contributions for a generated register: proposals around the time households leave
// (or while they are still hosted), assessments with the suggestion of the default rule table, decisions in
// date order against yearly budgets — tight in some years, so some approvals go past them with an
// override — contracts, planned instalments and payments (a few cancelled and paid again), in integer cents.
import type Database from 'better-sqlite3';
import {
  CONTRIBUTION_TYPES, DEFAULT_RULE_TABLES, EMERGENCY_LEVELS, suggestAmount, type ContributionType,
} from '../../shared/contributions';
import { Rng, isoOf } from './random';
import type { People } from './people';
import type { Simulation } from './simulation';

const CONTRACT_KIND: Record<ContributionType, string> = {
  rental_start: 'rental', sublet_start: 'sublet', social_housing: 'social_housing', host_family_reimbursement: 'host_family',
};
const STREETS = ['Via Nizza', 'Corso Giulio Cesare', 'Via Cibrario', 'Corso Vercelli', 'Via Madama Cristina', 'Via Sacchi', 'Corso Regina Margherita', 'Via Chiesa della Salute'];
const LANDLORDS = ['Immobiliare Dora srl', 'Agenzia Casa Aurora', 'ATC Piemonte Centrale', 'Sig.ra Bianchi', 'Sig. Ferrero', 'Cooperativa Abitare', 'Studio Gallo'];
const METHODS = ['bank_transfer', 'bank_transfer', 'bank_transfer', 'direct_to_landlord', 'prepaid_card', 'cash'] as const;

interface Plan {
  id: number;
  householdId: number;
  size: number;
  partnerId: number;
  type: ContributionType;
  proposed: number;
  hosted: boolean;
}

/** Inserts `count` contributions (and the households of one they need) with raw statements, inside the caller's transaction. */
export function generateContributions(
  sqlite: Database.Database, rng: Rng, people: People, sim: Simulation,
  options: { count: number; start: number; today: number; partnerIds: number[]; userId: number | null },
): { contributions: number; payments: number; budgets: number } {
  const { count, start, today } = options;
  if (count === 0) return { contributions: 0, payments: 0, budgets: 0 };
  const insert = (sql: string) => sqlite.prepare(sql);
  const stamp = (day: number) => `${isoOf(day)}T10:00:00.000Z`;

  // Who a contribution can go to: households (or persons alone) that were hosted, around the time they leave.
  const byPerson = new Map(people.households.flatMap((h) => h.members.map((m) => [m.person.id, h] as const)));
  let nextHousehold = Math.max(0, ...people.households.map((h) => h.id ?? 0)) + 1;
  const householdIds = new Map<number, number>();
  const newHousehold = insert('INSERT INTO households (id, head_person_id, created_at) VALUES (?, ?, ?)');
  const newMember = insert("INSERT INTO household_members (household_id, person_id, relationship) VALUES (?, ?, 'head')");
  const heads = sim.stays.filter((s) => {
    const h = byPerson.get(s.person.id);
    return !h || h.members.find((m) => m.relationship === 'head')?.person.id === s.person.id;
  });

  const year = (day: number) => Number(isoOf(day).slice(0, 4));
  const proposals: (Plan & { day: number; iso: string })[] = [];
  const contribution = insert(`INSERT INTO contributions (id, reference, household_id, household_code, partner_id, type, status, year, proposed_cents, approved_cents, paid_cents,
    proposed_at, decided_at, household_size, monthly_income_cents, isee_cents, housing_situation, emergency_level, assessment_notes, assessed_at,
    suggested_cents, suggestion, rule_table_id, paper_references, created_at) VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?, NULL, 0, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
  const counters = new Map<number, number>();
  for (let id = 1; id <= count; id += 1) {
    const stay = rng.pick(heads);
    const h = byPerson.get(stay.person.id);
    let householdId = h?.id ?? householdIds.get(stay.person.id);
    if (householdId === undefined || householdId === null) {
      householdId = nextHousehold++;
      householdIds.set(stay.person.id, householdId);
      newHousehold.run(householdId, stay.person.id, stay.person.createdAt);
      newMember.run(householdId, stay.person.id);
    }
    const size = h ? h.members.length : 1;
    // Most proposals come as the household prepares to leave; some while it is still hosted, some long after.
    const around = stay.exit === Infinity ? today - rng.int(0, 120) : stay.exit + rng.int(-45, 20);
    const day = Math.max(start, Math.min(today, around + (rng.chance(0.1) ? rng.int(30, 400) : 0)));
    const hosted = stay.entry <= day && day < stay.exit;
    const type = rng.weighted<ContributionType>([['rental_start', 5], ['sublet_start', 2], ['social_housing', 2], ['host_family_reimbursement', 1]]);
    const emergencyLevel = rng.weighted([[EMERGENCY_LEVELS[0], 2], [EMERGENCY_LEVELS[1], 4], [EMERGENCY_LEVELS[2], 3], [EMERGENCY_LEVELS[3], 1]] as const);
    const iseeCents = rng.chance(0.7) ? rng.int(0, 1_500_000) : null;
    const suggestion = suggestAmount(DEFAULT_RULE_TABLES[type], { householdSize: size, emergencyLevel, iseeCents });
    // The person deciding often rounds the suggestion, sometimes to an awkward amount (a rent and a third).
    const proposed = suggestion.suggestedCents === null ? rng.int(300, 2500) * 100
      : rng.chance(0.2) ? Math.max(1, Math.round(suggestion.suggestedCents / 3) + 33) : suggestion.suggestedCents;
    const iso = isoOf(day);
    const n = (counters.get(year(day)) ?? 0) + 1;
    counters.set(year(day), n);
    const partnerId = rng.pick(options.partnerIds);
    contribution.run(
      id, `CTB-${year(day)}-${String(n).padStart(4, '0')}`, householdId, (h?.members.find((m) => m.relationship === 'head')?.person ?? stay.person).code, partnerId, type, year(day), proposed, iso,
      size, rng.int(0, 140_000), iseeCents, hosted ? 'programme_shelter' : rng.pick(['host_family', 'private_rental', 'guest_of_others', 'other']),
      emergencyLevel, rng.chance(0.4) ? 'Valutazione con il servizio sociale; documenti in cartella.' : null, iso,
      suggestion.suggestedCents, JSON.stringify(suggestion), rng.chance(0.5) ? `Prot. ${rng.int(1000, 99999)}/${year(day)}` : null, stamp(day),
    );
    proposals.push({ id, householdId, size, partnerId, type, proposed, hosted, day, iso });
  }

  // Budgets from the demand each year would see, some years tight (85 %): approvals there run out of room.
  const demand = new Map<string, number>();
  for (const p of proposals) demand.set(`${year(p.day)}|${p.type}`, (demand.get(`${year(p.day)}|${p.type}`) ?? 0) + p.proposed);
  const budget = new Map<string, number>();
  const budgetRow = insert('INSERT INTO budget_entries (year, type, partner_id, amount_cents, note, user_id, at) VALUES (?, ?, NULL, ?, ?, ?, ?)');
  let budgets = 0;
  for (let y = year(start); y <= year(today); y += 1) {
    // Every other year is tight, and some others too.
    const tight = (y - year(start)) % 2 === 1 || rng.chance(0.3);
    for (const type of CONTRIBUTION_TYPES) {
      const want = demand.get(`${y}|${type}`) ?? 0;
      const amount = Math.max(100_000, Math.round((want * (tight ? 0.7 : 1.1)) / 100_000) * 100_000);
      const first = Date.UTC(y, 0, 10) / 86_400_000;
      // A first allocation, then (some years) a change later in the year: the page shows both.
      if (rng.chance(0.3)) {
        budgetRow.run(y, type, Math.round(amount * 0.8 / 100_000) * 100_000, 'Stanziamento iniziale', options.userId, stamp(Math.max(start, first - 20)));
        budgets += 1;
      }
      budgetRow.run(y, type, amount, rng.chance(0.5) ? 'Delibera di giunta' : null, options.userId, stamp(Math.max(start, first)));
      budgets += 1;
      budget.set(`${y}|${type}`, amount);
    }
  }

  const decision = insert(`INSERT INTO contribution_decisions (contribution_id, kind, amount_cents, date, motivation, remaining_cents, override, override_reason, user_id, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const setStatus = insert('UPDATE contributions SET status = ?, approved_cents = ?, decided_at = ?, year = ?, paid_cents = ? WHERE id = ?');
  const contract = insert(`INSERT INTO contribution_contracts (contribution_id, kind, landlord, address, start_date, monthly_rent_cents, duration_months)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const instalment = insert('INSERT INTO contribution_instalments (contribution_id, due_date, amount_cents) VALUES (?, ?, ?)');
  const payment = insert(`INSERT INTO contribution_payments (contribution_id, date, amount_cents, method, receipt_reference, user_id, recorded_at, cancelled_at, cancel_reason, cancelled_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const approved = new Map<string, number>();
  let payments = 0;
  const events = proposals.map((p) => ({ p, decisionDay: p.day + rng.int(2, 40), fate: rng.float() })).sort((a, b) => a.decisionDay - b.decisionDay || a.p.id - b.p.id);
  for (const { p, decisionDay, fate } of events) {
    decision.run(p.id, 'proposed', p.proposed, p.iso, null, null, 0, null, options.userId, stamp(p.day));
    if (decisionDay > today) continue;
    const dIso = isoOf(decisionDay);
    const y = year(decisionDay);
    if (fate < 0.06 || fate > 0.96) {
      const kind = fate < 0.06 ? 'rejected' : 'withdrawn';
      decision.run(p.id, kind, null, dIso, kind === 'rejected' ? 'Requisiti economici non soddisfatti.' : 'Il nucleo ha trovato una soluzione autonoma.', null, 0, null, options.userId, stamp(decisionDay));
      setStatus.run(kind, null, dIso, y, 0, p.id);
      continue;
    }
    const key = `${y}|${p.type}`;
    const remaining = (budget.get(key) ?? 0) - (approved.get(key) ?? 0);
    const amount = rng.chance(0.15) ? Math.round(p.proposed * 0.9) : p.proposed;
    const over = amount > remaining;
    if (over && rng.chance(0.4)) {
      decision.run(p.id, 'rejected', null, dIso, 'Bilancio dell’anno esaurito.', null, 0, null, options.userId, stamp(decisionDay));
      setStatus.run('rejected', null, dIso, y, 0, p.id);
      continue;
    }
    decision.run(p.id, 'approved', amount, dIso, 'Conforme alla tabella dei criteri.', remaining, over ? 1 : 0,
      over ? 'Emergenza abitativa con minori: autorizzato oltre il bilancio residuo.' : null, options.userId, stamp(decisionDay));
    approved.set(key, (approved.get(key) ?? 0) + amount);
    if (rng.chance(0.7)) {
      const rent = rng.int(350, 900) * 100;
      contract.run(p.id, CONTRACT_KIND[p.type], rng.pick(LANDLORDS), `${rng.pick(STREETS)} ${rng.int(1, 180)}, Torino`, isoOf(Math.min(today, decisionDay + rng.int(5, 30))), rent, rng.pick([12, 24, 36, 48]));
    }
    // Instalments: one to three, the last one taking the remainder so the plan adds up to the cent.
    const parts = rng.int(1, 3);
    const share = Math.floor(amount / parts);
    let paid = 0;
    for (let i = 0; i < parts; i += 1) {
      const due = decisionDay + 7 + i * 30;
      const part = i === parts - 1 ? amount - share * (parts - 1) : share;
      instalment.run(p.id, isoOf(due), part);
      const paidDay = due + rng.int(-3, 10);
      if (paidDay > today || paidDay < decisionDay) continue;
      const method = rng.pick(METHODS);
      const receipt = `RIC-${y}-${String(p.id).padStart(5, '0')}-${i + 1}`;
      if (rng.chance(0.03)) {
        // A payment recorded by mistake (wrong amount), cancelled, then recorded again.
        payment.run(p.id, isoOf(paidDay), part + 100, method, receipt, options.userId, stamp(paidDay), stamp(Math.min(today, paidDay + 1)), 'Importo errato, registrato di nuovo.', options.userId);
        payments += 1;
      }
      payment.run(p.id, isoOf(paidDay), part, method, receipt, options.userId, stamp(paidDay), null, null, null);
      payments += 1;
      paid += part;
    }
    setStatus.run('approved', amount, dIso, y, paid, p.id);
  }
  return { contributions: count, payments, budgets };
}
