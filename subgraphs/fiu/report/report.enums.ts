import { registerEnumType } from "type-graphql";

/** goAML distinguishes a natural person (t_person) from a legal entity (t_entity). */
export enum FiuPartyKind {
  PERSON = "PERSON",
  COMPANY = "COMPANY",
}

registerEnumType(FiuPartyKind, { name: "FiuPartyKind", description: "Whether a report party is a person or a company" });
