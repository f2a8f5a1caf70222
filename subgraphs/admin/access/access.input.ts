import { Field, InputType, Int } from "type-graphql";
import { Agency } from "../../../schema/enums.js";
import { badField } from "../../../schema/errors.js";
import type { Subject } from "../../../schema/subject.js";

@InputType({ description: "A caller to evaluate the policies for, as a token would describe them (no subject id needed)" })
export class SubjectInput {
  @Field(() => Agency) agency!: Agency;
  @Field(() => [String], { description: "Up to 32 role names ([a-z][a-z0-9_-]{0,31})" }) roles!: string[];
  @Field(() => Int, { description: "0-4" }) clearance!: number;
  @Field(() => [String], { nullable: true, description: "Joint-operation ids the caller is a confirmed member of (up to 64)" }) operations?: string[] | null;
}

const ROLE = /^[a-z][a-z0-9_-]{0,31}$/;
const OPERATION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const refuse = badField;

/** The subject a token with these claims would make, checked as the gateway checks tokens. */
export function toSubject(input: SubjectInput): Subject {
  if (!Object.values(Agency).includes(input.agency)) throw refuse("subject.agency", `one of ${Object.values(Agency).join(", ")}`);
  if (!Number.isInteger(input.clearance) || input.clearance < 0 || input.clearance > 4) throw refuse("subject.clearance", "an integer 0-4");
  if (input.roles.length > 32 || !input.roles.every((r) => ROLE.test(r))) throw refuse("subject.roles", "up to 32 role names matching [a-z][a-z0-9_-]{0,31}");
  const operations = input.operations ?? [];
  if (operations.length > 64 || !operations.every((o) => OPERATION.test(o))) throw refuse("subject.operations", "up to 64 operation ids of 1-64 letters, digits, '.', '_' or '-'");
  return { sub: "(simulated)", issuer: "(simulated)", agency: input.agency, roles: [...new Set(input.roles)], clearance: input.clearance, operations: [...new Set(operations)] };
}

/** A declared purpose must be one of the configured ones, as for a real request. */
export function checkPurpose(purpose: string, purposes: readonly string[]): string {
  if (!purposes.includes(purpose)) throw refuse("purpose", `one of ${purposes.join(", ")}`);
  return purpose;
}
