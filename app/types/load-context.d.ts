import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The CSP nonce of this response. */
    nonce?: string;
    /** The client's IP address, for rate limits. */
    clientAddress?: string;
  }
}
