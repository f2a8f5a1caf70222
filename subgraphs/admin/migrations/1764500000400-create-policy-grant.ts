import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The hub database: consent grants (an owning agency lets one agency see one record for one case
 * and purpose until a time) and break-glass grants (emergency access for one person, at most 24
 * hours, flagged for review). Live grants are rules of the active policy set (grants/rules.ts).
 */
export class CreatePolicyGrant1764500000400 implements MigrationInterface {
  name = "CreatePolicyGrant1764500000400";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "policy_grant" (
      "id" uuid PRIMARY KEY,
      "kind" text NOT NULL CHECK ("kind" IN ('consent', 'break-glass')),
      "record_type" text NOT NULL,
      "record_id" text NOT NULL,
      "owner_agency" text NOT NULL,
      "grantee_agency" text NOT NULL,
      "grantee_subject" text,
      "case_reference" text,
      "purpose" text NOT NULL,
      "justification" text,
      "expires_at" timestamptz NOT NULL,
      "granted_by_sub" text NOT NULL,
      "granted_by_issuer" text NOT NULL,
      "granted_by_agency" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "set_version" text NOT NULL,
      "revoked_at" timestamptz,
      "revoked_by_sub" text,
      "revoked_by_issuer" text,
      "revoke_reason" text,
      "reviewed_at" timestamptz,
      "reviewed_by_sub" text,
      "reviewed_by_issuer" text,
      "review_note" text,
      CHECK ("kind" = 'consent' OR ("grantee_subject" IS NOT NULL AND "justification" IS NOT NULL)),
      CHECK ("kind" = 'break-glass' OR "case_reference" IS NOT NULL)
    )`);
    await db.query(`CREATE INDEX "policy_grant_live" ON "policy_grant" ("expires_at") WHERE "revoked_at" IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "policy_grant"`);
  }
}
