/** The rows of an `INSERT`/`UPDATE … RETURNING`: TypeORM's postgres driver answers an UPDATE with [rows, count]. */
export function returnedRows<Row>(result: unknown): Row[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as Row[]) : (result as Row[]);
}
