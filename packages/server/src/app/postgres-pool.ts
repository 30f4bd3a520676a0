// A pg pool on a database whose tables are created on open: idempotent DDL under an advisory
// lock, so gateway instances starting together do not race (the logbook's and the parcels'
// tables live in one database).
import pg from "pg";

/**
 * Opens a pool and runs `schema` (CREATE … IF NOT EXISTS) once, holding advisory lock `lock`.
 *
 * @example
 * ```ts
 * const pool = await openPostgresPool({ url, max: 10, schema: "CREATE TABLE IF NOT EXISTS t (id TEXT)", lock: 0x636b6c62 });
 * ```
 */
export async function openPostgresPool(o: { url: string; max: number; schema: string; lock: number }): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: o.url, max: o.max });
  pool.on("error", () => undefined); // an idle client's broken connection: the pool replaces it
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [o.lock]);
    await client.query(o.schema);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [o.lock]).catch(() => undefined);
    client.release();
  }
  return pool;
}
