import { AddAccessAuditIssuer1764400000010, AddRequestAuditIssuer1764400000020 } from "./issuer.migration.js";
import { CreateAdminAudit1764500000100 } from "./admin-audit.migration.js";
import { AddAccessAuditGrantRules1764500000410 } from "./grant-rules.migration.js";
import { AddAccessAuditActor1764600000100, AddRequestAuditActor1764600000110 } from "./actor.migration.js";
import { CreateAuditAnchor1764400000030 } from "./anchor.migration.js";
import { CreateAccessAudit1764200000000, CreateRequestAudit1764200100000 } from "./migrations.js";
import { AddRequestAuditClientId1764200200000 } from "./request-audit-client-id.migration.js";
import { RestrictAccessAudit1764400000040, RestrictHubAudit1764400000050 } from "./restrict.migration.js";

/** Every agency database: the delivery audit, INSERT-only for the runtime role. */
export const AGENCY_AUDIT_MIGRATIONS = [
  CreateAccessAudit1764200000000,
  AddAccessAuditIssuer1764400000010,
  RestrictAccessAudit1764400000040,
  AddAccessAuditGrantRules1764500000410,
  AddAccessAuditActor1764600000100,
] as const;

/** The hub database: the request audit, the anchors and the admin audit, INSERT-only for the runtime role. */
export const HUB_AUDIT_MIGRATIONS = [
  CreateRequestAudit1764200100000,
  AddRequestAuditClientId1764200200000,
  AddRequestAuditIssuer1764400000020,
  CreateAuditAnchor1764400000030,
  RestrictHubAudit1764400000050,
  CreateAdminAudit1764500000100,
  AddRequestAuditActor1764600000110,
] as const;
