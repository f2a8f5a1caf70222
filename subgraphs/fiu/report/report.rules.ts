import { badInput } from "../../../schema/errors.js";
import type { LiaisonConfig } from "../../../platform/config.js";
import {
  check,
  countryCode,
  normaliseIbanRef,
  normaliseIdentifiers,
  optionalCountryCode,
  uniqueRefs,
  validateEnvelope,
  type IdentifierRef,
  type PreparedRecord,
} from "../../../platform/records/index.js";
import type { FiuReportDetails } from "./report.details.js";
import type { FiuReportEntity } from "./report.entity.js";
import { FiuPartyKind } from "./report.enums.js";
import type { FileFiuReportInput } from "./report.input.js";

/** Indicator codes are data (each FIU has its own list), so only their shape is checked. */
export const INDICATOR = /^[A-Z0-9_]{2,40}$/;
const INSTITUTION_CODE = /^[A-Z0-9][A-Z0-9._/-]{1,34}$/;
const ENTITY_REFERENCE_MAX = 100;
const MAX_AMOUNT = 1e15;

const currencyCode = check.currencyCode;

const optionalIban = (value: string | null | undefined, field: string): IdentifierRef | null =>
  value === null || value === undefined || value.trim() === "" ? null : normaliseIbanRef(value, field);

const submissionTime = (value: Date): Date => check.pastDateTime(value, "input.submittedAt");

/** FIU rules for a report (goAML-like): validates and normalises the input into the row to store. */
export function prepareFiuReport(input: FileFiuReportInput, config: LiaisonConfig): PreparedRecord<FiuReportEntity> {
  const envelope = validateEnvelope(input);
  const reportCode = check.code(input.reportCode, "input.reportCode", config.codes.fiuReport);
  const entityReference = check.optionalText(input.entityReference, "input.entityReference", ENTITY_REFERENCE_MAX);
  const submittedAt = submissionTime(input.submittedAt);
  const reportingEntity = {
    name: check.text(input.reportingEntity.name, "input.reportingEntity.name", 200),
    institutionCode: input.reportingEntity.institutionCode?.trim()
      ? check.pattern(input.reportingEntity.institutionCode.toUpperCase(), "input.reportingEntity.institutionCode", INSTITUTION_CODE, "an institution code such as a BIC (2-35 letters, digits or . _ / -)")
      : null,
    country: countryCode(input.reportingEntity.country, "input.reportingEntity.country"),
  };
  const indicators = [
    ...new Set(
      check.listSize(input.indicators, "input.indicators", 30).map((code, i) =>
        check.pattern(code.toUpperCase(), `input.indicators[${i}]`, INDICATOR, "an indicator code (2-40 of A-Z, 0-9, _)"),
      ),
    ),
  ];
  const parties = check.listSize(input.parties, "input.parties", 100).map((party, i) => {
    const field = `input.parties[${i}]`;
    const birthDate = check.optionalIsoDate(party.birthDate, `${field}.birthDate`);
    if (birthDate !== null && party.kind !== FiuPartyKind.PERSON) {
      throw badInput(`${field}.birthDate is only for persons`, { field: `${field}.birthDate` });
    }
    return {
      kind: party.kind,
      name: check.text(party.name, `${field}.name`, 200),
      birthDate,
      nationality: optionalCountryCode(party.nationality, `${field}.nationality`),
      significance: check.intRange(party.significance, `${field}.significance`, 0, 10),
      role: check.optionalText(party.role, `${field}.role`, 100),
      identifiers: normaliseIdentifiers(party.identifiers, `${field}.identifiers`, config.defaultPhoneRegion),
    };
  });
  const accountRefs: IdentifierRef[] = [];
  const accounts = check.listSize(input.accounts, "input.accounts", 200).map((account, i) => {
    const field = `input.accounts[${i}]`;
    const ref = normaliseIbanRef(account.iban, `${field}.iban`);
    const earlier = accountRefs.findIndex((r) => r.value === ref.value);
    if (earlier >= 0) throw badInput(`${field}.iban repeats input.accounts[${earlier}].iban`, { field: `${field}.iban` });
    accountRefs.push(ref);
    return {
      iban: ref.value,
      institutionName: check.optionalText(account.institutionName, `${field}.institutionName`, 200),
      holderName: check.optionalText(account.holderName, `${field}.holderName`, 200),
      currency: account.currency?.trim() ? currencyCode(account.currency, `${field}.currency`) : null,
    };
  });
  const transactionRefs: IdentifierRef[] = [];
  const transactions = check.listSize(input.transactions, "input.transactions", 1000).map((tx, i) => {
    const field = `input.transactions[${i}]`;
    const amount = check.numberRange(tx.amount, `${field}.amount`, 0, MAX_AMOUNT);
    if (amount === 0) throw badInput(`${field}.amount must be greater than 0`, { field: `${field}.amount` });
    const from = optionalIban(tx.fromAccount, `${field}.fromAccount`);
    const to = optionalIban(tx.toAccount, `${field}.toAccount`);
    for (const ref of [from, to]) if (ref) transactionRefs.push(ref);
    return {
      number: check.optionalText(tx.number, `${field}.number`, 64),
      date: check.isoDate(tx.date, `${field}.date`),
      amount,
      currency: currencyCode(tx.currency, `${field}.currency`),
      fromAccount: from?.value ?? null,
      toAccount: to?.value ?? null,
      country: optionalCountryCode(tx.country, `${field}.country`),
      description: check.optionalText(tx.description, `${field}.description`, 1000),
    };
  });
  // goAML: a report body holds transactions or report parties; an empty body reports nothing.
  if (parties.length === 0 && transactions.length === 0) {
    throw badInput("input.parties: a report needs at least one party or transaction", { field: "input.parties" });
  }
  const details: FiuReportDetails = { reportingEntity, parties, accounts, transactions };
  const identifiers = uniqueRefs([...parties.flatMap((p) => p.identifiers), ...accountRefs, ...transactionRefs]);
  const fields = {
    reportCode,
    entityReference,
    reason: check.text(input.reason, "input.reason", 4000),
    action: check.optionalText(input.action, "input.action", 4000),
    indicators,
    narrative: check.text(input.narrative, "input.narrative", 50_000),
    maxAmount: transactions.length === 0 ? null : Math.max(...transactions.map((t) => t.amount)),
    details,
  };
  return { ...envelope, ...fields, occurredAt: submittedAt, identifiers };
}
