/**
 * Finding people for the admin pages (desk members, escalation contacts): the people directory port.
 * Locally it searches the configured `Directory` (the demo directory in development); in a Teams
 * tenant `bot/directory/graph-people.ts` asks Microsoft Graph behind the same port, when configured.
 */
import type { Directory } from './access';
import type { Person } from './cases/model';
import { userId } from './ids';

export interface PeopleDirectory {
  /** People whose name, e-mail or id matches `query` (at least `MIN_PEOPLE_QUERY` characters), best first. */
  search(query: string, limit?: number): Promise<Person[]>;
  /** The people with these ids, as far as the directory knows them (unknown ids are left out). */
  lookup(ids: readonly string[]): Promise<Person[]>;
}

export const MIN_PEOPLE_QUERY = 2;
export const MAX_PEOPLE_RESULTS = 10;

const fold = (s: string): string => s.toLocaleLowerCase('nb-NO');
const collator = new Intl.Collator('nb-NO');

/** The people of a configured directory: a name's words, an e-mail or an id starting with the query match. */
export function directoryPeople(directory: Directory): PeopleDirectory {
  const people = (): Person[] =>
    Object.entries(directory.users).map(([id, u]) => ({
      id: userId(id),
      name: u.name ?? id,
      ...(u.email ? { email: u.email } : {}),
    }));
  return {
    search(query, limit = MAX_PEOPLE_RESULTS) {
      const q = fold(query.trim());
      if (q.length < MIN_PEOPLE_QUERY) return Promise.resolve([]);
      const rank = (p: Person): number => {
        const name = fold(p.name);
        if (name.startsWith(q)) return 0;
        if (name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
        if (p.email && fold(p.email).startsWith(q)) return 2;
        if (fold(p.id).startsWith(q)) return 3;
        if (name.includes(q) || (p.email && fold(p.email).includes(q))) return 4;
        return -1;
      };
      const found = people()
        .map((p) => ({ p, r: rank(p) }))
        .filter((x) => x.r >= 0)
        .sort((a, b) => a.r - b.r || collator.compare(a.p.name, b.p.name));
      return Promise.resolve(found.slice(0, limit).map((x) => x.p));
    },
    lookup(ids) {
      const all = people();
      return Promise.resolve(ids.flatMap((id) => all.filter((p) => p.id === id)));
    },
  };
}
