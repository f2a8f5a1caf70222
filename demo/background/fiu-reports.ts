import type { FileFiuReportInput } from "../../subgraphs/fiu/index.js";
import type { FiuAccountInput, FiuPartyInput, FiuTransactionInput } from "../../subgraphs/fiu/report/report.input.js";
import { FiuPartyKind } from "../../subgraphs/fiu/report/report.enums.js";
import { Agency } from "../../schema/enums.js";
import { addDays, DEMO_FROM } from "../calendar.js";
import { birthDate, personName } from "../catalogue/names.js";
import { REPORTING_ENTITIES } from "../catalogue/organisations.js";
import { Cycler } from "../coverage.js";
import { email, iban, mobilePhone, passportNumber } from "../identifiers.js";
import { Random } from "../random.js";
import { companyForRecord, contactFor, countOf, type BackgroundSettings } from "./context.js";
import { fiuEnvelopes } from "./envelope.js";

const CODE_WEIGHTS: Readonly<Record<string, number>> = { STR: 40, SAR: 15, CTR: 20, EFT: 10, IFT: 7, AIF: 4, IRD: 4 };
const STR_INDICATORS: readonly string[] = ["STRUCTURING", "RAPID_MOVEMENT", "CASH_INTENSIVE", "HIGH_RISK_JURISDICTION", "THIRD_PARTY_DEPOSITS", "UNUSUAL_PATTERN"];
const SAR_INDICATORS: readonly string[] = ["ADVERSE_MEDIA", "SHELL_COMPANY", "TRADE_BASED_ML", "SANCTIONS_PROXIMITY", "UNEXPLAINED_WEALTH"];

interface Subject {
  party: FiuPartyInput;
  iban: string;
  name: string;
}

function personSubject(rng: Random, significance: number, role: string, residence = "GB"): Subject {
  const nationality = rng.chance(0.7) ? residence : rng.pick(["PL", "LT", "NG", "TR", "RO", "IE"]);
  const name = personName(rng, nationality);
  const account = iban(rng, residence);
  return {
    name,
    iban: account,
    party: {
      kind: FiuPartyKind.PERSON,
      name,
      birthDate: birthDate(rng),
      nationality,
      significance,
      role,
      identifiers: {
        ibans: [account],
        phones: rng.chance(0.7) ? [mobilePhone(rng, residence)] : null,
        emails: rng.chance(0.3) ? [email(rng, name)] : null,
        travelDocuments: rng.chance(0.3) ? [{ country: nationality, number: passportNumber(rng, nationality) }] : null,
      },
    },
  };
}

/** goAML-like background reports of every configured report code. */
export function backgroundFiuReports(settings: BackgroundSettings): FileFiuReportInput[] {
  const codes = settings.config.codes.fiuReport;
  const code = new Cycler(codes, codes.map((c) => [c, CODE_WEIGHTS[c] ?? 3] as const));
  const envelopes = fiuEnvelopes();
  const reports: FileFiuReportInput[] = [];
  for (let i = 0; i < countOf(settings, "fiuReports"); i += 1) {
    const rng = Random.derive(settings.seed, "fiu", i);
    const reportCode = code.next(rng);
    const entity = rng.pick(REPORTING_ENTITIES.filter((e) => (reportCode === "IFT" ? e.kind === "msb" : reportCode === "CTR" ? e.kind !== "notary" : true)));
    const currency = entity.country === "GB" ? "GBP" : "EUR";
    const date = rng.date(DEMO_FROM, "2025-12-20");
    const known = contactFor(settings, "fiuReports", Agency.FIU, i);
    const subject: Subject = known
      ? {
          name: known.name,
          iban: known.iban,
          party: { kind: FiuPartyKind.PERSON, name: known.name, birthDate: known.birthDate, nationality: known.nationality, significance: 9, role: "subject", identifiers: { ibans: [known.iban], phones: [known.phone], emails: [known.email], travelDocuments: [known.passport] } },
        }
      : personSubject(rng, 9, "subject", entity.country === "DE" || entity.country === "NL" ? entity.country : "GB");
    const parties: FiuPartyInput[] = [subject.party];
    const accounts: FiuAccountInput[] = [{ iban: subject.iban, institutionName: entity.kind === "bank" ? entity.name : null, holderName: subject.name, currency }];
    const transactions: FiuTransactionInput[] = [];
    const tx = (t: Omit<FiuTransactionInput, "number" | "currency" | "date">, daysBefore: number): FiuTransactionInput => ({ number: `TX${rng.digits(10)}`, currency, ...t, date: addDays(date, -daysBefore) });
    let indicators: string[] = [];
    let reason: string;
    let narrative: string;

    switch (reportCode) {
      case "CTR": {
        const amount = rng.int(10_000, 60_000);
        transactions.push(tx({ amount, toAccount: subject.iban, country: entity.country, description: "Cash deposit at the counter" }, rng.int(0, 3)));
        reason = "Cash transaction at or above the reporting threshold.";
        narrative = `${subject.name} deposited ${amount} ${currency} in cash.`;
        break;
      }
      case "EFT":
      case "IFT": {
        const abroad = rng.pick(["AE", "TR", "LT", "CY", "NL", "ES"]);
        const counterparty = personSubject(rng, 4, "beneficiary", abroad);
        parties.push(counterparty.party);
        accounts.push({ iban: counterparty.iban, holderName: counterparty.name, currency: "EUR" });
        const count = reportCode === "IFT" ? rng.int(2, 6) : rng.int(1, 2);
        for (let t = 0; t < count; t += 1) {
          const amount = reportCode === "IFT" ? rng.int(500, 4_900) : rng.int(10_000, 120_000);
          transactions.push(tx({ amount, fromAccount: subject.iban, toAccount: counterparty.iban, country: abroad, description: reportCode === "IFT" ? "Money remittance" : "Outgoing SWIFT transfer" }, rng.int(0, 20)));
        }
        reason = reportCode === "IFT" ? "International funds transfers through a money service business." : "Cross-border electronic funds transfer above the threshold.";
        narrative = `${count} transfer(s) from ${subject.name} to ${counterparty.name} in ${abroad}.`;
        break;
      }
      case "SAR": {
        const trader = companyForRecord(settings, rng, "fiuReports", i);
        parties.push({ kind: FiuPartyKind.COMPANY, name: trader.name, significance: 8, role: "entity", identifiers: { companies: [{ country: trader.country, registrationNumber: trader.registrationNumber }], ibans: trader.iban ? [trader.iban] : null } });
        if (trader.iban && trader.iban !== subject.iban) accounts.push({ iban: trader.iban, holderName: trader.name, currency: "EUR" });
        subject.party.role = "director";
        indicators = rng.sample(SAR_INDICATORS, rng.int(1, 3));
        reason = "Activity inconsistent with the customer's declared business.";
        narrative = `${trader.name} (${trader.country}) receives payments that its declared trade does not explain; ${subject.name} is its director.`;
        break;
      }
      case "AIF":
      case "IRD": {
        reason = reportCode === "AIF" ? "Additional information on an earlier report." : "Reply to an information request from a domestic authority.";
        narrative = `${reason} Subject: ${subject.name}.`;
        if (rng.chance(0.5)) transactions.push(tx({ amount: rng.int(1_000, 25_000), toAccount: subject.iban, country: entity.country, description: "Incoming transfer" }, rng.int(1, 30)));
        break;
      }
      default: {
        // STR and any code this catalogue does not know: deposits below the threshold, moved on quickly.
        const out = personSubject(rng, 4, "counterparty", rng.pick(["GB", "LT", "ES", "NL"]));
        parties.push(out.party);
        accounts.push({ iban: out.iban, holderName: out.name, currency });
        const deposits = rng.int(3, 7);
        let total = 0;
        for (let t = 0; t < deposits; t += 1) {
          const amount = rng.int(8_500, 9_900);
          total += amount;
          transactions.push(tx({ amount, toAccount: subject.iban, country: entity.country, description: "Cash deposit" }, 2 * (deposits - t) + 1));
        }
        transactions.push(tx({ amount: Math.round(total * 0.95), fromAccount: subject.iban, toAccount: out.iban, description: "Same-day transfer out" }, 0));
        indicators = ["STRUCTURING", ...rng.sample(STR_INDICATORS.slice(1), rng.int(0, 2))];
        reason = "Repeated cash deposits just below the reporting threshold, then moved on the same day.";
        narrative = `${deposits} cash deposits totalling ${total} ${currency} into the account of ${subject.name}, transferred to ${out.name}.`;
      }
    }

    const submittedAt = rng.timeOn(date, 8, 19);
    reports.push({
      reference: `FIU-${date.slice(0, 4)}-${String(i + 1).padStart(6, "0")}`,
      ...envelopes.next(rng),
      reportCode,
      entityReference: `${entity.institutionCode.slice(0, 4)}-${date.slice(0, 4)}-${rng.digits(6)}`,
      submittedAt,
      reportingEntity: { name: entity.name, institutionCode: entity.institutionCode, country: entity.country },
      reason,
      action: rng.chance(0.3) ? "Account restricted pending review." : null,
      indicators,
      narrative,
      parties,
      accounts,
      transactions,
    });
  }
  return reports;
}
