import { IdentifierError, identifierValue, normaliseCompany, normaliseContainer, normaliseEmail, normaliseIban, normalisePhone, normaliseS10, normaliseTravelDocument, normaliseVehicle, type IdentifierKind } from "../../../schema/identifiers/index.js";
import { badInput } from "../../../schema/errors.js";
import type { IdentifierInput } from "./link-graph.type.js";

/** A normalised identifier: kind plus its stored single-string value. */
export interface Ident {
  readonly kind: IdentifierKind;
  readonly value: string;
}

/** `phone:+447700900201`, `travel_document:GB:925140201`. */
export const identNodeId = (ident: Ident): string => `${ident.kind.toLowerCase()}:${ident.value}`;

const COMPOSITE = /^\s*([A-Za-z]{2,3})\s*(?:[:/]\s*|\s+)(\S.*)$/;

function parts(kind: IdentifierKind, raw: string, region: string): string[] {
  switch (kind) {
    case "PHONE":
      return [normalisePhone(raw, region)];
    case "EMAIL":
      return [normaliseEmail(raw)];
    case "IBAN":
      return [normaliseIban(raw)];
    case "POSTAL_ITEM":
      return [normaliseS10(raw)];
    case "CONTAINER":
      return [normaliseContainer(raw)];
    default: {
      const match = COMPOSITE.exec(raw);
      if (!match) throw new IdentifierError(kind, raw, "expected the issuing country, then the number (e.g. GB:925140201)");
      const [, country = "", rest = ""] = match;
      if (kind === "TRAVEL_DOCUMENT") {
        const doc = normaliseTravelDocument(country, rest);
        return [doc.country, doc.number];
      }
      if (kind === "VEHICLE") {
        const vehicle = normaliseVehicle(country, rest);
        return [vehicle.country, vehicle.plate];
      }
      const company = normaliseCompany(country, rest);
      return [company.country, company.registrationNumber];
    }
  }
}

/** Normalises one input identifier like the look-ups do; BAD_USER_INPUT naming the argument otherwise. */
export function normaliseSeed(input: IdentifierInput, field: string, region: string): Ident {
  const kind = input.kind as IdentifierKind;
  try {
    return { kind, value: identifierValue(kind, parts(kind, input.value, region)) };
  } catch (error) {
    if (error instanceof IdentifierError) throw badInput(`${field} (${kind}): ${error.reason}`, { field, identifierKind: kind });
    throw error;
  }
}
