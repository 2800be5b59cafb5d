/** Durations in the report: whole minutes as "1 t 30 min" ("–" when there is none). */
export function reportMinutes(m: number | null): string {
  if (m === null) return '–';
  const total = Math.round(m);
  const h = Math.floor(total / 60);
  const rest = total - h * 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} t` : `${h} t ${rest} min`;
}
