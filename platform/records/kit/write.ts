import { randomUUID } from "node:crypto";
import { Brackets, type DataSource, type EntityManager, type EntityTarget } from "typeorm";
import { conflict, clientError, ErrorCode } from "../../../schema/errors.js";
import { isVisible } from "../../../policies/index.js";
import { envelopeOf, type AccessContext } from "../../access/index.js";
import { canonicalHash } from "../../canonical-json.js";
import type { IdentifierRef } from "../identifier-ref.js";
import { IdentifierMention } from "../mention.entity.js";
import type { AgencyRecordEntity } from "../record.entity.js";
import type { PreparedRecord } from "./declaration.js";

/** Who writes: the verified subject, its agency, and the request (recorded on the row and in the audit). */
export interface Author {
  readonly sub: string;
  readonly agency: string;
  readonly requestId: string;
}

/** What a write needs to know of the table it writes to. */
export interface WriteTarget<E extends AgencyRecordEntity> {
  readonly typeName: string;
  readonly agency: string;
  readonly entity: EntityTarget<E>;
  readonly uniqueColumns?: ReadonlyArray<{ readonly field: keyof E & string; readonly describe: (value: string) => string }>;
}

/** The rule named in the audit when a write touched a record the writer may not see. */
export const HIDDEN_RECORD = "hidden-record";

/**
 * Whether the caller may see `field` of a stored row. System writers (the demo seeder) have no
 * access context and see everything.
 */
function maySee(access: AccessContext | null, typeName: string, row: AgencyRecordEntity, field: string): boolean {
  if (!access) return true;
  return isVisible(access.policy.visibility(typeName, field), envelopeOf(typeName, row as unknown as Record<string, unknown>), access.subject);
}

/** Notes, for the delivery audit, that the caller's write ran into a record it may not see. */
function noteProbe(access: AccessContext | null, typeName: string, id: string, what: string): void {
  access?.note(typeName, id, what, { effect: "deny", rule: HIDDEN_RECORD });
}

/**
 * Stores a new record and its identifier mentions in one transaction. Idempotent per author: the
 * same author sending the same reference and content gets the stored record; other content is a
 * CONFLICT. Another author's record with the same reference (or the same unique value, such as a
 * postal item id) is a CONFLICT only when the caller may see that value; a record the caller may
 * not see is never confirmed: the write goes ahead as if it did not exist, and the probe is audited.
 */
export async function createRecord<E extends AgencyRecordEntity>(
  dataSource: DataSource,
  target: WriteTarget<E>,
  prepared: PreparedRecord<E>,
  author: Author,
  access: AccessContext | null,
): Promise<{ record: E; created: boolean }> {
  const contentHash = canonicalHash(prepared);
  const reference = (prepared as { reference: string }).reference;
  return dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(target.entity);
    const same = (row: E) => {
      if (row.contentHash !== contentHash) throw conflict(`reference "${reference}" is already used for a different record`);
      return { record: row, created: false };
    };
    const own = await repo.findOne({ where: { authorSub: author.sub, reference } as never });
    if (own) return same(own);
    const twin = await refuseVisibleClashes(manager, target, prepared, reference, contentHash, access);
    if (twin) return { record: twin, created: false };
    const id = randomUUID();
    const row = { ...prepared, id, contentHash, originAgency: target.agency, authorSub: author.sub, authorAgency: author.agency, authorRequestId: author.requestId };
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values(row as never)
      // The same author sending the same reference twice at once: the first insert wins, the second compares.
      .orIgnore()
      .returning("id")
      .execute();
    if (inserted.raw.length === 0) return same(await repo.findOneOrFail({ where: { authorSub: author.sub, reference } as never }));
    await writeMentions(manager, id, (prepared as { identifiers: IdentifierRef[] }).identifiers, false);
    return { record: await repo.findOneOrFail({ where: { id } as never }), created: true };
  });
}

/**
 * Records of other authors with the same reference or unique value: a CONFLICT only where the
 * caller may see that value. Returns a visible record with the same reference and content (the
 * same record sent again from another of the agency's accounts), else null.
 */
async function refuseVisibleClashes<E extends AgencyRecordEntity>(
  manager: EntityManager,
  target: WriteTarget<E>,
  prepared: PreparedRecord<E>,
  reference: string,
  contentHash: string,
  access: AccessContext | null,
): Promise<E | null> {
  const unique = (target.uniqueColumns ?? []).map((u) => ({ ...u, value: String((prepared as Record<string, unknown>)[u.field]) }));
  const query = manager
    .getRepository(target.entity)
    .createQueryBuilder("r")
    .where(
      new Brackets((qb) => {
        qb.where("r.reference = :reference", { reference });
        unique.forEach((u, i) => qb.orWhere(`r.${manager.getRepository(target.entity).metadata.findColumnWithPropertyName(u.field)?.databaseName ?? u.field} = :u${i}`, { [`u${i}`]: u.value }));
      }),
    );
  for (const row of await query.getMany()) {
    if (row.reference === reference && row.contentHash === contentHash && maySee(access, target.typeName, row, "reference")) return row;
    const clashes: Array<{ field: string; message: string }> = [];
    if (row.reference === reference && row.contentHash !== contentHash) clashes.push({ field: "reference", message: `reference "${reference}" is already used for a different record` });
    for (const u of unique) {
      if (String((row as Record<string, unknown>)[u.field]) === u.value && row.reference !== reference) clashes.push({ field: u.field, message: u.describe(u.value) });
    }
    for (const clash of clashes) {
      if (maySee(access, target.typeName, row, clash.field)) throw conflict(clash.message);
      noteProbe(access, target.typeName, row.id, `${clash.field} (clash)`);
    }
  }
  return null;
}

/** Replaces (or, for a new record, writes) the mention index rows of one record. */
async function writeMentions(manager: EntityManager, recordId: string, identifiers: readonly IdentifierRef[], replace: boolean): Promise<void> {
  if (replace) await manager.createQueryBuilder().delete().from(IdentifierMention).where("record_id = :recordId", { recordId }).execute();
  if (identifiers.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(IdentifierMention)
    .values(identifiers.map((ref) => ({ recordId, kind: ref.kind, value: ref.value })))
    .orIgnore()
    .execute();
}

/** The one answer for a record that is missing or that the caller may not know exists. */
export const recordNotFound = (noun: string, field: string) => clientError(ErrorCode.NOT_FOUND, `No ${noun} with this id`, { field });

/**
 * Changes a stored record inside one transaction, on the locked row, after checking that the
 * caller may know it exists: a hidden record answers exactly like a missing one and nothing is
 * written (the attempt is audited). `change` returns the new column values, or null when nothing
 * changes (an idempotent repeat). The mention index follows a changed identifier list.
 */
export async function updateVisibleRecord<E extends AgencyRecordEntity>(
  dataSource: DataSource,
  target: WriteTarget<AgencyRecordEntity>,
  id: string,
  access: AccessContext | null,
  notFound: () => Error,
  change: (current: E) => Partial<E> | null,
): Promise<E> {
  return dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(target.entity);
    const current = (await repo.findOne({ where: { id } as never, lock: { mode: "pessimistic_write" } })) as E | null;
    if (!current || current.originAgency !== target.agency) throw notFound();
    if (!maySee(access, target.typeName, current, "id")) {
      noteProbe(access, target.typeName, current.id, "(write)");
      throw notFound();
    }
    const next = change(current);
    if (!next) return current;
    await repo.update({ id } as never, next as never);
    if (next.identifiers) await writeMentions(manager, id, next.identifiers, true);
    return (await repo.findOneOrFail({ where: { id } as never })) as E;
  });
}
