/** German texts of the files area; the English twin is en.files.ts. */
export const filesDe = {} as const;
