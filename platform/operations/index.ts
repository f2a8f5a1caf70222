export { CreateJointOperation1764300000000 } from "./migrations.js";
export {
  OPERATION_POLL_MS,
  OperationRegistry,
  registerOperations,
  withEffectiveOperations,
  type JointOperation,
  type OperationDirectory,
} from "./registry.js";
