import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import pg from "pg";

/**
 * A logical backup of the app's database, for the embedded default (whose bundled PostgreSQL has no
 * `pg_dump`): one consistent snapshot (REPEATABLE READ, read-only — the app keeps running) written as
 * gzipped JSON lines: a header with the applied migrations and the tables, then the rows of each
 * table in chunks. Restore with restoreDatabase. A deployment on its own PostgreSQL uses `pg_dump`
 * instead (README, deploy/DEPLOYMENT.md); this format is for the single-machine default.
 */
export const BACKUP_FORMAT = "livestreamsell-backup";
export const BACKUP_VERSION = 1;
const CHUNK_ROWS = 2_000;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
};
/** A chunk line starts with its table's name; the rows after it go to PostgreSQL as text. */
export const CHUNK_PREFIX = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":/;

/** The app's tables, the migration ledger excluded (restore re-applies migrations itself). */
export async function listAppTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

export async function backupDatabase({ databaseUrl, file }: { databaseUrl: string; file: string }): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (
      await client.query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
    ).rows.map((r) => r.name);
    const tables: BackupHeader["tables"] = [];
    for (const name of await listAppTables(client)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${name}"`);
      tables.push({ name, rows: Number(rows[0]!.n) });
    }
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations, tables };
    await write(JSON.stringify(header));
    for (const { name } of tables) {
      // Rows as PostgreSQL's own JSON text, never parsed here: numerics keep every digit.
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS r FROM "${name}" t`);
      for (;;) {
        const { rows } = await client.query<{ r: string }>(`FETCH ${CHUNK_ROWS} FROM backup_rows`);
        if (rows.length === 0) break;
        await write(`{"table":${JSON.stringify(name)},"rows":[${rows.map((x) => x.r).join(",")}]}`);
      }
      await client.query("CLOSE backup_rows");
    }
    await client.query("COMMIT");
    gzip.end();
    await once(out, "finish");
    return header;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  } finally {
    await client.end();
  }
}
