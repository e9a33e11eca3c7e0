// A loopback TCP proxy in front of PostgreSQL that records the statements a client sends (PostgreSQL
// wire protocol v3, frontend side: Parse/Bind and simple Query) and when each one's answer ends
// (backend ReadyForQuery). The bench puts it between a throw-away server instance and the database to
// learn which SQL a page really runs, so the baseline server can run the very same statements.
import net from "node:net";

export interface CapturedStatement {
  /** Which client connection sent it; statements of one connection run in order on it. */
  connection: number;
  text: string;
  /** Parameter values as sent: text, or base64 when the client sent them in binary. */
  values: (string | null)[];
  binary: boolean[];
  /** Type OIDs the client declared in Parse (0 = let the server infer). */
  types: number[];
  /** Indexes (into the same capture) of the statements whose answers had ended before this one was sent. */
  after: number[];
}

interface PendingStatement {
  index: number;
}

export class PgCapture {
  private server: net.Server;
  private sockets = new Set<net.Socket>();
  private recording: CapturedStatement[] | null = null;
  private completed = new Set<number>();
  private nextConnection = 1;
  port = 0;

  constructor(
    private target: { host: string; port: number },
    private ignore: (text: string) => boolean = () => false,
  ) {
    this.server = net.createServer((client) => this.handle(client));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => {
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  /** Starts recording; `stop` returns what was sent in between. */
  start(): void {
    this.recording = [];
    this.completed = new Set();
  }

  stop(): CapturedStatement[] {
    const recorded = this.recording ?? [];
    this.recording = null;
    return recorded;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(client: net.Socket): void {
    const connection = this.nextConnection++;
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);

    // Per connection: named prepared statements, the last unnamed Parse, and the statements whose
    // ReadyForQuery is still to come (one per Sync or simple Query, in order).
    const prepared = new Map<string, { text: string; types: number[] }>();
    const awaiting: (PendingStatement | null)[] = [];
    let startupDone = false;
    let skipBackendBytes = 0;
    let frontend = Buffer.alloc(0);
    let backend = Buffer.alloc(0);
    let statementSinceSync: PendingStatement | null = null;

    const record = (text: string, values: (string | null)[], binary: boolean[], types: number[]): PendingStatement | null => {
      if (!this.recording || this.ignore(text)) return null;
      const index = this.recording.length;
      this.recording.push({ connection, text, values, binary, types, after: [...this.completed] });
      return { index };
    };

    client.on("data", (chunk) => {
      upstream.write(chunk);
      frontend = Buffer.concat([frontend, chunk]);
      for (;;) {
        if (!startupDone) {
          if (frontend.length < 8) return;
          const length = frontend.readInt32BE(0);
          if (frontend.length < length) return;
          const code = frontend.readInt32BE(4);
          if (code === 80877103 || code === 80877104) skipBackendBytes = 1; // SSL/GSS request: one-byte answer
          else startupDone = true;
          frontend = frontend.subarray(length);
          continue;
        }
        if (frontend.length < 5) return;
        const type = String.fromCharCode(frontend[0]!);
        const length = frontend.readInt32BE(1);
        if (frontend.length < 1 + length) return;
        const body = frontend.subarray(5, 1 + length);
        frontend = frontend.subarray(1 + length);
        if (type === "P") {
          let offset = 0;
          const name = cString(body, offset);
          offset += Buffer.byteLength(name) + 1;
          const text = cString(body, offset);
          offset += Buffer.byteLength(text) + 1;
          const count = body.readInt16BE(offset);
          offset += 2;
          const types: number[] = [];
          for (let i = 0; i < count; i++) types.push(body.readInt32BE(offset + 4 * i));
          prepared.set(name, { text, types });
        } else if (type === "B") {
          let offset = 0;
          const portal = cString(body, offset);
          offset += Buffer.byteLength(portal) + 1;
          const name = cString(body, offset);
          offset += Buffer.byteLength(name) + 1;
          const formatCount = body.readInt16BE(offset);
          offset += 2;
          const formats: number[] = [];
          for (let i = 0; i < formatCount; i++) formats.push(body.readInt16BE(offset + 2 * i));
          offset += 2 * formatCount;
          const count = body.readInt16BE(offset);
          offset += 2;
          const values: (string | null)[] = [];
          const binary: boolean[] = [];
          for (let i = 0; i < count; i++) {
            const size = body.readInt32BE(offset);
            offset += 4;
            const isBinary = (formatCount === 1 ? formats[0] : formats[i]) === 1;
            binary.push(isBinary);
            if (size < 0) values.push(null);
            else {
              const bytes = body.subarray(offset, offset + size);
              values.push(isBinary ? bytes.toString("base64") : bytes.toString("utf8"));
              offset += size;
            }
          }
          const statement = prepared.get(name);
          if (statement) statementSinceSync = record(statement.text, values, binary, statement.types) ?? statementSinceSync;
        } else if (type === "S") {
          awaiting.push(statementSinceSync);
          statementSinceSync = null;
        } else if (type === "Q") {
          awaiting.push(record(cString(body, 0), [], [], []));
        }
      }
    });

    upstream.on("data", (chunk) => {
      client.write(chunk);
      backend = Buffer.concat([backend, chunk]);
      if (skipBackendBytes > 0) {
        const skipped = Math.min(skipBackendBytes, backend.length);
        backend = backend.subarray(skipped);
        skipBackendBytes -= skipped;
      }
      for (;;) {
        if (backend.length < 5) return;
        const type = String.fromCharCode(backend[0]!);
        const length = backend.readInt32BE(1);
        if (backend.length < 1 + length) return;
        backend = backend.subarray(1 + length);
        if (type === "Z") {
          const done = awaiting.shift();
          if (done && this.recording) this.completed.add(done.index);
        }
      }
    });
  }
}

function cString(buffer: Buffer, offset: number): string {
  const end = buffer.indexOf(0, offset);
  return buffer.toString("utf8", offset, end < 0 ? buffer.length : end);
}

/** Keeps only the direct predecessors: drops dependencies already implied by another dependency. */
export function reduceDependencies(statements: CapturedStatement[]): CapturedStatement[] {
  return statements.map((statement) => {
    const implied = new Set<number>();
    for (const dependency of statement.after) for (const earlier of statements[dependency]!.after) implied.add(earlier);
    return { ...statement, after: statement.after.filter((dependency) => !implied.has(dependency)) };
  });
}
