import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The hub database: the policy test cases travel with the policy documents. One row per case file
 * (its cases as written, a list; a file a change emptied stays as an empty list, so a restart does
 * not import the folder again). A change may carry case files to add or replace, and keeps the report
 * of the cases run under its draft; an approval makes its files active in the same transaction.
 */
export class CreatePolicyCase1764500000500 implements MigrationInterface {
  name = "CreatePolicyCase1764500000500";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "policy_case_file" (
      "file" text PRIMARY KEY,
      "cases" jsonb NOT NULL CHECK (jsonb_typeof("cases") = 'array'),
      "version" integer NOT NULL CHECK ("version" >= 1),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "updated_by" text NOT NULL,
      "change_id" uuid)`);
    await db.query(`ALTER TABLE "policy_change" ADD COLUMN "case_files" jsonb, ADD COLUMN "case_report" jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "policy_change" DROP COLUMN "case_report", DROP COLUMN "case_files"`);
    await db.query(`DROP TABLE "policy_case_file"`);
  }
}
