/** German texts of trail; the English twin is en.trail.ts. */
export const trailDe = {
} as const;
