import type { Server, ServerResponse } from "node:http";

/** Grace period of a stop when SHUTDOWN_GRACE_SECONDS is not set: an upload at the size limit over a slow line. */
const DEFAULT_GRACE_SECONDS = 60;

/**
 * How long a stop waits for requests in flight (SHUTDOWN_GRACE_SECONDS). Whatever stops the portal
 * (systemd, Docker, Kubernetes) must wait a little longer than this before it kills the process.
 */
export function shutdownGraceMs(setting = process.env.SHUTDOWN_GRACE_SECONDS): number {
  if (setting === undefined || setting === "") return DEFAULT_GRACE_SECONDS * 1000;
  const seconds = Number(setting);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`SHUTDOWN_GRACE_SECONDS must be a number of seconds, not "${setting}"`);
  }
  return seconds * 1000;
}

export interface RequestDrain {
  /**
   * Stops accepting connections and ends every connection once its request in flight is answered;
   * resolves when all are closed, or after `graceMs` with the requests then still open cut off.
   */
  drain(graceMs: number): Promise<{ cutOff: number }>;
}

/** One turn of the event loop including its I/O phase (an immediate scheduled from a timer runs after the poll). */
const afterPendingInput = () => new Promise<void>((resolve) => setTimeout(() => setImmediate(resolve), 0));

/**
 * Watches the requests of `server` so that a stop can let them finish. Call once, right after
 * `listen`.
 */
export function watchRequests(server: Server): RequestDrain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let onIdle: (() => void) | undefined;

  server.on("request", (_request, response: ServerResponse) => {
    inFlight.add(response);
    // During a stop every answer tells the client to open a new connection (elsewhere) next time.
    if (draining) response.setHeader("Connection", "close");
    response.once("close", () => {
      inFlight.delete(response);
      if (draining) onIdle?.();
    });
  });

  return {
    async drain(graceMs) {
      draining = true;
      // Connections waiting to be accepted and requests that already arrived are read in this turn:
      // they are then in flight and get their answer, where closing at once would reset them.
      await afterPendingInput();
      for (const response of inFlight) if (!response.headersSent) response.setHeader("Connection", "close");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // server.close ends the idle keep-alive connections now; those whose answer was already on its
      // way with "keep-alive" become idle when it is sent, and are ended then.
      onIdle = () => setImmediate(() => server.closeIdleConnections());
      let timer: ReturnType<typeof setTimeout> | undefined;
      const graceOver = new Promise<"grace over">((resolve) => {
        timer = setTimeout(() => resolve("grace over"), graceMs);
      });
      const outcome = await Promise.race([closed, graceOver]);
      clearTimeout(timer);
      if (outcome !== "grace over") return { cutOff: 0 };
      const cutOff = inFlight.size;
      server.closeAllConnections();
      await closed;
      return { cutOff };
    },
  };
}
