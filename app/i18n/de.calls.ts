/** German texts of the calls area; the English twin is en.calls.ts. */
export const callsDe = {} as const;
