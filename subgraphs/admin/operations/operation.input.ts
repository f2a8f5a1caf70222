import { Field, ID, InputType } from "type-graphql";
import { Agency, AGENCIES } from "../../../schema/enums.js";
import { badInput } from "../../../schema/errors.js";

@InputType({ description: "A new joint operation" })
export class CreateOperationInput {
  @Field(() => ID, { description: "The id tokens claim: 1-64 upper-case letters, digits, '_', '.', ':' or '-' (e.g. OP-HARBOUR); never reused" }) id!: string;
  @Field(() => String, { description: "1-200 characters" }) name!: string;
  @Field(() => [Agency], { description: "At least one agency that holds records (not HUB), each once" }) memberAgencies!: Agency[];
  @Field(() => String, { description: "First day it counts (YYYY-MM-DD, UTC)" }) validFrom!: string;
  @Field(() => String, { nullable: true, description: "Last day it counts (YYYY-MM-DD, UTC, inclusive, not before validFrom); null or left out: open-ended" }) validTo?: string | null;
}

@InputType({ description: "What to change on a joint operation; a field left out stays as it is" })
export class UpdateOperationInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) validFrom?: string | null;
  @Field(() => String, { nullable: true, description: "null: open-ended" }) validTo?: string | null;
}

/** The agencies an operation may have as members: those that hold records (HUB staff hold none). */
export const MEMBER_AGENCIES: readonly Agency[] = AGENCIES.filter((agency) => agency !== Agency.HUB);

export interface OperationPeriod {
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface NewOperation extends OperationPeriod {
  readonly id: string;
  readonly name: string;
  readonly memberAgencies: readonly Agency[];
}

export interface OperationPatch {
  readonly name?: string;
  readonly validFrom?: string;
  readonly validTo?: string | null;
}

// Upper case only, so two ids never differ by case alone; otherwise what a token's claim accepts.
const OPERATION_ID = /^[A-Z0-9][A-Z0-9_.:-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const NAME_MAX = 200;
const REASON_MAX = 2000;

/** Every problem of one input at once, refused as BAD_USER_INPUT; nothing is written. */
function refuse(problems: readonly string[]): never {
  throw badInput(problems.join("; "), { problems });
}

export function checkOperationId(id: string): string {
  if (!OPERATION_ID.test(id)) refuse(["id: 1-64 upper-case letters, digits, '_', '.', ':' or '-', starting with a letter or digit"]);
  return id;
}

function text(value: string, field: string, max: number, problems: string[]): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max || CONTROL.test(trimmed)) problems.push(`${field}: 1-${max} characters on one line`);
  return trimmed;
}

/** A real calendar day as YYYY-MM-DD. */
function day(value: string, field: string, problems: string[]): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) problems.push(`${field}: a date as YYYY-MM-DD`);
  return value;
}

function periodProblems(period: OperationPeriod): string[] {
  return period.validTo !== null && period.validTo < period.validFrom ? [`validTo: not before validFrom (${period.validFrom})`] : [];
}

/** Refuses a period whose last day comes before its first (a one-day operation is fine). */
export function checkPeriod(period: OperationPeriod): void {
  const problems = periodProblems(period);
  if (problems.length > 0) refuse(problems);
}

export function checkMemberAgency(agency: string): Agency {
  if (!(MEMBER_AGENCIES as readonly string[]).includes(agency)) refuse([`agency: one of ${MEMBER_AGENCIES.join(", ")}`]);
  return agency as Agency;
}

/** Members in one order (the agencies' own), so answers and audit rows compare as they are. */
export const inAgencyOrder = (agencies: readonly Agency[]): Agency[] => MEMBER_AGENCIES.filter((agency) => agencies.includes(agency));

export function parseCreate(input: CreateOperationInput): NewOperation {
  const id = checkOperationId(input.id);
  const problems: string[] = [];
  const name = text(input.name, "name", NAME_MAX, problems);
  const members = input.memberAgencies;
  if (members.length === 0) problems.push("memberAgencies: at least one agency");
  const strangers = members.filter((agency) => !MEMBER_AGENCIES.includes(agency));
  if (strangers.length > 0) problems.push(`memberAgencies: ${strangers.join(", ")} is not one of ${MEMBER_AGENCIES.join(", ")}`);
  if (new Set(members).size !== members.length) problems.push("memberAgencies: each agency once");
  const validFrom = day(input.validFrom, "validFrom", problems);
  const validTo = input.validTo == null ? null : day(input.validTo, "validTo", problems);
  if (problems.length === 0) problems.push(...periodProblems({ validFrom, validTo }));
  if (problems.length > 0) refuse(problems);
  return { id, name, memberAgencies: inAgencyOrder(members), validFrom, validTo };
}

/** The fields given, checked one by one; whether the period they make holds is checked against the stored row. */
export function parsePatch(input: UpdateOperationInput): OperationPatch {
  const problems: string[] = [];
  const patch: { name?: string; validFrom?: string; validTo?: string | null } = {};
  if (input.name === null) problems.push("name: may be left out, not null");
  else if (input.name !== undefined) patch.name = text(input.name, "name", NAME_MAX, problems);
  if (input.validFrom === null) problems.push("validFrom: may be left out, not null");
  else if (input.validFrom !== undefined) patch.validFrom = day(input.validFrom, "validFrom", problems);
  if (input.validTo !== undefined) patch.validTo = input.validTo === null ? null : day(input.validTo, "validTo", problems);
  if (problems.length === 0 && Object.keys(patch).length === 0) problems.push("input: nothing to change (name, validFrom or validTo)");
  if (problems.length > 0) refuse(problems);
  return patch;
}

export function checkReason(reason: string): string {
  const problems: string[] = [];
  const trimmed = text(reason, "reason", REASON_MAX, problems);
  if (problems.length > 0) refuse(problems);
  return trimmed;
}
