export { CreateJointOperation1764300000000 } from "./migrations.js";
export { OperationAdmin1764500000300 } from "./operation-admin.migration.js";
export {
  OPERATION_POLL_MS,
  OperationRegistry,
  operationsChanged,
  registerOperations,
  withEffectiveOperations,
  type JointOperation,
  type OperationDirectory,
} from "./registry.js";
