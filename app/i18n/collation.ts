/**
 * Names sorted as a German reader expects: case and umlauts do not split the alphabet ("explorhino"
 * among the e's, "Ökoschule" among the o's), and numbers inside names count as numbers ("Runde 10"
 * after "Runde 9"). The database sorts by code points, so every list of names is sorted with this.
 */
const germanCollator = new Intl.Collator("de", { numeric: true });

export function compareGerman(a: string, b: string): number {
  return germanCollator.compare(a, b);
}

/** A copy of `items` sorted by the name `nameOf` gives each, with German collation. */
export function sortByGermanName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareGerman(nameOf(a), nameOf(b)));
}
