// People found at an outlet: identity (name, id, phone …), post and political status.
import { expectedCheckChar, makeCitizenId } from '../../shared/domain/citizenId.js';
import type { ChannelType } from '../../shared/domain/enums.js';
import { PROVINCE_REGIONS } from './geography.js';
import { OUT_OF_PROVINCE_REGIONS, personName } from './names.js';
import { addYears, randomDay, type Rng } from './prng.js';

export interface PersonDraft {
  id: string;
  name: string;
  gender: 'male' | 'female';
  ethnicity: string;
  birth_date: string;
  citizen_id: string | null;
  phone: string;
  education: string;
  post: string;
  employment: string;
  political_status: string;
  consent_on: string | null;
}

/** Mean staff per outlet (everyone found there); 1 + Poisson(mean − 1). */
export const STAFF_MEAN: Record<ChannelType, number> = {
  own_store: 8, flagship: 15, gov_ent: 20, social_partner: 4.5, rural: 3.5, micro_store: 2.5, community_station: 4,
  install_maint: 10, outdoor: 4,
};

const MALE_SHARE: Record<ChannelType, number> = {
  own_store: 0.35, flagship: 0.35, gov_ent: 0.55, social_partner: 0.55, rural: 0.6, micro_store: 0.5, community_station: 0.35,
  install_maint: 0.92, outdoor: 0.6,
};

type Edu = readonly (readonly [string, number])[];
const EDU_COMPANY: Edu = [['master', 0.08], ['bachelor', 0.5], ['college', 0.35], ['senior', 0.07]];
const EDU_INSTALL: Edu = [['bachelor', 0.05], ['college', 0.35], ['senior', 0.45], ['junior', 0.15]];
const EDU_PARTNER: Edu = [['bachelor', 0.08], ['college', 0.26], ['senior', 0.42], ['junior', 0.22], ['primary', 0.02]];
const EDU_RURAL: Edu = [['bachelor', 0.04], ['college', 0.17], ['senior', 0.38], ['junior', 0.35], ['primary', 0.06]];
const EDU_ORDER = ['primary', 'junior', 'senior', 'college', 'bachelor', 'master', 'doctor'];

function educationFor(type: ChannelType): Edu {
  if (type === 'own_store' || type === 'flagship' || type === 'gov_ent') return EDU_COMPANY;
  if (type === 'install_maint' || type === 'outdoor') return EDU_INSTALL;
  if (type === 'rural') return EDU_RURAL;
  return EDU_PARTNER;
}

const ETHNICITY: readonly (readonly [string, number])[] = [
  ['汉族', 0.985], ['回族', 0.009], ['满族', 0.002], ['蒙古族', 0.001], ['土家族', 0.001], ['藏族', 0.001], ['苗族', 0.001],
];

const PHONE_TELECOM = ['133', '153', '180', '181', '189'];
const PHONE_OTHER = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '182', '183', '185', '186', '187', '188'];

/** Post and employment of the i-th person at an outlet (index 0 runs it). */
export function postFor(rng: Rng, type: ChannelType, i: number): { post: string; employment: string } {
  switch (type) {
    case 'own_store':
    case 'flagship':
      if (i === 0) return { post: 'store_manager', employment: 'employee' };
      return { post: i === 1 && rng.chance(0.5) ? 'account_manager' : 'clerk', employment: rng.chance(0.55) ? 'employee' : 'dispatched' };
    case 'gov_ent':
      return { post: i === 0 ? 'channel_manager' : 'account_manager', employment: i === 0 || rng.chance(0.85) ? 'employee' : 'dispatched' };
    case 'install_maint':
      return { post: i === 0 ? 'grid_leader' : 'installer', employment: i === 0 ? 'employee' : rng.chance(0.3) ? 'employee' : 'dispatched' };
    case 'outdoor':
      return { post: i === 0 ? 'channel_manager' : 'clerk', employment: i === 0 ? 'employee' : 'dispatched' };
    default:
      return i === 0 ? { post: 'owner', employment: 'owner' } : { post: 'clerk', employment: 'partner_staff' };
  }
}

export type MemberKind = 'full' | 'probationary' | null;

export class PersonFactory {
  private readonly citizenIds = new Set<string>();
  private readonly phones = new Set<string>();
  constructor(private readonly today: string) {}

  phone(rng: Rng): string {
    for (;;) {
      const prefix = rng.chance(0.6) ? rng.pick(PHONE_TELECOM) : rng.pick(PHONE_OTHER);
      const p = prefix + String(rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }

  citizenId(rng: Rng, ownRegion: string, birth: string, male: boolean): string {
    for (;;) {
      const r = rng.next();
      const region = r < 0.72 ? ownRegion : r < 0.92 ? rng.pick(PROVINCE_REGIONS) : rng.pick(OUT_OF_PROVINCE_REGIONS);
      const id = makeCitizenId(region, birth, rng.int(0, 999), male);
      if (!this.citizenIds.has(id)) {
        this.citizenIds.add(id);
        return id;
      }
    }
  }

  birthDate(rng: Rng, member: MemberKind): string {
    const [mean, sd, lo, hi] = member === 'probationary' ? [1996, 3, 1985, 2002] : member ? [1982, 9, 1960, 2000] : [1989, 8, 1960, 2002];
    const year = Math.min(hi, Math.max(lo, Math.round(mean + sd * rng.normal())));
    return randomDay(rng, `${year}-01-01`, `${year}-12-31`);
  }

  make(rng: Rng, id: string, type: ChannelType, index: number, region: string, member: MemberKind): PersonDraft {
    const male = rng.chance(MALE_SHARE[type]);
    const birth = this.birthDate(rng, member);
    const year = Number(birth.slice(0, 4));
    const { post, employment } = postFor(rng, type, index);
    let education = rng.weighted(educationFor(type));
    if (member && rng.chance(0.5)) education = EDU_ORDER[Math.min(EDU_ORDER.indexOf(education) + 1, 5)]!;
    let status: string = member === 'full' ? 'full_member' : member === 'probationary' ? 'probationary' : 'masses';
    if (!member) {
      const r = rng.next();
      if (year >= 1998 && r < 0.45) status = 'youth_league';
      else if (r > 0.998) status = 'other_party';
      else if (r > 0.997) status = 'independent';
    }
    const partner = employment === 'partner_staff' || employment === 'owner';
    return {
      id,
      name: personName(rng, male, year),
      gender: male ? 'male' : 'female',
      ethnicity: rng.weighted(ETHNICITY),
      birth_date: birth,
      citizen_id: this.citizenId(rng, region, birth, male),
      phone: this.phone(rng),
      education,
      post,
      employment,
      political_status: status,
      // Partner staff are not employees: their record needs a consent (a few are missing).
      consent_on: partner && rng.chance(0.95) ? randomDay(rng, addYears(this.today, -2), this.today) : null,
    };
  }
}

/** Replaces the check character by a wrong one (the injected data-quality defect). */
export function breakCheckDigit(rng: Rng, id: string): string {
  const right = expectedCheckChar(id.slice(0, 17));
  const wrong = rng.pick([...'0123456789X'].filter((c) => c !== right));
  return id.slice(0, 17) + wrong;
}
