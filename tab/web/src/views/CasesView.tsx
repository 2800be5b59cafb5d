/**
 * Saker: the caller's queue (desk), their virksomhet's cases (superbruker) or their own (employee), in a
 * virtualised Fluent DataGrid that stays smooth with 10 000 rows. Filters, search and sort live in the
 * URL; the list is loaded once per view and filtered in the browser with the same query code the API
 * uses. Both countdowns tick live in each visible row.
 */
import {
  createTableColumn,
  Dropdown,
  Field,
  Link,
  Option,
  SearchBox,
  Select,
  Spinner,
  Text,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
} from '@fluentui-contrib/react-data-grid-react-window';
import { useEffect, useMemo, useRef, useState } from 'react';
import { STATUS_LABELS } from '../../../../shared/cases/labels';
import type { SlaPolicy } from '../../../../shared/sla/policy';
import type { CaseListResponse, CaseRow } from '../../../common/api-types';
import {
  applyCaseQuery,
  parseCaseQuery,
  queryParams,
  SORTS,
  STATUSES,
  type CaseQuery,
  type CaseSort,
  type CaseView,
} from '../../../common/case-query';
import type { Session } from '../App';
import { Countdown } from '../components/Countdown';
import { useT, type TextKey } from '../i18n';
import { useCasesStyles } from './CasesView.styles';

const FIRST_PAGE = 100;
const NEXT_PAGE = 5000;
const ROW_HEIGHT = 44;

const SORT_TEXT: Record<CaseSort, TextKey> = {
  due: 'sortDue',
  newest: 'sortNewest',
  oldest: 'sortOldest',
  priority: 'sortPriority',
  ref: 'sortRef',
  title: 'sortTitle',
};
const VIEW_TEXT: Record<CaseView, TextKey> = { desk: 'viewDesk', org: 'viewOrg', mine: 'viewMine' };

function safeQuery(params: URLSearchParams): CaseQuery {
  try {
    return parseCaseQuery(params, { allowUnknown: true });
  } catch {
    return { status: [], priority: [], service: [], org: [], sort: 'due', limit: 500 };
  }
}

/** Loads every row of a view: a small first page for a quick first paint, then the rest. */
function useRows(session: Session, view: CaseView): { rows: CaseRow[] | null; error: string | null } {
  const [rows, setRows] = useState<CaseRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    setRows(null);
    setError(null);
    const load = async () => {
      let acc: CaseRow[] = [];
      let cursor: string | undefined;
      let limit = FIRST_PAGE;
      do {
        const qs = new URLSearchParams({ view, limit: String(limit) });
        if (cursor) qs.set('cursor', cursor);
        const page = await session.api.get<CaseListResponse>(`/api/cases?${qs.toString()}`);
        if (cancelled) return;
        acc = acc.concat(page.items);
        setRows(acc);
        cursor = page.cursor;
        limit = NEXT_PAGE;
      } while (cursor);
    };
    load().catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [session, view]);
  return { rows, error };
}

function useHeight(ref: React.RefObject<HTMLDivElement | null>): number {
  const [h, setH] = useState(400);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setH(Math.max(200, el.clientHeight - ROW_HEIGHT)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return h;
}

interface Props {
  session: Session;
  params: URLSearchParams;
  navigate: (next: URLSearchParams, replace?: boolean) => void;
}

export function CasesView({ session, params, navigate }: Props) {
  const styles = useCasesStyles();
  const { t, l } = useT();
  const { me } = session;
  const query = safeQuery(params);
  const view: CaseView = query.view && me.views.includes(query.view) ? query.view : me.views[0];
  const { rows, error } = useRows(session, view);
  const boxRef = useRef<HTMLDivElement>(null);
  const height = useHeight(boxRef);
  const [search, setSearch] = useState(query.q ?? '');

  const policies = useMemo(() => new Map<string, SlaPolicy>(me.desks.map((d) => [d.id, d.policy])), [me]);
  const services = useMemo(() => new Map(me.services.map((s) => [s.id as string, s.name])), [me]);
  const orgs = useMemo(() => new Map(me.organisations.map((o) => [o.id as string, o.name])), [me]);
  const priorities = useMemo(() => {
    const m = new Map<string, string>();
    for (const d of me.desks) for (const p of d.policy.priorities) if (!m.has(p.id)) m.set(p.id, l(p.label));
    return m;
  }, [me, l]);

  // Patch the URL as it is now, not as it was at this render: the search box writes its text after a
  // pause, and a filter chosen during that pause must not be undone by the delayed write (or vice versa).
  const update = (patch: Partial<CaseQuery>, replace = false) =>
    navigate(
      queryParams({ ...safeQuery(new URLSearchParams(window.location.search)), view, ...patch }),
      replace,
    );

  // Search is typed fast: keep it local, write it to the URL after a short pause.
  useEffect(() => {
    if ((query.q ?? '') === search) return;
    const h = setTimeout(() => update({ q: search || undefined }, true), 200);
    return () => clearTimeout(h);
  }, [search]);

  const filtered = useMemo(
    () => (rows ? applyCaseQuery(rows, { ...query, q: search || undefined }, me.user.id) : []),
    [rows, params.toString(), search, me.user.id],
  );

  const columns = useMemo<TableColumnDefinition<CaseRow>[]>(
    () => [
      createTableColumn<CaseRow>({
        columnId: 'ref',
        renderHeaderCell: () => t('ref'),
        renderCell: (r) => (
          <Link
            className={styles.ref}
            href={`?case=${r.ref}`}
            onClick={(e) => {
              e.preventDefault();
              navigate(new URLSearchParams({ case: r.ref }));
            }}
          >
            {r.ref}
          </Link>
        ),
      }),
      createTableColumn<CaseRow>({
        columnId: 'title',
        renderHeaderCell: () => t('title'),
        renderCell: (r) => (
          <span className={styles.title} title={r.title} data-testid="case-title">
            {r.title}
          </span>
        ),
      }),
      createTableColumn<CaseRow>({
        columnId: 'service',
        renderHeaderCell: () => t('service'),
        renderCell: (r) => <span className={styles.cell}>{services.get(r.serviceId) ?? r.serviceId}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'org',
        renderHeaderCell: () => t('org'),
        renderCell: (r) => <span className={styles.cell}>{orgs.get(r.orgId) ?? r.orgId}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'priority',
        renderHeaderCell: () => t('priority'),
        renderCell: (r) => <span className={styles.cell}>{priorities.get(r.priority) ?? r.priority}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'status',
        renderHeaderCell: () => t('status'),
        renderCell: (r) => <span className={styles.cell}>{l(STATUS_LABELS[r.status])}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'assignee',
        renderHeaderCell: () => t('assignee'),
        renderCell: (r) => <span className={styles.cell}>{r.assignee?.name ?? '–'}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'response',
        renderHeaderCell: () => t('response'),
        renderCell: (r) => {
          const p = policies.get(r.deskId);
          return p ? <Countdown target="response" snapshot={r.response} policy={p} /> : null;
        },
      }),
      createTableColumn<CaseRow>({
        columnId: 'resolution',
        renderHeaderCell: () => t('resolution'),
        renderCell: (r) => {
          const p = policies.get(r.deskId);
          return p ? <Countdown target="resolution" snapshot={r.resolution} policy={p} /> : null;
        },
      }),
    ],
    [services, orgs, priorities, policies, l],
  );

  const sizing = {
    ref: { idealWidth: 130, minWidth: 130 },
    title: { idealWidth: 260, minWidth: 160 },
    service: { idealWidth: 130 },
    org: { idealWidth: 130 },
    priority: { idealWidth: 80 },
    status: { idealWidth: 100 },
    assignee: { idealWidth: 140 },
    response: { idealWidth: 180, minWidth: 180 },
    resolution: { idealWidth: 180, minWidth: 180 },
  };

  const multi = (
    label: TextKey,
    key: 'status' | 'priority' | 'service' | 'org',
    options: Array<[string, string]>,
    testId: string,
  ) => (
    <Field label={t(label)} className={styles.filter}>
      <Dropdown
        multiselect
        className={styles.control}
        data-testid={testId}
        placeholder={t('all')}
        selectedOptions={query[key]}
        value={query[key].map((v) => options.find(([id]) => id === v)?.[1] ?? v).join(', ')}
        onOptionSelect={(_e, d) => update({ [key]: d.selectedOptions } as Partial<CaseQuery>)}
      >
        {options.map(([id, name]) => (
          <Option key={id} value={id}>
            {name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        {me.views.length > 1 && (
          <Field label={t('tabCases')} className={styles.filter}>
            <Select
              value={view}
              data-testid="view"
              onChange={(_e, d) => navigate(queryParams({ view: d.value as CaseView }))}
            >
              {me.views.map((v) => (
                <option key={v} value={v}>
                  {t(VIEW_TEXT[v])}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t('search')} className={styles.search}>
          <SearchBox value={search} data-testid="search" onChange={(_e, d) => setSearch(d.value)} />
        </Field>
        {multi(
          'status',
          'status',
          STATUSES.map((s) => [s, l(STATUS_LABELS[s])]),
          'filter-status',
        )}
        {multi('priority', 'priority', [...priorities.entries()], 'filter-priority')}
        {multi('service', 'service', [...services.entries()], 'filter-service')}
        {multi('org', 'org', [...orgs.entries()], 'filter-org')}
        <Field label={t('assignee')} className={styles.filter}>
          <Select
            value={query.assignee ?? ''}
            data-testid="filter-assignee"
            onChange={(_e, d) => update({ assignee: d.value || undefined })}
          >
            <option value="">{t('all')}</option>
            <option value="me">{t('assigneeMe')}</option>
            <option value="none">{t('assigneeNone')}</option>
          </Select>
        </Field>
        <Field label={t('sort')} className={styles.filter}>
          <Select
            value={query.sort}
            data-testid="sort"
            onChange={(_e, d) => update({ sort: d.value as CaseSort })}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_TEXT[s])}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text className={styles.summary} data-testid="summary">
        {rows ? `${filtered.length} ${t('of')} ${rows.length} ${t('shown')}` : t('loading')}
      </Text>
      {error && <Text>{error}</Text>}
      <div className={styles.gridBox} ref={boxRef}>
        {rows === null ? (
          <Spinner label={t('loading')} />
        ) : filtered.length === 0 ? (
          <Text>{t('noCases')}</Text>
        ) : (
          <DataGrid
            items={filtered}
            columns={columns}
            getRowId={(r: CaseRow) => r.ref}
            resizableColumns
            columnSizingOptions={sizing}
            className={styles.grid}
            aria-label={t('tabCases')}
          >
            <DataGridHeader>
              <DataGridRow>
                {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<CaseRow> itemSize={ROW_HEIGHT} height={height}>
              {({ item, rowId }, style) => (
                <DataGridRow<CaseRow> key={rowId} style={style as React.CSSProperties} data-ref={item.ref}>
                  {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
        )}
      </div>
    </div>
  );
}
