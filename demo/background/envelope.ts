import { Handling, SourceGrade } from "../../schema/enums.js";
import { Cycler } from "../coverage.js";
import type { Random } from "../random.js";

export interface Envelope {
  handling: Handling;
  operationId: string | null;
  sourceGrade: SourceGrade;
  infoGrade: number;
}

/** Admiralty credibility that goes with a source grade: reliable sources mostly report confirmed facts. */
const INFO_BY_SOURCE: Readonly<Record<SourceGrade, readonly [number, number]>> = {
  [SourceGrade.A]: [1, 2],
  [SourceGrade.B]: [1, 3],
  [SourceGrade.C]: [2, 4],
  [SourceGrade.D]: [3, 5],
  [SourceGrade.E]: [4, 6],
  [SourceGrade.F]: [6, 6],
};

/**
 * Handling envelopes of one agency's background records. The first records cycle through the
 * agency's values, so each value occurs whatever the seed; later ones follow the weights.
 */
export class EnvelopeMaker {
  private readonly handling: Cycler<Handling>;
  private readonly source: Cycler<SourceGrade>;

  constructor(
    handling: ReadonlyArray<readonly [Handling, number]>,
    source: ReadonlyArray<readonly [SourceGrade, number]>,
    private readonly operationShare = 0.15,
  ) {
    this.handling = new Cycler(handling.map(([h]) => h), handling);
    this.source = new Cycler(source.map(([s]) => s), source);
  }

  /** `operations`: joint operations the record could belong to (restricted records only). */
  next(rng: Random, operations: readonly string[] = []): Envelope {
    const handling = this.handling.next(rng);
    const sourceGrade = this.source.next(rng);
    const [low, high] = INFO_BY_SOURCE[sourceGrade];
    const restricted = handling !== Handling.CLEAR && handling !== Handling.GREEN;
    const joint = restricted && operations.length > 0 && rng.chance(this.operationShare);
    return { handling, operationId: joint ? rng.pick(operations) : null, sourceGrade, infoGrade: rng.int(low, high) };
  }
}

/** Customs shares most seizure data (CEN is non-nominal); every TLP marking and grade occurs. */
export const customsEnvelopes = () =>
  new EnvelopeMaker(
    [[Handling.GREEN, 40], [Handling.AMBER, 38], [Handling.CLEAR, 5], [Handling.AMBER_STRICT, 11], [Handling.RED, 6]],
    [[SourceGrade.A, 30], [SourceGrade.B, 35], [SourceGrade.C, 18], [SourceGrade.D, 7], [SourceGrade.E, 3], [SourceGrade.F, 7]],
  );

/** Police intelligence is mostly AMBER or stricter; informant-based grades vary more. */
export const policeEnvelopes = () =>
  new EnvelopeMaker(
    [[Handling.AMBER, 50], [Handling.AMBER_STRICT, 25], [Handling.RED, 10], [Handling.GREEN, 15]],
    [[SourceGrade.B, 40], [SourceGrade.A, 15], [SourceGrade.C, 25], [SourceGrade.D, 10], [SourceGrade.E, 4], [SourceGrade.F, 6]],
    0.2,
  );

/** FIU reports are confidential by law (AMLD Art. 34): never GREEN or CLEAR. */
export const fiuEnvelopes = () =>
  new EnvelopeMaker(
    [[Handling.AMBER_STRICT, 50], [Handling.RED, 25], [Handling.AMBER, 25]],
    [[SourceGrade.B, 55], [SourceGrade.A, 25], [SourceGrade.C, 15], [SourceGrade.F, 5]],
    0,
  );

/** Postal electronic advance data is operator data: reliable, shared within the community. */
export const postalEnvelopes = () =>
  new EnvelopeMaker([[Handling.GREEN, 70], [Handling.AMBER, 30]], [[SourceGrade.A, 70], [SourceGrade.B, 30]], 0);
