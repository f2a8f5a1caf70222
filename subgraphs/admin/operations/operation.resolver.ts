import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { Agency } from "../../../schema/enums.js";
import { mayRead } from "../authorise.js";
import { addOperationMember, closeOperation, createOperation, removeOperationMember, updateOperation } from "./operation.changes.js";
import { CreateOperationInput, UpdateOperationInput } from "./operation.input.js";
import { findOperation, listOperations, type StoredOperation } from "./operation.store.js";
import { JointOperation, JointOperationStatus } from "./operation.type.js";

function statusOf(operation: StoredOperation, today: string): JointOperationStatus {
  if (operation.closedAt) return JointOperationStatus.CLOSED;
  if (today < operation.validFrom) return JointOperationStatus.SCHEDULED;
  if (operation.validTo !== null && operation.validTo < today) return JointOperationStatus.ENDED;
  return JointOperationStatus.ACTIVE;
}

// The registry's day: UTC.
const toType = (operation: StoredOperation, today = new Date().toISOString().slice(0, 10)): JointOperation =>
  Object.assign(new JointOperation(), { ...operation, memberAgencies: [...operation.memberAgencies], status: statusOf(operation, today) });

/*
 * Joint operations administration: administrators and auditors read the registry; hub
 * administrators alone change it (operation.changes.ts), each change audited in its transaction.
 */
@Resolver()
export class OperationResolver {
  @Query(() => [JointOperation], { description: "Every joint operation of the registry, closed ones included, by id" })
  async operations(@Ctx() ctx: SubgraphContext): Promise<JointOperation[]> {
    mayRead(ctx);
    const today = new Date().toISOString().slice(0, 10);
    return (await listOperations(databaseOf(ctx))).map((operation) => toType(operation, today));
  }

  @Query(() => JointOperation, { nullable: true, description: "One joint operation; null when unknown" })
  async operation(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<JointOperation | null> {
    mayRead(ctx);
    const operation = await findOperation(databaseOf(ctx), id);
    return operation ? toType(operation) : null;
  }

  @Mutation(() => JointOperation, { description: "Creates a joint operation (hub administrators)" })
  async createOperation(@Arg("input", () => CreateOperationInput) input: CreateOperationInput, @Ctx() ctx: SubgraphContext): Promise<JointOperation> {
    return toType(await createOperation(ctx, input));
  }

  @Mutation(() => JointOperation, { description: "Renames an open operation or changes its validity (hub administrators)" })
  async updateOperation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateOperationInput) input: UpdateOperationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<JointOperation> {
    return toType(await updateOperation(ctx, id, input));
  }

  @Mutation(() => JointOperation, { description: "Makes an agency's claims to an open operation count (hub administrators)" })
  async addOperationMember(@Arg("id", () => ID) id: string, @Arg("agency", () => Agency) agency: Agency, @Ctx() ctx: SubgraphContext): Promise<JointOperation> {
    return toType(await addOperationMember(ctx, id, agency));
  }

  @Mutation(() => JointOperation, { description: "Stops an agency's claims to an open operation counting (hub administrators)" })
  async removeOperationMember(@Arg("id", () => ID) id: string, @Arg("agency", () => Agency) agency: Agency, @Ctx() ctx: SubgraphContext): Promise<JointOperation> {
    return toType(await removeOperationMember(ctx, id, agency));
  }

  @Mutation(() => JointOperation, { description: "Closes an operation for good: it stays as history and counts for nobody (hub administrators)" })
  async closeOperation(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: SubgraphContext): Promise<JointOperation> {
    return toType(await closeOperation(ctx, id, reason));
  }
}
