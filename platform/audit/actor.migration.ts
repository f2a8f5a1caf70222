import type { MigrationInterface, QueryRunner } from "typeorm";

/*
 * Which hub service asked on the subject's behalf (`links` expanding a link graph), from the signed
 * `act` claim of the gateway's token; null when the subject asked itself. Appended and nullable:
 * earlier rows still hash as written (chain.ts leaves trailing nulls out).
 */

/** Each agency database's delivery audit. */
export class AddAccessAuditActor1764600000100 implements MigrationInterface {
  name = "AddAccessAuditActor1764600000100";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "access_audit" ADD COLUMN "actor" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "access_audit" DROP COLUMN "actor"`);
  }
}

/** The hub database's request audit. */
export class AddRequestAuditActor1764600000110 implements MigrationInterface {
  name = "AddRequestAuditActor1764600000110";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "request_audit" ADD COLUMN "actor" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "request_audit" DROP COLUMN "actor"`);
  }
}
