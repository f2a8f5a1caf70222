import type { RecordSeizureInput } from "../../subgraphs/customs/index.js";
import type { CommodityLineInput } from "../../subgraphs/customs/seizure/seizure.input.js";
import { CommodityArea, PlaceType, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { COMMODITIES, COMMODITY_WEIGHTS_BY_MODE, type CommodityProfile } from "../catalogue/commodities.js";
import { placeTypeFor } from "../catalogue/places.js";
import { Random } from "../random.js";
import { NPS_POSTAL_SHARE, POSTAL_EXPRESS_SHARE, Quota, SpreadPicker } from "../shares.js";

/** Of background postal seizures, the share that are NPS (the rest follow the mode's mix). */
const NPS_SHARE_OF_POSTAL = 1 / 3;
/** Modes other than post where NPS are seized (couriers, passengers, vans). */
const NPS_OTHER_MODES = new Set<TransportMode>([TransportMode.EXPRESS, TransportMode.AIR, TransportMode.PASSENGER, TransportMode.ROAD]);
const SMALL_CONSIGNMENTS = new Set<TransportMode>([TransportMode.POSTAL, TransportMode.EXPRESS, TransportMode.PASSENGER]);

export const profileOf = (code: string): CommodityProfile | undefined => COMMODITIES.find((c) => c.code === code);

function quantityOf(rng: Random, profile: CommodityProfile, small: boolean): number {
  const [min, max] = small ? profile.small : profile.bulk;
  const decimals = profile.unit === "KG" || profile.unit === "L" ? 2 : profile.unit === "G" ? 1 : 0;
  const value = rng.float(min, max, decimals);
  return profile.code === "CASH" ? Math.round(value / 50) * 50 : value;
}

function commodityLine(rng: Random, profile: CommodityProfile, mode: TransportMode): CommodityLineInput {
  const [description, hsCode] = rng.pick(profile.lines);
  const unit = profile.code === "CASH" && description.startsWith("US dollar") ? "USD" : profile.unit;
  return { area: profile.area, code: profile.code, hsCode, description, quantity: quantityOf(rng, profile, SMALL_CONSIGNMENTS.has(mode)), unit };
}

/**
 * Decides each background seizure's transport mode and goods, in index order, so that the
 * whole data set (planted seizures included) holds the WCO shares and covers every mode,
 * place type and ITR area whatever the seed.
 */
export class SeizureMix {
  private readonly allowed: ReadonlySet<string>;
  private readonly total: number;
  private readonly postalExpress: Quota;
  private readonly postalOrExpress: SpreadPicker<TransportMode>;
  private readonly otherModes: SpreadPicker<TransportMode>;
  private readonly npsPostal = new Quota(NPS_SHARE_OF_POSTAL);
  private readonly plantedNpsPostal: number;
  private npsOther: number;
  private postal = 0;
  private roadRail = 0;
  private readonly areasToCover: CommodityArea[];

  constructor(seed: number, allowed: readonly string[], planted: readonly RecordSeizureInput[]) {
    this.allowed = new Set(allowed);
    const nps = planted.filter((s) => s.commodities.some((line) => line.code === "NPS"));
    this.total = planted.length;
    this.postalExpress = new Quota(POSTAL_EXPRESS_SHARE, planted.filter((s) => s.transportMode === TransportMode.POSTAL || s.transportMode === TransportMode.EXPRESS).length);
    this.plantedNpsPostal = nps.filter((s) => s.transportMode === TransportMode.POSTAL).length;
    this.npsOther = nps.length - this.plantedNpsPostal;
    const spread = Random.derive(seed, "seizure-spread");
    this.postalOrExpress = new SpreadPicker([[TransportMode.POSTAL, 0.67], [TransportMode.EXPRESS, 0.33]], spread.next());
    this.otherModes = new SpreadPicker([[TransportMode.PASSENGER, 0.29], [TransportMode.AIR, 0.18], [TransportMode.SEA, 0.2], [TransportMode.ROAD, 0.25], [TransportMode.RAIL, 0.08]], spread.next());
    this.areasToCover = Object.values(CommodityArea).filter((area) => COMMODITIES.some((c) => c.area === area && this.allowed.has(c.code)));
  }

  /** Mode and place type of background seizure i (call in index order). */
  mode(rng: Random, i: number): { mode: TransportMode; placeType: PlaceType; postalIndex: number | null } {
    const mode = this.postalExpress.take(this.total + i + 1) ? this.postalOrExpress.next() : this.otherModes.next();
    // Road and rail: the first is stopped at the border, the second inland, then mostly at the border.
    let inland = false;
    if (mode === TransportMode.ROAD || mode === TransportMode.RAIL) {
      const n = this.roadRail++;
      inland = n === 1 || (n > 1 && rng.chance(0.3));
    }
    return { mode, placeType: placeTypeFor(mode, inland), postalIndex: mode === TransportMode.POSTAL ? this.postal++ : null };
  }

  /** The goods seized (call once per seizure, after `mode`). */
  goods(rng: Random, mode: TransportMode): { profile: CommodityProfile; lines: CommodityLineInput[] } {
    // NPS: a fixed share of postal seizures, and just enough elsewhere to hold the postal share.
    let nps = false;
    if (this.allowed.has("NPS")) {
      if (mode === TransportMode.POSTAL) nps = this.npsPostal.take(this.postal);
      else {
        const postalNps = this.plantedNpsPostal + this.npsPostal.count;
        nps = NPS_OTHER_MODES.has(mode) && this.npsOther < Math.round((postalNps * (1 - NPS_POSTAL_SHARE)) / NPS_POSTAL_SHARE);
        if (nps) this.npsOther += 1;
      }
    }
    const weights = COMMODITY_WEIGHTS_BY_MODE[mode].filter(([code]) => this.allowed.has(code) && code !== "NPS");
    let profile: CommodityProfile | undefined;
    if (nps) profile = profileOf("NPS");
    else if (this.areasToCover.length > 0) {
      // The first non-NPS seizures cover every ITR area once, preferring the mode's usual goods.
      const area = this.areasToCover.shift() as CommodityArea;
      const usual = weights.filter(([code]) => profileOf(code)?.area === area);
      profile = usual.length > 0 ? profileOf(rng.weighted(usual)) : rng.pick(COMMODITIES.filter((c) => c.area === area && this.allowed.has(c.code)));
    } else if (weights.length > 0) profile = profileOf(rng.weighted(weights));
    if (profile === undefined) throw new Error("demo: the configured commodity codes leave nothing to seize");

    const lines = [commodityLine(rng, profile, mode)];
    const nitazenes = profileOf("NITAZENES");
    if (nps && nitazenes && this.allowed.has(nitazenes.code) && rng.chance(0.2)) lines.push(commodityLine(rng, nitazenes, mode));
    else if (!nps && weights.length > 1 && rng.chance(0.12)) {
      const other = profileOf(rng.weighted(weights.filter(([code]) => code !== profile.code)));
      if (other) lines.push(commodityLine(rng, other, mode));
    }
    return { profile, lines };
  }
}
