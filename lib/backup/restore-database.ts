import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { BACKUP_FORMAT, BACKUP_VERSION, CHUNK_PREFIX, listAppTables, type BackupHeader } from "./backup-database";

export class RestoreError extends Error {
  override name = "RestoreError";
}

/**
 * Restores a backupDatabase file into `databaseUrl`: the database must hold no app data (an empty
 * database, or one with migrations applied and no rows) unless `replace` is set, which empties every app
 * table first. `migrate` brings the schema up to the app's migrations (the same runner `npm start` uses);
 * a backup made by newer code than this one is refused. Rows go in inside one transaction with
 * triggers and foreign-key checks deferred (session_replication_role = replica, so table order does not
 * matter), columns the backup lacks take their defaults, and the SERIAL counters continue after the
 * restored numbers. Nothing is changed when any step fails.
 */
export async function restoreDatabase({
  databaseUrl,
  file,
  migrate,
  replace = false,
}: {
  databaseUrl: string;
  file: string;
  migrate: () => void;
  replace?: boolean;
}): Promise<{ tables: number; rows: number }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = parseHeader(first.done ? "" : first.value);

  migrate();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied = new Set(
      (await client.query<{ name: string }>(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).rows.map((r) => r.name),
    );
    const unknown = header.migrations.filter((m) => !applied.has(m));
    if (unknown.length > 0) throw new RestoreError(`the backup was made by a newer version (migrations this code does not have: ${unknown.join(", ")}); upgrade first`);

    const tables = new Set(await listAppTables(client));
    await client.query("BEGIN");
    const nonEmpty = [];
    for (const table of tables) {
      const { rows } = await client.query(`SELECT 1 FROM "${table}" LIMIT 1`);
      if (rows.length > 0) nonEmpty.push(table);
    }
    if (nonEmpty.length > 0 && !replace) throw new RestoreError(`the database already holds data (${nonEmpty.slice(0, 5).join(", ")}${nonEmpty.length > 5 ? ", …" : ""}); restore into an empty database or pass --replace`);
    if (nonEmpty.length > 0) await client.query(`TRUNCATE ${[...tables].map((t) => `"${t}"`).join(", ")} CASCADE`);
    await client.query("SET LOCAL session_replication_role = replica");

    const columnsOf = await insertableColumns(client);
    const backupColumns = new Map<string, string>();
    let rows = 0;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (!line) continue;
      const match = CHUNK_PREFIX.exec(line);
      if (!match) throw new RestoreError("the backup file is damaged (a line is not a table chunk)");
      const table = JSON.parse(match[1]!) as string;
      if (!tables.has(table)) throw new RestoreError(`the backup holds table "${table}", which this version does not have`);
      // Only the backup's columns are read from each row; a column added since keeps its default.
      let cols = backupColumns.get(table);
      if (!cols) {
        const { rows: keys } = await client.query<{ key: string }>(`SELECT jsonb_object_keys(($1::jsonb)->'rows'->0) AS key`, [line]);
        const present = new Set(keys.map((k) => k.key));
        cols = columnsOf.get(table)!.filter((c) => present.has(c)).map((c) => `"${c}"`).join(", ");
        backupColumns.set(table, cols);
      }
      const result = await client.query(`INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::"${table}", ($1::jsonb)->'rows')`, [line]);
      rows += result.rowCount ?? 0;
    }
    const expected = header.tables.reduce((sum, t) => sum + t.rows, 0);
    if (rows !== expected) throw new RestoreError(`the backup is incomplete: ${rows} rows read, its header lists ${expected}`);
    await continueSerialCounters(client);
    await client.query("COMMIT");
    return { tables: header.tables.length, rows };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

function parseHeader(line: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new RestoreError("not a LiveStreamSell backup (the first line is not its header)");
  }
  if (header.format !== BACKUP_FORMAT) throw new RestoreError("not a LiveStreamSell backup (unknown format)");
  if (header.version !== BACKUP_VERSION) throw new RestoreError(`backup format version ${String(header.version)} is not supported (this version reads ${BACKUP_VERSION})`);
  return header as BackupHeader;
}

/** Per table, the columns an INSERT may set (generated columns are computed, not restored). */
async function insertableColumns(client: pg.ClientBase): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.table, [...(map.get(r.table) ?? []), r.column]);
  return map;
}

/** SERIAL columns (invoice and order numbers) continue after the highest restored value. */
async function continueSerialCounters(client: pg.ClientBase) {
  const { rows } = await client.query<{ seq: string; table: string; column: string }>(
    `SELECT s.relname AS seq, t.relname AS table, a.attname AS column
       FROM pg_class s
       JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a'
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = s.relnamespace
      WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const r of rows) {
    await client.query(`SELECT setval('"${r.seq}"', COALESCE((SELECT max("${r.column}") FROM "${r.table}"), 0) + 1, false)`);
  }
}
