/** German texts of the applications area; the English twin is en.applications.ts. */
export const applicationsDe = {} as const;
