export { CreatePolicyStore1764500000000 } from "./migrations.js";
export { POLICY_CHANNEL, readActivePolicy, readActiveVersion, writeActivePolicy, type ActiveDocuments, type ActivePolicy } from "./active.js";
export { DENY_ALL, PolicySource } from "./source.js";
