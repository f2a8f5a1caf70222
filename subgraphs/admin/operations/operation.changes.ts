import type { EntityManager } from "typeorm";
import { operationsChanged } from "../../../platform/operations/index.js";
import { databaseOf, subjectOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import type { Agency } from "../../../schema/enums.js";
import { conflict, forbidden, notFound } from "../../../schema/errors.js";
import type { Subject } from "../../../schema/subject.js";
import { auditAdminChange, type AdminAction } from "../audit.js";
import { isHubAdmin, mayRead } from "../authorise.js";
import { checkMemberAgency, checkOperationId, checkPeriod, checkReason, inAgencyOrder, parseCreate, parsePatch, type CreateOperationInput, type UpdateOperationInput } from "./operation.input.js";
import { closeOperationRow, findOperation, insertOperation, saveOperation, type StoredOperation } from "./operation.store.js";

/*
 * The registry decides whose operation claims count, so only hub administrators change it; agency
 * administrators and auditors read it. Each change and its admin_audit row are one transaction on
 * the locked row; once committed, the registries of this process re-read it before the answer
 * (other processes at their next poll, OPERATION_POLL_MS).
 */

export const RULE_OPERATIONS = "operations-administrators";

function mayAdminister(ctx: SubgraphContext): Subject {
  if (!isHubAdmin(subjectOf(ctx))) throw forbidden("Forbidden: only hub administrators manage joint operations", RULE_OPERATIONS);
  // Checks the declared purpose, as for every admin operation.
  return mayRead(ctx);
}

async function audit(manager: EntityManager, ctx: SubgraphContext, subject: Subject, action: AdminAction, detail: Record<string, unknown>): Promise<void> {
  await auditAdminChange(manager, ctx.config, {
    requestId: ctx.caller.requestId,
    subject: { sub: subject.sub, issuer: subject.issuer, agency: subject.agency },
    action,
    policyId: null,
    changeId: null,
    detail: { purpose: ctx.caller.purpose, justification: ctx.caller.justification, ...detail },
  });
}

type Edit = (manager: EntityManager, current: StoredOperation, subject: Subject) => Promise<{ saved: StoredOperation; detail: Record<string, unknown> }>;

/** Runs one edit of an open operation with its audit row in one transaction, then refreshes the registries here. */
async function edit(ctx: SubgraphContext, subject: Subject, id: string, action: AdminAction, change: Edit): Promise<StoredOperation> {
  const db = databaseOf(ctx);
  const saved = await db.transaction(async (manager) => {
    const current = await findOperation(manager, id, true);
    if (!current) throw notFound(`no joint operation ${id}`);
    if (current.closedAt) throw conflict(`joint operation ${id} is closed`);
    const result = await change(manager, current, subject);
    await audit(manager, ctx, subject, action, { operationId: id, ...result.detail });
    return result.saved;
  });
  await operationsChanged(db);
  return saved;
}

export async function createOperation(ctx: SubgraphContext, input: CreateOperationInput): Promise<StoredOperation> {
  const subject = mayAdminister(ctx);
  const operation = parseCreate(input);
  const db = databaseOf(ctx);
  const created = await db.transaction(async (manager) => {
    const row = await insertOperation(manager, operation, subject);
    if (!row) throw conflict(`joint operation ${operation.id} already exists (ids are never reused)`);
    const { id, ...detail } = operation;
    await audit(manager, ctx, subject, "operation.create", { operationId: id, ...detail });
    return row;
  });
  await operationsChanged(db);
  return created;
}

export async function updateOperation(ctx: SubgraphContext, id: string, input: UpdateOperationInput): Promise<StoredOperation> {
  const subject = mayAdminister(ctx);
  const operationId = checkOperationId(id);
  const patch = parsePatch(input);
  return edit(ctx, subject, operationId, "operation.update", async (manager, current) => {
    const before = { name: current.name, validFrom: current.validFrom, validTo: current.validTo };
    const after = { ...before, ...patch };
    checkPeriod(after);
    return { saved: await saveOperation(manager, operationId, { ...current, ...after }, subject), detail: { before, after } };
  });
}

export async function addOperationMember(ctx: SubgraphContext, id: string, agencyName: string): Promise<StoredOperation> {
  const subject = mayAdminister(ctx);
  const operationId = checkOperationId(id);
  const agency = checkMemberAgency(agencyName);
  return edit(ctx, subject, operationId, "operation.add-member", async (manager, current) => {
    if (current.memberAgencies.includes(agency)) throw conflict(`${agency} is already a member of ${operationId}`);
    return membersChanged(manager, current, inAgencyOrder([...current.memberAgencies, agency]), agency, subject);
  });
}

export async function removeOperationMember(ctx: SubgraphContext, id: string, agencyName: string): Promise<StoredOperation> {
  const subject = mayAdminister(ctx);
  const operationId = checkOperationId(id);
  const agency = checkMemberAgency(agencyName);
  return edit(ctx, subject, operationId, "operation.remove-member", async (manager, current) => {
    if (!current.memberAgencies.includes(agency)) throw conflict(`${agency} is not a member of ${operationId}`);
    if (current.memberAgencies.length === 1) throw conflict(`${agency} is the last member of ${operationId}: close the operation instead`);
    return membersChanged(manager, current, current.memberAgencies.filter((member) => member !== agency), agency, subject);
  });
}

async function membersChanged(manager: EntityManager, current: StoredOperation, members: readonly Agency[], agency: Agency, subject: Subject) {
  const saved = await saveOperation(manager, current.id, { ...current, memberAgencies: members }, subject);
  return { saved, detail: { agency, memberAgencies: saved.memberAgencies } };
}

export async function closeOperation(ctx: SubgraphContext, id: string, reasonText: string): Promise<StoredOperation> {
  const subject = mayAdminister(ctx);
  const operationId = checkOperationId(id);
  const reason = checkReason(reasonText);
  return edit(ctx, subject, operationId, "operation.close", async (manager) => ({
    saved: await closeOperationRow(manager, operationId, reason, subject),
    detail: { reason },
  }));
}
