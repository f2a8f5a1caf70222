/**
 * Handling codes whose records may count in a hit/no-hit answer. A hit tells another agency
 * that something exists: TLP RED ("no further disclosure") and AMBER+STRICT ("organisation
 * only") forbid even that, so such records never make a hit.
 */
export const HIT_HANDLINGS: ReadonlySet<string> = new Set(["CLEAR", "GREEN", "AMBER"]);

export const disclosableInHit = (record: { handling: string }): boolean => HIT_HANDLINGS.has(record.handling);
