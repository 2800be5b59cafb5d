/**
 * Choosing people from the directory (`GET /api/admin/people?q=`): the chosen people with name and
 * e-mail, each with "Fjern", and a search whose hits are added with "Legg til". Used for a desk's
 * members and its escalation contacts. A search error (too short, the directory not answering) is
 * shown at the search field; a save's error for the whole list at the list.
 */
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Person } from '../../../../../shared/cases/model';
import type { AdminPeopleResponse } from '../../../../api/handlers/admin/types';
import { ApiFailure, type Api } from '../../services/api';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';

const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  email: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function Who({ person }: { person: Person }) {
  const styles = useStyles();
  const a = useAdminText();
  return (
    <span className={styles.who}>
      <Text weight="semibold">{person.name}</Text>
      {person.email && <Text className={styles.email}>{person.email}</Text>}
      {person.name === person.id && <Text className={styles.email}>{a('notInDirectory')}</Text>}
    </span>
  );
}

export function PeoplePicker(props: {
  api: Api;
  /** The list's label, e.g. "Medlemmer". */
  label: string;
  /** The search field's label, e.g. "Søk etter medlem". */
  searchLabel: string;
  /** For test ids: `<testId>-search`, `<testId>-hits`, `<testId>-chosen`. */
  testId: string;
  people: Person[];
  onChange: (people: Person[]) => void;
  /** The save's error for this list (at the field). */
  error?: string;
}) {
  const styles = useStyles();
  const settings = useSettingsStyles();
  const a = useAdminText();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Person[] | null>(null);
  const [searchError, setSearchError] = useState<string | undefined>();
  const seq = useRef(0);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim();
    const n = ++seq.current;
    if (q.length < MIN_QUERY) {
      setHits(null);
      setSearchError(undefined);
      return;
    }
    const timer = setTimeout(() => {
      props.api.get<AdminPeopleResponse>(`/api/admin/people?q=${encodeURIComponent(q)}`).then(
        (r) => {
          if (n !== seq.current) return;
          setHits(r.people);
          setSearchError(undefined);
        },
        (e: unknown) => {
          if (n !== seq.current) return;
          setHits(null);
          setSearchError(e instanceof ApiFailure || e instanceof Error ? e.message : String(e));
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, props.api]);

  const chosen = new Set(props.people.map((p) => p.id));
  const add = (p: Person) => {
    if (!chosen.has(p.id)) props.onChange([...props.people, p]);
    // The hit's button goes with the cleared search: focus returns to the search field.
    setQuery('');
    search.current?.focus();
  };
  const remove = (id: string) => props.onChange(props.people.filter((p) => p.id !== id));
  const fresh = hits?.filter((p) => !chosen.has(p.id)) ?? null;

  return (
    <fieldset className={settings.priority}>
      <legend className={settings.legend}>{props.label}</legend>
      {props.error && (
        <Text className={styles.error} role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </Text>
      )}
      {props.people.length === 0 ? (
        <Text data-testid={`${props.testId}-chosen`}>{a('nobodyYet')}</Text>
      ) : (
        <ul className={styles.list} data-testid={`${props.testId}-chosen`} aria-label={props.label}>
          {props.people.map((p) => (
            <li key={p.id} className={styles.item} data-person={p.id}>
              <Who person={p} />
              <Button size="small" onClick={() => remove(p.id)} aria-label={`${a('remove')} ${p.name}`}>
                {a('remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field label={props.searchLabel} hint={a('searchHint')} validationMessage={searchError}>
        <Input
          type="search"
          ref={search}
          value={query}
          onChange={(_e, d) => setQuery(d.value)}
          data-testid={`${props.testId}-search`}
          autoComplete="off"
        />
      </Field>
      <div aria-live="polite">
        {fresh !== null &&
          (fresh.length === 0 ? (
            <Text>{a('noPeopleFound')}</Text>
          ) : (
            <>
              <Text size={200}>{a('searchResults')}</Text>
              <ul
                className={styles.list}
                data-testid={`${props.testId}-hits`}
                aria-label={a('searchResults')}
              >
                {fresh.map((p) => (
                  <li key={p.id} className={styles.item} data-person={p.id}>
                    <Who person={p} />
                    <Button
                      size="small"
                      appearance="primary"
                      onClick={() => add(p)}
                      aria-label={`${a('add')} ${p.name}`}
                    >
                      {a('add')}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          ))}
      </div>
    </fieldset>
  );
}
