// Result shapes of the pairing operations.
import type { CadencePeriod, CadenceUnit, PairingRatio } from './rules.js';

export interface PairingRow {
  id: string;
  orgId: string;
  orgName: string | null;
  title: string;
  ratio: PairingRatio;
  partners: { orgId: string | null; name: string }[];
  cadenceUnit: CadenceUnit;
  cadenceMin: number;
  signedOn: string;
  startsOn: string;
  endsOn: string | null;
  terms: string;
  meetings: number;
  kept: boolean;
  missed: string[];
}

export interface PairingDetail extends PairingRow {
  periods: CadencePeriod[];
  linked: { activityId: string; title: string; heldOn: string; present: number }[];
  /** Joint meetings of the lead organisation not yet linked to this agreement. */
  candidates: { activityId: string; title: string; heldOn: string }[];
}
