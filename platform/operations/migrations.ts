import type { MigrationInterface, QueryRunner } from "typeorm";

/** The hub database: the joint-operation registry (which agencies belong to which operation, and when). */
export class CreateJointOperation1764300000000 implements MigrationInterface {
  name = "CreateJointOperation1764300000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "joint_operation" (
      "id" text PRIMARY KEY,
      "name" text NOT NULL,
      "member_agencies" text[] NOT NULL,
      "valid_from" date NOT NULL,
      "valid_to" date,
      CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "joint_operation"`);
  }
}
