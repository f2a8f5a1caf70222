import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { ACCESS_LOG_LIMIT_MAX } from "../../platform/audit/index.js";
import { AGENCIES } from "../../schema/enums.js";
import { badInput } from "../../schema/errors.js";
import type { GatewayContext } from "../context.js";
import { accessLog, disclosureReport } from "./access-log.js";
import type { AuditApiDeps } from "./agencies.js";
import { AccessLogFilter, AccessLogPage, AuditChainReport, DisclosureReport } from "./audit.type.js";
import { auditCaller, mayVerify, ownerNamed, readableOwners } from "./authorise.js";
import { verifyAll } from "./verification.js";

/*
 * The auditors' questions, answered in the gateway process: it alone mints the tokens the agencies'
 * audit routes accept and holds the hub database. Rows stay in each agency's database; each answer
 * is assembled per request from the owners' own services.
 */
@Resolver()
export class AuditResolver {
  /** Null only while composing (the schema is built for its SDL alone). */
  constructor(private readonly deps: AuditApiDeps | null) {}

  private get ready(): AuditApiDeps {
    if (!this.deps) throw new Error("audit API built without its dependencies");
    return this.deps;
  }

  @Query(() => AccessLogPage, { description: "Who saw what: delivery-audit rows of the owners the caller may read, newest first (administrators and auditors; an agency's own read only its agency's audit)" })
  async accessLog(
    @Arg("filter", () => AccessLogFilter) filter: AccessLogFilter,
    @Ctx() ctx: GatewayContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 100 }) asked: number | null,
  ): Promise<AccessLogPage> {
    const deps = this.ready;
    const caller = auditCaller(ctx, deps.purposes);
    const owners = readableOwners(caller, filter.owner);
    const first = asked ?? 100;
    if (!Number.isInteger(first) || first < 1 || first > ACCESS_LOG_LIMIT_MAX) throw badInput(`first must be an integer from 1 to ${ACCESS_LOG_LIMIT_MAX}`, { field: "first" });
    return accessLog(deps, caller, owners, filter, first);
  }

  @Query(() => DisclosureReport, { description: "What the owner's data was delivered to users of the recipient agency in [from, to), per record, with totals" })
  async disclosures(
    @Arg("owner", () => String) owner: string,
    @Arg("recipient", () => String) recipient: string,
    @Arg("from", () => Date) from: Date,
    @Arg("to", () => Date) to: Date,
    @Ctx() ctx: GatewayContext,
  ): Promise<DisclosureReport> {
    const deps = this.ready;
    const caller = auditCaller(ctx, deps.purposes);
    const [audited] = readableOwners(caller, owner);
    if (!audited) throw badInput("owner must be named", { field: "owner" });
    if (!(AGENCIES as readonly string[]).includes(recipient)) throw badInput(`recipient must be one of ${AGENCIES.join(", ")}`, { field: "recipient" });
    if (from >= to) throw badInput("from must be before to", { field: "from" });
    return disclosureReport(deps, caller, ownerNamed(audited.agency, "owner"), recipient, from, to);
  }

  @Query(() => [AuditChainReport], { description: "Every audit chain verified: the hub's request, admin and anchor chains, and each agency's delivery audit against its anchors (hub administrators and auditors)" })
  async auditVerification(@Ctx() ctx: GatewayContext): Promise<AuditChainReport[]> {
    const deps = this.ready;
    const caller = auditCaller(ctx, deps.purposes);
    mayVerify(caller);
    return verifyAll(deps, caller);
  }
}
