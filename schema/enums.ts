import { registerEnumType } from "type-graphql";

/** Agencies that take part in the hub; HUB is the hub's own staff (administrators, auditors). */
export enum Agency { CUSTOMS = "CUSTOMS", POLICE = "POLICE", FIU = "FIU", POSTAL = "POSTAL", HUB = "HUB" }

/** Traffic Light Protocol 2.0 (FIRST). AMBER+STRICT is spelled AMBER_STRICT in GraphQL. */
export enum Handling { CLEAR = "CLEAR", GREEN = "GREEN", AMBER = "AMBER", AMBER_STRICT = "AMBER_STRICT", RED = "RED" }

/** Admiralty code: source reliability A (completely reliable) .. F (cannot be judged). */
export enum SourceGrade { A = "A", B = "B", C = "C", D = "D", E = "E", F = "F" }

registerEnumType(Agency, { name: "Agency", description: "Agency that owns a record or a subject" });
registerEnumType(Handling, { name: "Handling", description: "Traffic Light Protocol 2.0 marking" });
registerEnumType(SourceGrade, { name: "SourceGrade", description: "Admiralty source reliability A-F" });

export const AGENCIES = Object.values(Agency);
export const HANDLINGS = Object.values(Handling);
