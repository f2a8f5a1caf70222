import { registerEnumType } from "type-graphql";

export enum CaseStatus {
  OPEN = "OPEN",
  UNDER_INVESTIGATION = "UNDER_INVESTIGATION",
  REFERRED_TO_PROSECUTION = "REFERRED_TO_PROSECUTION",
  CLOSED = "CLOSED",
}

/** The part a person plays in a case (LEXS/NIEM justice roles, reduced). */
export enum CasePartyRole {
  SUSPECT = "SUSPECT",
  VICTIM = "VICTIM",
  WITNESS = "WITNESS",
  ASSOCIATE = "ASSOCIATE",
  INFORMANT = "INFORMANT",
}

/** Categories of data subject the EU Law Enforcement Directive (2016/680) Art. 6 tells apart. */
export enum DataSubjectCategory {
  SUSPECT = "SUSPECT",
  CONVICTED = "CONVICTED",
  VICTIM = "VICTIM",
  OTHER = "OTHER",
}

export enum CaseEventType {
  ARREST = "ARREST",
  SEARCH = "SEARCH",
  INTERCEPT = "INTERCEPT",
  SURVEILLANCE = "SURVEILLANCE",
  INTERVIEW = "INTERVIEW",
  SEIZURE = "SEIZURE",
  REPORT = "REPORT",
  CONTACT = "CONTACT",
}

/** The Art. 6 category a party gets when the officer does not state one. */
export function defaultSubjectCategory(role: CasePartyRole): DataSubjectCategory {
  switch (role) {
    case CasePartyRole.SUSPECT:
      return DataSubjectCategory.SUSPECT;
    case CasePartyRole.VICTIM:
      return DataSubjectCategory.VICTIM;
    default:
      return DataSubjectCategory.OTHER;
  }
}

registerEnumType(CaseStatus, { name: "CaseStatus" });
registerEnumType(CasePartyRole, { name: "CasePartyRole", description: "The part a person plays in a police case" });
registerEnumType(DataSubjectCategory, {
  name: "DataSubjectCategory",
  description: "Data subject category under the EU Law Enforcement Directive (2016/680) Art. 6",
  valuesConfig: {
    SUSPECT: { description: "(a) serious grounds to believe the person committed or is about to commit an offence" },
    CONVICTED: { description: "(b) convicted of an offence" },
    VICTIM: { description: "(c) victim, or facts give reason to believe a likely victim" },
    OTHER: { description: "(d) other parties: witnesses, informants, contacts and associates" },
  },
});
registerEnumType(CaseEventType, { name: "CaseEventType" });
