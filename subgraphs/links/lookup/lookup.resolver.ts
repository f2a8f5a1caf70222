import { Arg, Ctx, Query, Resolver } from "type-graphql";
import {
  normaliseCompany,
  normaliseContainer,
  normaliseEmail,
  normaliseIban,
  normalisePhone,
  normaliseS10,
  normaliseTravelDocument,
  normaliseVehicle,
} from "../../../schema/identifiers/index.js";
import { normaliseOne } from "../../../platform/records/index.js";
import { entityKeyOf } from "../../../schema/entities/index.js";
import type { SubgraphContext } from "../../../platform/subgraph/index.js";
import { identifierEntities as E } from "../entities.js";

/*
 * Root look-ups of the shared identifier entities (contract). Each normalises its argument
 * (any common notation) to the one key every agency subgraph uses, or answers BAD_USER_INPUT
 * naming the problem. The gateway then collects each agency's records on that key.
 */
@Resolver()
export class LookupResolver {
  @Query(() => E.Phone, { nullable: true, description: "A phone number in any common notation; national numbers use `region` or the hub's default region" })
  phone(@Arg("e164", () => String) e164: string, @Ctx() ctx: SubgraphContext, @Arg("region", () => String, { nullable: true }) region?: string | null) {
    const ref = normaliseOne("PHONE", "e164", () => [normalisePhone(e164, region ?? ctx.config.defaultPhoneRegion)]);
    return entityKeyOf("PHONE", ref.value);
  }

  @Query(() => E.Email, { nullable: true })
  email(@Arg("address", () => String) address: string) {
    return entityKeyOf("EMAIL", normaliseOne("EMAIL", "address", () => [normaliseEmail(address)]).value);
  }

  @Query(() => E.BankAccount, { nullable: true, description: "A bank account by IBAN, spaces and case ignored; the checksum must be valid" })
  bankAccount(@Arg("iban", () => String) iban: string) {
    return entityKeyOf("IBAN", normaliseOne("IBAN", "iban", () => [normaliseIban(iban)]).value);
  }

  @Query(() => E.TravelDocument, { nullable: true })
  travelDocument(@Arg("country", () => String) country: string, @Arg("number", () => String) number: string) {
    const ref = normaliseOne("TRAVEL_DOCUMENT", "travelDocument", () => {
      const doc = normaliseTravelDocument(country, number);
      return [doc.country, doc.number];
    });
    return entityKeyOf("TRAVEL_DOCUMENT", ref.value);
  }

  @Query(() => E.Vehicle, { nullable: true })
  vehicle(@Arg("country", () => String) country: string, @Arg("plate", () => String) plate: string) {
    const ref = normaliseOne("VEHICLE", "vehicle", () => {
      const v = normaliseVehicle(country, plate);
      return [v.country, v.plate];
    });
    return entityKeyOf("VEHICLE", ref.value);
  }

  @Query(() => E.Company, { nullable: true })
  company(@Arg("country", () => String) country: string, @Arg("registrationNumber", () => String) registrationNumber: string) {
    const ref = normaliseOne("COMPANY", "company", () => {
      const c = normaliseCompany(country, registrationNumber);
      return [c.country, c.registrationNumber];
    });
    return entityKeyOf("COMPANY", ref.value);
  }

  @Query(() => E.PostalItem, { nullable: true, description: "A postal item by UPU S10 id; the check digit must be valid" })
  postalItem(@Arg("itemId", () => String) itemId: string) {
    return entityKeyOf("POSTAL_ITEM", normaliseOne("POSTAL_ITEM", "itemId", () => [normaliseS10(itemId)]).value);
  }

  @Query(() => E.Container, { nullable: true, description: "A freight container by ISO 6346 number; the check digit must be valid" })
  container(@Arg("number", () => String) number: string) {
    return entityKeyOf("CONTAINER", normaliseOne("CONTAINER", "number", () => [normaliseContainer(number)]).value);
  }
}
