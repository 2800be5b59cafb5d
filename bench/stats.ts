/**
 * The benches' one median: of a list of figures (runs, pairs), the middle one once sorted; for an even
 * count, the upper of the two middle ones (the tab's four runs are judged on their third fastest).
 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}
