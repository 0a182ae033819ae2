// Example guests and their households: who they are (names from their origin, age, gender, permit,
// fiscal code, vulnerabilities) and what a referral for them asks for.
import type { Gender } from '../../shared/domain';
import { fiscalCode, permitNumber, provisionalFiscalCode } from './identity';
import { ITALIAN_BIRTH_PLACES, NON_BINARY_NAMES, ORIGINS, type Origin } from './names';
import { ageOn, isoOf, type Rng } from './random';

export type HouseholdKind = 'woman_alone' | 'mother_children' | 'couple' | 'couple_children' | 'man_alone' | 'lgbt_single' | 'woman_with_relative';
export type MemberRelationship = 'head' | 'partner' | 'child' | 'parent' | 'sibling';

export interface SimPerson {
  id: number;
  code: string;
  givenNames: string;
  familyNames: string;
  displayName: string;
  gender: Gender;
  birthDate: string | null;
  birthYear: number;
  nationality: string;
  languages: string[];
  permitType: string | null;
  permitNumber: string | null;
  permitExpiry: string | null;
  fiscalCode: string | null;
  referralSource: string;
  vulnerabilities: string[];
  restricted: boolean;
  createdAt: string;
  /** Set at the first admission. */
  consentDay: number | null;
}

export interface SimHousehold {
  /** Null for a person alone: households are recorded only for families. */
  id: number | null;
  kind: HouseholdKind;
  members: { person: SimPerson; relationship: MemberRelationship }[];
  /** First day the household may be referred again (Infinity while any member is hosted). */
  availableFrom: number;
}

export interface Needs {
  people: number;
  childrenAges: number[];
  womenOnly: boolean;
  accessibility: boolean;
  lgbtSafe: boolean;
  language: string | null;
}

const KINDS: [HouseholdKind, number][] = [
  ['woman_alone', 30], ['mother_children', 30], ['couple', 6], ['couple_children', 5], ['man_alone', 14], ['lgbt_single', 9], ['woman_with_relative', 3],
];
const PERMITS: [string, number][] = [
  ['asylum', 20], ['subsidiary_protection', 12], ['special_protection', 12], ['asylum_request', 15], ['humanitarian', 3],
  ['family', 10], ['work', 10], ['eu_long_term', 6], ['study', 2], ['other', 2],
];
const SOURCES_BY_KIND: Record<HouseholdKind, [string, number][]> = {
  woman_alone: [['anti_violence_centre', 4], ['social_services', 4], ['municipal_office', 2], ['reception_system', 2], ['police', 1], ['health_service', 1], ['association', 1]],
  mother_children: [['social_services', 5], ['anti_violence_centre', 4], ['municipal_office', 2], ['health_service', 1], ['police', 1]],
  couple: [['reception_system', 3], ['social_services', 3], ['municipal_office', 2], ['association', 1]],
  couple_children: [['social_services', 4], ['reception_system', 3], ['municipal_office', 2]],
  man_alone: [['reception_system', 4], ['municipal_office', 3], ['social_services', 2], ['association', 2], ['self', 1]],
  lgbt_single: [['association', 4], ['social_services', 2], ['reception_system', 2], ['self', 1], ['health_service', 1]],
  woman_with_relative: [['social_services', 3], ['municipal_office', 2], ['other', 1]],
};

export class People {
  readonly persons: SimPerson[] = [];
  readonly households: SimHousehold[] = [];
  private householdIds = 0;
  private readonly codesPerYear = new Map<number, number>();
  private readonly fiscalCodes = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A new household referred on `day`, with its members registered that day. */
  create(day: number, hour: number): SimHousehold {
    const rng = this.rng;
    const kind = rng.weighted(KINDS);
    const origin = rng.weighted(ORIGINS.map((o) => [o, o.weight] as const));
    const source = rng.weighted(SOURCES_BY_KIND[kind]);
    const at = `${isoOf(day)}T${String(hour).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`;
    const make = (gender: Gender, age: [number, number], relationship: MemberRelationship, family?: string) =>
      ({ person: this.person(day, at, origin, gender, age, source, relationship === 'child', family), relationship });
    const members: SimHousehold['members'] = [];
    if (kind === 'woman_alone') members.push(make('female', [18, 55], 'head'));
    else if (kind === 'man_alone') members.push(make('male', [18, 50], 'head'));
    else if (kind === 'lgbt_single') members.push(make(rng.weighted([['female', 3], ['male', 4], ['nonbinary', 2]]), [18, 40], 'head'));
    else if (kind === 'woman_with_relative') {
      members.push(make('female', [22, 45], 'head'));
      members.push(rng.chance(0.6) ? make('female', [61, 78], 'parent') : make('female', [18, 40], 'sibling'));
    } else {
      const mother = make('female', [20, 44], 'head');
      members.push(mother);
      if (kind === 'couple' || kind === 'couple_children') {
        const partner = make('male', [22, 50], 'partner', mother.person.familyNames);
        // The man is often recorded first by the referring service.
        if (rng.chance(0.4)) {
          mother.relationship = 'partner';
          partner.relationship = 'head';
          members.unshift(partner);
        } else members.push(partner);
      }
      if (kind !== 'couple') {
        const motherAge = ageOf(mother.person, day);
        const count = rng.weighted([[1, 5], [2, 3], [3, 2]]);
        for (let i = 0; i < count; i += 1)
          members.push(make(rng.chance(0.5) ? 'female' : 'male', [0, Math.min(15, Math.max(0, motherAge - 18))], 'child', mother.person.familyNames));
      }
    }
    this.vulnerabilities(kind, members, origin, day);
    const head = members.find((m) => m.relationship === 'head')!.person;
    if ((head.vulnerabilities.includes('violence_survivor') || head.vulnerabilities.includes('trafficking')) && rng.chance(0.12))
      for (const m of members) m.person.restricted = true;
    const household: SimHousehold = { id: members.length > 1 ? (this.householdIds += 1) : null, kind, members, availableFrom: Infinity };
    this.households.push(household);
    return household;
  }

  /** What a referral for this household asks for on `day` (ages and genders as they are then). */
  needs(household: SimHousehold, day: number): Needs {
    const rng = this.rng;
    const people = household.members.map((m) => m.person);
    const adultMale = people.some((p) => p.gender !== 'female' && ageOf(p, day) >= 18);
    const atRisk = people.some((p) => p.vulnerabilities.includes('violence_survivor') || p.vulnerabilities.includes('trafficking'));
    const lead = household.members[0]!.person;
    return {
      people: people.length,
      childrenAges: people.map((p) => ageOf(p, day)).filter((a) => a < 18).sort((a, b) => b - a),
      womenOnly: !adultMale && rng.chance(atRisk ? 0.7 : 0.15),
      accessibility: people.some((p) => p.vulnerabilities.includes('disability')) && rng.chance(0.6),
      lgbtSafe: household.kind === 'lgbt_single' && rng.chance(0.8),
      language: lead.languages[0] !== 'it' && rng.chance(0.4) ? lead.languages[0]! : null,
    };
  }

  private person(day: number, at: string, origin: Origin, gender: Gender, [minAge, maxAge]: [number, number], source: string, child: boolean, family?: string): SimPerson {
    const rng = this.rng;
    const today = isoOf(day);
    const age = minAge + Math.floor(Math.pow(rng.float(), 1.4) * (maxAge - minAge + 1));
    let birthDate: string | null = isoOf(day - Math.floor(age * 365.25) - rng.int(0, 360));
    const birthYear = Number(birthDate.slice(0, 4));
    // Some adults only know their year of birth (an estimate); children's dates are always recorded.
    if (!child && origin.country !== 'IT' && age >= 22 && rng.chance(0.08)) birthDate = null;
    const givenNames = gender === 'nonbinary' && rng.chance(0.5) ? rng.pick(NON_BINARY_NAMES) : rng.pick(gender === 'male' ? origin.male : origin.female);
    const familyNames = family && rng.chance(0.85) ? family : rng.pick(origin.family);
    const displayName = rng.chance(0.12) ? `${givenNames} ${familyNames.charAt(0)}.` : `${givenNames} ${familyNames}`;
    const languages = [...origin.languages.slice(0, rng.int(1, Math.min(2, origin.languages.length)))];
    if (!languages.includes('it') && (child || rng.chance(0.4))) languages.push('it');
    const permitType = origin.eu ? null : child ? rng.pick(['family', 'minor_age']) : rng.chance(0.9) ? rng.weighted(PERMITS) : null;
    // Some permits are short (a renewal receipt, a request still being examined): they fall due during the stay.
    const validity = permitType === 'asylum_request' || rng.chance(0.15) ? rng.int(20, 240) : rng.int(-90, 900);
    const expiry = permitType === null || permitType === 'eu_long_term' ? null : day + validity;
    const yearOfCode = Number(today.slice(0, 4));
    const n = (this.codesPerYear.get(yearOfCode) ?? 0) + 1;
    this.codesPerYear.set(yearOfCode, n);
    const p: SimPerson = {
      id: this.persons.length + 1,
      code: `AP-${yearOfCode}-${String(n).padStart(4, '0')}`,
      givenNames, familyNames, displayName, gender, birthDate,
      birthYear,
      nationality: origin.country,
      languages,
      permitType,
      permitNumber: permitType && rng.chance(0.85) ? permitNumber(rng) : null,
      permitExpiry: expiry === null ? null : isoOf(expiry),
      fiscalCode: null,
      referralSource: source,
      vulnerabilities: [],
      restricted: false,
      createdAt: at,
      consentDay: null,
    };
    p.fiscalCode = this.fiscalCodeFor(p, origin);
    this.persons.push(p);
    return p;
  }

  private fiscalCodeFor(p: SimPerson, origin: Origin): string | null {
    const rng = this.rng;
    let code: string | null = null;
    if (p.permitType === 'asylum_request') code = rng.chance(0.5) ? provisionalFiscalCode(rng) : null;
    else if (p.birthDate && (origin.country === 'IT' || rng.chance(0.45))) {
      const birthPlace = origin.country === 'IT' ? rng.pick(ITALIAN_BIRTH_PLACES) : origin.birthPlace;
      code = fiscalCode({ given: p.givenNames, family: p.familyNames, birthDate: p.birthDate, female: p.gender === 'female', birthPlace });
    }
    // Two guests never share a code: a clash (same names and birth date) leaves the second without one.
    if (code === null || this.fiscalCodes.has(code)) return null;
    this.fiscalCodes.add(code);
    return code;
  }

  private vulnerabilities(kind: HouseholdKind, members: SimHousehold['members'], origin: Origin, day: number) {
    const rng = this.rng;
    for (const { person: p, relationship } of members) {
      const v = new Set<string>();
      const add = (flag: string, p2: number) => {
        if (rng.chance(p2)) v.add(flag);
      };
      const age = ageOf(p, day);
      if (relationship === 'child') add('disability', 0.03);
      else {
        if (kind === 'mother_children' && relationship === 'head') add('single_parent', 0.9);
        if (p.gender === 'female' && kind !== 'woman_with_relative') {
          add('violence_survivor', kind === 'mother_children' || kind === 'woman_alone' ? 0.45 : 0.15);
          add('trafficking', origin.country === 'NG' && kind === 'woman_alone' ? 0.5 : 0.04);
          if (age < 42) add('pregnancy', 0.06);
        }
        if (kind === 'lgbt_single') add('lgbt', 1);
        if (kind === 'man_alone') add('torture_survivor', 0.1);
        add('mental_health', 0.08);
        add('chronic_illness', 0.07);
        add('disability', 0.04);
        if (age >= 61) add('elderly', 1);
      }
      p.vulnerabilities = [...v];
      if (p.vulnerabilities.includes('trafficking') && p.permitType && rng.chance(0.6)) p.permitType = 'victim_of_trafficking';
      else if (p.vulnerabilities.includes('violence_survivor') && p.permitType && rng.chance(0.3)) p.permitType = 'domestic_violence';
    }
  }
}

/** Age on `day`, as the register's rules compute it (an estimated year counts as year − birth year). */
export function ageOf(p: Pick<SimPerson, 'birthDate' | 'birthYear'>, day: number): number {
  if (p.birthDate) return ageOn(p.birthDate, day);
  return Number(isoOf(day).slice(0, 4)) - p.birthYear;
}
