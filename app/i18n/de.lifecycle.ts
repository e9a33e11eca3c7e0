/** German texts of lifecycle; the English twin is en.lifecycle.ts. */
export const lifecycleDe = {
} as const;
