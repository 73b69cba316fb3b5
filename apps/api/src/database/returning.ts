/**
 * Rows of an `UPDATE … RETURNING` run through `EntityManager.query`: TypeORM's
 * postgres driver returns `[rows, affectedCount]` for UPDATE, plain rows otherwise.
 */
export function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}
