import type { Database } from "../../app/server/db.server";
import type { ExpectedDefault, ForeignKeyShape, IndexShape, KeyShape, ReferentialAction } from "./prisma-schema";

/**
 * What a migrated database holds in its current schema, read from pg_catalog in the same shape as
 * `expectedDatabase()` so the two compare with `toEqual`. Column defaults are raw expressions;
 * `describeDefault` turns them (and expected ones) into comparable text.
 */
export interface ActualColumn {
  type: string;
  nullable: boolean;
  /** `pg_get_expr` of the default, or an identity/generated marker; null when there is none. */
  default: string | null;
}

export interface ActualDatabase {
  /** Tables, views, materialized views and foreign tables, as `name` (tables) or `name (kind)`. */
  tables: string[];
  enums: Record<string, string[]>;
  columns: Record<string, Record<string, ActualColumn>>;
  primaryKeys: Record<string, KeyShape>;
  indexes: Record<string, Record<string, IndexShape>>;
  foreignKeys: Record<string, Record<string, ForeignKeyShape>>;
}

const RELATION_KINDS: Record<string, string> = {
  r: "",
  p: " (partitioned table)",
  v: " (view)",
  m: " (materialized view)",
  f: " (foreign table)",
};

const ACTIONS: Record<string, ReferentialAction> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

/** Prisma's bookkeeping table, the only one the schema does not describe. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export async function introspectDatabase(db: Database): Promise<ActualDatabase> {
  const query = <T>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);

  const relations = await query<{ name: string; kind: string }>(`
    SELECT c.relname::text AS name, c.relkind::text AS kind
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`);

  const enumRows = await query<{ type: string; value: string }>(`
    SELECT t.typname::text AS type, e.enumlabel::text AS value
    FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE n.nspname = current_schema() AND t.typtype = 'e'
    ORDER BY t.typname, e.enumsortorder`);

  const columnRows = await query<{
    table: string;
    column: string;
    type: string;
    notNull: boolean;
    default: string | null;
    identity: string;
    generated: string;
  }>(`
    SELECT c.relname::text AS "table",
           a.attname::text AS "column",
           CASE WHEN t.typtype = 'e' THEN 'enum:' || t.typname::text
                WHEN et.typtype = 'e' THEN 'enum:' || et.typname::text || '[]'
                ELSE format_type(a.atttypid, a.atttypmod) END AS "type",
           a.attnotnull AS "notNull",
           pg_get_expr(d.adbin, d.adrelid) AS "default",
           a.attidentity::text AS "identity",
           a.attgenerated::text AS "generated"
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`);

  const constraintRows = await query<{
    table: string;
    name: string;
    kind: string;
    column: string;
    referencedTable: string | null;
    referencedColumn: string | null;
    onDelete: string;
    onUpdate: string;
  }>(`
    SELECT c.relname::text AS "table",
           con.conname::text AS "name",
           con.contype::text AS "kind",
           a.attname::text AS "column",
           rc.relname::text AS "referencedTable",
           ra.attname::text AS "referencedColumn",
           con.confdeltype::text AS "onDelete",
           con.confupdtype::text AS "onUpdate"
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(con.conkey, coalesce(con.confkey, con.conkey)) WITH ORDINALITY AS k(attnum, refattnum, position)
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
    LEFT JOIN pg_class rc ON rc.oid = con.confrelid
    LEFT JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refattnum
    WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f')
    ORDER BY c.relname, con.conname, k.position`);

  const indexRows = await query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    partial: boolean;
    keyColumns: number;
    position: number;
    column: string | null;
    expression: string | null;
    descending: boolean;
  }>(`
    SELECT c.relname::text AS "table",
           ic.relname::text AS "name",
           i.indisunique AS "unique",
           i.indisprimary AS "primary",
           am.amname::text AS "method",
           (i.indpred IS NOT NULL) AS "partial",
           i.indnkeyatts::int AS "keyColumns",
           k.position::int AS "position",
           a.attname::text AS "column",
           CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.position::int, true) END AS "expression",
           (coalesce((i.indoption::int2[])[k.position - 1], 0) & 1) = 1 AS "descending"
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_am am ON am.oid = ic.relam
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE n.nspname = current_schema()
    ORDER BY c.relname, ic.relname, k.position`);

  const actual: ActualDatabase = { tables: [], enums: {}, columns: {}, primaryKeys: {}, indexes: {}, foreignKeys: {} };

  for (const relation of relations) actual.tables.push(`${relation.name}${RELATION_KINDS[relation.kind] ?? ` (relkind ${relation.kind})`}`);
  actual.tables.sort();

  for (const row of enumRows) (actual.enums[row.type] ??= []).push(row.value);

  for (const row of columnRows) {
    let columnDefault = row.default;
    if (row.identity) columnDefault = `GENERATED ${row.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`;
    if (row.generated) columnDefault = `GENERATED ALWAYS AS (${row.default}) STORED`;
    (actual.columns[row.table] ??= {})[row.column] = { type: row.type, nullable: !row.notNull, default: columnDefault };
  }

  for (const row of constraintRows) {
    if (row.kind === "p") {
      const key = (actual.primaryKeys[row.table] ??= { name: row.name, columns: [] });
      if (key.name !== row.name) throw new Error(`${row.table} has two primary keys?`);
      key.columns.push(row.column);
    } else {
      const foreignKey = ((actual.foreignKeys[row.table] ??= {})[row.name] ??= {
        columns: [],
        referencedTable: row.referencedTable ?? "?",
        referencedColumns: [],
        onDelete: ACTIONS[row.onDelete] ?? (`?${row.onDelete}` as ReferentialAction),
        onUpdate: ACTIONS[row.onUpdate] ?? (`?${row.onUpdate}` as ReferentialAction),
      });
      foreignKey.columns.push(row.column);
      foreignKey.referencedColumns.push(row.referencedColumn ?? "?");
    }
  }

  for (const row of indexRows) {
    // The primary key's index is the primary key; it is compared there (its name too, via the constraint).
    if (row.primary) continue;
    const index = ((actual.indexes[row.table] ??= {})[row.name] ??= {
      unique: row.unique,
      columns: [],
      method: row.method,
      partial: row.partial,
      included: [],
    });
    const column = row.column ?? `(${row.expression})`;
    if (row.position <= row.keyColumns) index.columns.push(`${column}${row.descending ? " DESC" : ""}`);
    else index.included.push(column);
  }

  // Tables without indexes/foreign keys still get an (empty) entry, as in the expected shape.
  for (const relation of relations) {
    actual.indexes[relation.name] ??= {};
    actual.foreignKeys[relation.name] ??= {};
    actual.columns[relation.name] ??= {};
  }
  return actual;
}

/**
 * A column default as comparable text: `now()`, `autoincrement()`, `dbgenerated(…)`, `= <value>`
 * for literals (PostgreSQL evaluates the expression and casts it to text, so `'{}'::jsonb`, `'{}'`
 * and `'DRAFT'::"CallStatus"` compare by value), or `null`.
 */
export async function describeDefault(db: Database, value: ExpectedDefault | string | null): Promise<string | null> {
  if (value === null || value === "now()" || value === "autoincrement()") return value;
  const evaluate = async (sql: string) => {
    try {
      const [row] = await db.prisma.$queryRawUnsafe<{ value: string | null }[]>(`SELECT (${sql})::text AS value`);
      return `= ${row?.value === null ? "NULL" : JSON.stringify(row?.value)}`;
    } catch (error) {
      return `cannot evaluate ${sql}: ${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}`;
    }
  };
  if (typeof value === "object") {
    if ("dbgenerated" in value) return `dbgenerated(${value.dbgenerated})`;
    return evaluate(`'${value.literal.replaceAll("'", "''")}'::${value.castTo}`);
  }
  // An expression read from the database.
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(value)) return "now()";
  // Prisma renders autoincrement() as SERIAL; an identity column is something else and stays as is.
  if (/^nextval\('.+'::regclass\)$/.test(value)) return "autoincrement()";
  if (value.startsWith("GENERATED ")) return value;
  if (/\b(nextval|random|gen_random_uuid|uuid_generate_v4|clock_timestamp|statement_timestamp|timeofday)\s*\(/i.test(value)) {
    return `dbgenerated(${value})`;
  }
  return evaluate(value);
}
