/** The client's address as the server entry determined it (scripts/start.mjs, TRUST_PROXY). */
export function clientAddressOf(context: { clientAddress?: unknown }): string {
  return typeof context.clientAddress === "string" ? context.clientAddress : "unknown";
}

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6 (how Node reports a dual-stack socket). */
export function isLoopbackAddress(address: string): boolean {
  const ipv4 = address.toLowerCase().startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4)) return true;
  return address === "::1" || address === "0:0:0:0:0:0:0:1";
}

const FORWARDING_HEADERS = ["Forwarded", "X-Forwarded-For", "X-Real-IP"];

/**
 * Whether the request comes from the machine the portal runs on: a loopback address, not relayed by
 * a proxy. A reverse proxy on the same machine connects from loopback for every visitor it relays, and
 * it says so in a forwarding header; such a request is somebody else's.
 */
export function requestFromThisMachine(request: Request, context: { clientAddress?: unknown }): boolean {
  if (FORWARDING_HEADERS.some((header) => request.headers.has(header))) return false;
  return isLoopbackAddress(clientAddressOf(context));
}
