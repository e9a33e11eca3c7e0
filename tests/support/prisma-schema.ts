import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Reads `prisma/schema.prisma` with Prisma's own schema parser: the WebAssembly build of
 * `@prisma/prisma-schema-wasm` that the `prisma` CLI ships as `build/prisma_schema_build_bg.wasm`
 * (the CLI bundles the JS glue into `build/cli.js`; the npm package of the exact version is not
 * published, so this file is the glue: four imports, `get_dmmf` and wasm-bindgen's calling
 * convention). From the DMMF it derives the database Prisma Migrate would create on PostgreSQL.
 */

// ---------------------------------------------------------------------------------------------
// The DMMF datamodel (the parts read here)

export type DmmfDefault =
  | string
  | number
  | boolean
  | readonly unknown[]
  | { name: string; args: readonly unknown[] };

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
  uniqueFields: string[][];
  uniqueIndexes: { name: string | null; fields: string[] }[];
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  isDefinedOnField: boolean;
  name?: string;
  dbName?: string;
  algorithm?: string;
  clustered?: boolean;
  where?: unknown;
  fields: { name: string; sortOrder?: "asc" | "desc"; length?: number; operatorClass?: string }[];
}

export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  types: unknown[];
  indexes?: DmmfIndex[];
}

// ---------------------------------------------------------------------------------------------
// The parser

let compiledParser: WebAssembly.Module | undefined;

function parserModule(): WebAssembly.Module {
  if (!compiledParser) {
    const require = createRequire(import.meta.url);
    const cliDirectory = path.dirname(require.resolve("prisma/package.json"));
    compiledParser = new WebAssembly.Module(readFileSync(path.join(cliDirectory, "build", "prisma_schema_build_bg.wasm")));
  }
  return compiledParser;
}

interface SchemaWasmExports {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(pointer: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  /** Returns [pointer, length, error index, is error] (wasm multi-value). */
  get_dmmf(pointer: number, length: number): [number, number, number, number];
}

/** Prisma's `get_dmmf` on `schema` (the text of a schema.prisma); throws the parser's validation errors. */
export function getDmmf(schema: string): { datamodel: DmmfDatamodel } {
  // A fresh instance per call: a Rust panic leaves an instance unusable.
  // The imports need the instance they are given to; they reach it through this holder.
  const instance: { exports?: SchemaWasmExports; panicMessage?: string } = {};
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const readString = (pointer: number, length: number) =>
    decoder.decode(new Uint8Array(instance.exports!.memory.buffer, pointer >>> 0, length >>> 0));

  // The generated import names carry a hash (`__wbg_Error_e83987f665cf5504`); match on the stem so
  // a newer CLI keeps working as long as it needs nothing new.
  const implementations: Record<string, (...args: number[]) => unknown> = {
    __wbg_set_message_: (pointer, length) => void (instance.panicMessage = readString(pointer, length)),
    __wbg_Error_: (pointer, length) => new Error(readString(pointer, length)),
    __wbg___wbindgen_throw_: (pointer, length) => {
      throw new Error(readString(pointer, length));
    },
    __wbindgen_init_externref_table: () => {
      const table = instance.exports!.__wbindgen_externrefs;
      const offset = table.grow(4);
      table.set(0, undefined);
      table.set(offset + 0, undefined);
      table.set(offset + 1, null);
      table.set(offset + 2, true);
      table.set(offset + 3, false);
    },
  };
  const imports: Record<string, Record<string, (...args: number[]) => unknown>> = {};
  for (const { module, name } of WebAssembly.Module.imports(parserModule())) {
    const stem = Object.keys(implementations).find((key) => name === key || name.startsWith(key));
    if (!stem) throw new Error(`prisma_schema_build_bg.wasm wants an import this loader lacks: ${module}.${name}`);
    (imports[module] ??= {})[name] = implementations[stem]!;
  }
  const wasm = new WebAssembly.Instance(parserModule(), imports).exports as unknown as SchemaWasmExports;
  instance.exports = wasm;
  wasm.__wbindgen_start();

  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: schema, noColor: true }));
  const inputPointer = wasm.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer, inputPointer, input.length).set(input);
  let result: [number, number, number, number];
  try {
    result = wasm.get_dmmf(inputPointer, input.length);
  } catch (error) {
    if (instance.panicMessage) throw new Error(`The Prisma schema parser panicked: ${instance.panicMessage}`, { cause: error });
    throw error;
  }
  const [pointer, length, errorIndex, failed] = result;
  if (failed) {
    const error: unknown = wasm.__wbindgen_externrefs.get(errorIndex);
    wasm.__externref_table_dealloc(errorIndex);
    const message = error instanceof Error ? error.message : String(error);
    let parsed: { message?: string } | undefined;
    try {
      parsed = JSON.parse(message) as { message?: string };
    } catch {
      // not the usual JSON error
    }
    throw new Error(`The Prisma schema does not validate:\n${parsed?.message ?? message}`);
  }
  try {
    return JSON.parse(readString(pointer, length)) as { datamodel: DmmfDatamodel };
  } finally {
    wasm.__wbindgen_free(pointer, length, 1);
  }
}

export function readPrismaDatamodel(schemaPath = "prisma/schema.prisma"): DmmfDatamodel {
  return getDmmf(readFileSync(schemaPath, "utf8")).datamodel;
}

// ---------------------------------------------------------------------------------------------
// The database Prisma Migrate derives from a datamodel (PostgreSQL, relationMode "foreignKeys")

/** What a column's default should be; literals are compared by PostgreSQL after a cast to the column's type. */
export type ExpectedDefault =
  | null
  | "now()"
  | "autoincrement()"
  | { dbgenerated: string }
  | { literal: string; castTo: string };

export interface ExpectedColumn {
  /** `format_type()` spelling, or `enum:<name>` for an enum (`[]` appended for lists). */
  type: string;
  nullable: boolean;
  default: ExpectedDefault;
}

export interface KeyShape {
  name: string;
  columns: string[];
}

export interface IndexShape {
  unique: boolean;
  /** Key columns in order, `"col DESC"` for a descending one. */
  columns: string[];
  method: string;
  partial: boolean;
  included: string[];
}

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface ExpectedDatabase {
  tables: string[];
  enums: Record<string, string[]>;
  columns: Record<string, Record<string, ExpectedColumn>>;
  primaryKeys: Record<string, KeyShape>;
  /** Per table, by index name; the primary key's index is not listed. */
  indexes: Record<string, Record<string, IndexShape>>;
  /** Per table, by constraint name. */
  foreignKeys: Record<string, Record<string, ForeignKeyShape>>;
}

const POSTGRES_MAX_IDENTIFIER_BYTES = 63;

/** Cuts `text` to at most `bytes` UTF-8 bytes without splitting a character (Rust's floor_char_boundary). */
function truncateBytes(text: string, bytes: number): string {
  let out = "";
  for (const character of text) {
    if (Buffer.byteLength(out + character) > bytes) break;
    out += character;
  }
  return out;
}

/** Prisma's default constraint names (psl-core `ConstraintNames`), with its truncation to 63 bytes. */
export const constraintNames = {
  primaryKey(table: string): string {
    const limit = POSTGRES_MAX_IDENTIFIER_BYTES - "_pkey".length;
    return `${Buffer.byteLength(table) >= limit ? truncateBytes(table, limit) : table}_pkey`;
  },
  withColumns(table: string, columns: string[], suffix: "_key" | "_idx" | "_fkey"): string {
    const joined = `${table}_${columns.join("_")}`;
    const limit = POSTGRES_MAX_IDENTIFIER_BYTES - suffix.length;
    return `${Buffer.byteLength(joined) >= limit ? truncateBytes(joined, limit) : joined}${suffix}`;
  },
};

/** Prisma's column types on PostgreSQL for scalars without `@db.*`. */
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** `@db.*` native types as PostgreSQL's `format_type()` spells the column Prisma renders for them. */
function nativeColumnType([name, args]: [string, string[]]): string {
  const parenthesised = args.length > 0 ? `(${args.join(",")})` : "";
  const precision = args.length > 0 ? `(${args[0]})` : "";
  switch (name) {
    case "Text":
    case "Uuid":
    case "Xml":
    case "Inet":
    case "Citext":
    case "Money":
    case "Oid":
    case "Date":
    case "Json":
    case "Boolean":
    case "Real":
    case "SmallInt":
    case "Integer":
    case "BigInt":
      return {
        Text: "text",
        Uuid: "uuid",
        Xml: "xml",
        Inet: "inet",
        Citext: "citext",
        Money: "money",
        Oid: "oid",
        Date: "date",
        Json: "json",
        Boolean: "boolean",
        Real: "real",
        SmallInt: "smallint",
        Integer: "integer",
        BigInt: "bigint",
      }[name];
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    case "DoublePrecision":
      return "double precision";
    case "Decimal":
      return `numeric${parenthesised}`;
    case "VarChar":
      return `character varying${parenthesised}`;
    // PostgreSQL's CHAR and BIT without a length are of length 1.
    case "Char":
      return `character${parenthesised || "(1)"}`;
    case "Bit":
      return `bit${parenthesised || "(1)"}`;
    case "VarBit":
      return `bit varying${parenthesised}`;
    case "Timestamp":
      return `timestamp${precision} without time zone`;
    case "Timestamptz":
      return `timestamp${precision} with time zone`;
    case "Time":
      return `time${precision} without time zone`;
    case "Timetz":
      return `time${precision} with time zone`;
    default:
      throw new Error(`No PostgreSQL type known for @db.${name}: extend nativeColumnType() in ${import.meta.url}`);
  }
}

const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

export function expectedDatabase(datamodel: DmmfDatamodel): ExpectedDatabase {
  const allIndexes: DmmfIndex[] | undefined = datamodel.indexes;
  if (!allIndexes) throw new Error("This DMMF has no datamodel.indexes; the Prisma CLI is older than this check expects.");
  if (datamodel.types.length > 0) throw new Error("Composite types exist only on MongoDB.");

  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enums = new Map(datamodel.enums.map((enumeration) => [enumeration.name, enumeration]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`${model.name} has no field ${fieldName}`);
    return field.dbName ?? field.name;
  };
  const enumName = (enumeration: DmmfEnum) => enumeration.dbName ?? enumeration.name;

  const expected: ExpectedDatabase = { tables: [], enums: {}, columns: {}, primaryKeys: {}, indexes: {}, foreignKeys: {} };

  for (const enumeration of datamodel.enums) {
    expected.enums[enumName(enumeration)] = enumeration.values.map((value) => value.dbName ?? value.name);
  }

  for (const model of datamodel.models) {
    if (model.schema) throw new Error(`${model.name} uses multiSchema, which this check does not handle.`);
    const table = tableOf(model);
    expected.tables.push(table);

    // Columns
    const columns: Record<string, ExpectedColumn> = {};
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      if (field.kind === "unsupported") throw new Error(`${model.name}.${field.name} has an Unsupported type.`);
      let type: string;
      if (field.kind === "enum") {
        const enumeration = enums.get(field.type);
        if (!enumeration) throw new Error(`Unknown enum ${field.type}`);
        type = `enum:${enumName(enumeration)}`;
      } else if (field.nativeType) {
        type = nativeColumnType(field.nativeType);
      } else {
        const scalar = SCALAR_TYPES[field.type];
        if (!scalar) throw new Error(`No PostgreSQL type known for ${model.name}.${field.name}: ${field.type}`);
        type = scalar;
      }
      const castTo = field.kind === "enum" ? `"${type.slice("enum:".length).replaceAll('"', '""')}"` : type;
      if (field.isList) type += "[]";

      let columnDefault: ExpectedDefault = null;
      const value = field.default;
      if (value !== undefined) {
        if (field.isList) throw new Error(`${model.name}.${field.name}: defaults of scalar lists are not handled by this check.`);
        if (typeof value === "object" && !Array.isArray(value) && "name" in value) {
          if (value.name === "now") columnDefault = "now()";
          else if (value.name === "autoincrement") columnDefault = "autoincrement()";
          else if (value.name === "dbgenerated") columnDefault = { dbgenerated: String(value.args[0] ?? "") };
          else if (!CLIENT_SIDE_DEFAULTS.has(value.name)) {
            throw new Error(`${model.name}.${field.name}: unknown default function ${value.name}()`);
          }
        } else if (field.kind === "enum") {
          const enumeration = enums.get(field.type)!;
          const member = enumeration.values.find((candidate) => candidate.name === value);
          columnDefault = { literal: member?.dbName ?? String(value), castTo };
        } else {
          columnDefault = { literal: String(value), castTo };
        }
      }
      if (!field.hasDefaultValue && value !== undefined) throw new Error(`${model.name}.${field.name}: default without hasDefaultValue`);

      // Prisma renders scalar lists as `type[]` without NOT NULL (a list is never optional in the schema).
      columns[field.dbName ?? field.name] = { type, nullable: !field.isRequired || field.isList, default: columnDefault };
    }
    expected.columns[table] = columns;

    // Indexes and the primary key, from datamodel.indexes, cross-checked against the per-model flags.
    const indexes: Record<string, IndexShape> = {};
    const modelIndexes: DmmfIndex[] = allIndexes.filter((index) => index.model === model.name);
    for (const index of modelIndexes) {
      if (index.where !== undefined) throw new Error(`${model.name}: partial indexes are not handled by this check.`);
      if (index.type === "fulltext") throw new Error(`${model.name}: @@fulltext does not exist on PostgreSQL.`);
      const indexColumns = index.fields.map((field) => columnOf(model, field.name));
      if (index.type === "id") {
        expected.primaryKeys[table] = { name: index.dbName ?? constraintNames.primaryKey(table), columns: indexColumns };
        continue;
      }
      for (const field of index.fields) {
        if (field.operatorClass) throw new Error(`${model.name}: index operator classes are not handled by this check.`);
      }
      const name = index.dbName ?? constraintNames.withColumns(table, indexColumns, index.type === "unique" ? "_key" : "_idx");
      if (indexes[name]) throw new Error(`${model.name}: two indexes named ${name}`);
      indexes[name] = {
        unique: index.type === "unique",
        columns: index.fields.map((field, position) => `${indexColumns[position]}${field.sortOrder === "desc" ? " DESC" : ""}`),
        method: (index.algorithm ?? "BTree").toLowerCase(),
        partial: false,
        included: [],
      };
    }
    expected.indexes[table] = indexes;

    const idFields = model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
    const primaryKey = expected.primaryKeys[table];
    if (idFields.length === 0) throw new Error(`${model.name} has no primary key; Prisma requires @id/@@id or a unique criterion.`);
    if (!primaryKey || JSON.stringify(primaryKey.columns) !== JSON.stringify(idFields.map((name) => columnOf(model, name)))) {
      throw new Error(`${model.name}: datamodel.indexes and the model's @id/@@id disagree`);
    }
    const uniqueSets = [
      ...model.fields.filter((field) => field.isUnique).map((field) => [field.name]),
      ...model.uniqueIndexes.map((unique) => unique.fields),
    ].map((fields) => JSON.stringify(fields.map((name) => columnOf(model, name))));
    const uniqueIndexSets = modelIndexes
      .filter((index) => index.type === "unique")
      .map((index) => JSON.stringify(index.fields.map((field) => columnOf(model, field.name))));
    if (JSON.stringify(uniqueSets.sort()) !== JSON.stringify(uniqueIndexSets.sort())) {
      throw new Error(`${model.name}: datamodel.indexes and the model's @unique/@@unique disagree`);
    }

    // Foreign keys: one per relation field that holds `fields:`.
    const foreignKeys: Record<string, ForeignKeyShape> = {};
    for (const field of model.fields) {
      if (field.kind !== "object") continue;
      const fromFields = field.relationFromFields ?? [];
      const target = models.get(field.type);
      if (!target) throw new Error(`Unknown model ${field.type}`);
      if (fromFields.length === 0) {
        const backRelation = target.fields.find(
          (candidate) => candidate.relationName === field.relationName && candidate !== field && candidate.kind === "object",
        );
        if (field.isList && backRelation?.isList) {
          throw new Error(`${model.name}.${field.name}: implicit many-to-many relations are not handled by this check.`);
        }
        continue;
      }
      const fkColumns = fromFields.map((name) => columnOf(model, name));
      const fromScalars = fromFields.map((name) => model.fields.find((candidate) => candidate.name === name)!);
      // psl: the referential arity is Required when any referencing scalar is required; the default
      // onDelete is then Restrict, otherwise SetNull. onUpdate defaults to Cascade.
      const required = fromScalars.some((scalar) => scalar.isRequired) || field.isRequired;
      // A `map:` on @relation is not in the DMMF: a custom constraint name shows up as a mismatch.
      const name = constraintNames.withColumns(table, fkColumns, "_fkey");
      foreignKeys[name] = {
        columns: fkColumns,
        referencedTable: tableOf(target),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
        onDelete: (field.relationOnDelete ?? (required ? "Restrict" : "SetNull")) as ReferentialAction,
        onUpdate: (field.relationOnUpdate ?? "Cascade") as ReferentialAction,
      };
    }
    expected.foreignKeys[table] = foreignKeys;
  }

  expected.tables.sort();
  return expected;
}
