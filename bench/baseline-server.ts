// The baseline the portal is measured against: a bare Node HTTP server that, for each benchmarked
// path, runs the same SQL the portal's page ran (captured on the wire by bench/run.ts, with the same
// parameters and the same order and overlap) through `pg` and answers with a body of the page's byte
// size. What the portal spends beyond this is framework, rendering and our own code.
//
// Reads its plan as JSON on stdin: {databaseUrl, port, poolSize, routes: {[path]: {status, contentType,
// bodyBytes, statements: CapturedStatement[]}}}; prints "listening <port>" when ready.
import http from "node:http";
import pg from "pg";
import type { CapturedStatement } from "./pg-capture.ts";

interface Route {
  status: number;
  contentType: string;
  bodyBytes: number;
  statements: CapturedStatement[];
}

interface Plan {
  databaseUrl: string;
  port: number;
  poolSize: number;
  routes: Record<string, Route>;
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const plan = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Plan;

const pool = new pg.Pool({ connectionString: plan.databaseUrl, max: plan.poolSize });

interface PreparedRoute extends Route {
  body: Buffer;
  pinned: boolean;
  queries: { text: string; values: (string | Buffer | null)[] }[];
}

// Parameter types the client declared in Parse become casts, since `pg` sends every parameter untyped.
const typeNames = new Map<number, string>();
const declaredTypes = new Set(Object.values(plan.routes).flatMap((route) => route.statements.flatMap((statement) => statement.types)));
declaredTypes.delete(0);
if (declaredTypes.size > 0) {
  const result = await pool.query<{ oid: number; name: string }>(
    "SELECT oid::int AS oid, oid::regtype::text AS name FROM pg_type WHERE oid = ANY($1::oid[])",
    [[...declaredTypes]],
  );
  for (const row of result.rows) typeNames.set(row.oid, row.name);
}

function withDeclaredTypes(statement: CapturedStatement): string {
  if (!statement.types.some((oid) => oid !== 0)) return statement.text;
  return statement.text.replace(/\$(\d+)\b/g, (match, digits: string) => {
    const name = typeNames.get(statement.types[Number(digits) - 1] ?? 0);
    return name ? `(${match}::${name})` : match;
  });
}

const routes = new Map<string, PreparedRoute>();
for (const [path, route] of Object.entries(plan.routes)) {
  routes.set(path, {
    ...route,
    body: Buffer.alloc(route.bodyBytes, "x"),
    // Statements inside a transaction must share their connection, as they did in the portal.
    pinned: route.statements.some((statement) => /^\s*(BEGIN|START\s+TRANSACTION)/i.test(statement.text)),
    queries: route.statements.map((statement) => ({
      text: withDeclaredTypes(statement),
      values: statement.values.map((value, index) => (value === null ? null : statement.binary[index] ? Buffer.from(value, "base64") : value)),
    })),
  });
}

async function replay(route: PreparedRoute): Promise<void> {
  const { statements, queries } = route;
  const clients = new Map<number, Promise<pg.PoolClient>>();
  const clientFor = (connection: number) => {
    let client = clients.get(connection);
    if (!client) clients.set(connection, (client = pool.connect()));
    return client;
  };
  const done: Promise<unknown>[] = [];
  try {
    statements.forEach((statement, index) => {
      const query = queries[index]!;
      done[index] = Promise.all(statement.after.map((earlier) => done[earlier])).then(async () =>
        route.pinned ? (await clientFor(statement.connection)).query(query) : pool.query(query),
      );
    });
    await Promise.all(done);
  } finally {
    for (const client of clients.values()) (await client).release();
  }
}

const server = http.createServer((request, response) => {
  const route = routes.get((request.url ?? "/").split("?")[0]!);
  if (!route) {
    response.writeHead(404).end();
    return;
  }
  replay(route).then(
    () => {
      response.writeHead(route.status, { "Content-Type": route.contentType, "Content-Length": route.body.length });
      response.end(route.body);
    },
    (error: unknown) => {
      console.error(error);
      response.writeHead(500).end(String(error));
    },
  );
});

// One round of every route before saying ready, so a broken statement shows at once.
for (const route of routes.values()) await replay(route);
server.listen(plan.port, "127.0.0.1", () => console.log(`listening ${plan.port}`));

function shutDown() {
  server.close();
  void pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", shutDown);
process.on("SIGINT", shutDown);
