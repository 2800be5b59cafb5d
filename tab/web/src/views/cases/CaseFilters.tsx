/** The case list's filter bar: view, search, status, priority, service, virksomhet, assignee, sort. */
import { Button, Dropdown, Field, Option, SearchBox, Select } from '@fluentui/react-components';
import { Filter20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { STATUS_LABELS } from '../../../../../shared/cases/labels';
import type { MeResponse } from '../../../../common/api-types';
import { SORTS, STATUSES, type CaseQuery, type CaseSort, type CaseView } from '../../../../common/case-query';
import { useT, type TextKey } from '../../i18n';
import { useCasesStyles } from '../CasesView.styles';
import type { CaseNames } from './useCaseNames';
import type { CaseQueryState } from './useCaseQuery';

const SORT_TEXT: Record<CaseSort, TextKey> = {
  due: 'sortDue',
  newest: 'sortNewest',
  oldest: 'sortOldest',
  priority: 'sortPriority',
  ref: 'sortRef',
  title: 'sortTitle',
};
const VIEW_TEXT: Record<CaseView, TextKey> = { desk: 'viewDesk', org: 'viewOrg', mine: 'viewMine' };

interface Props {
  me: MeResponse;
  names: CaseNames;
  state: CaseQueryState;
  /** On a narrow screen the filters other than the search fold away behind a button. */
  narrow?: boolean;
}

export function CaseFilters({ me, names, state, narrow = false }: Props) {
  const styles = useCasesStyles();
  const { t, l } = useT();
  const { query, view, search, setSearch, update, switchView } = state;
  const [open, setOpen] = useState(false);
  const active =
    query.status.length +
    query.priority.length +
    query.service.length +
    query.org.length +
    query.kind.length +
    (query.approval ? 1 : 0) +
    (query.assignee ? 1 : 0);
  const kindValue = query.approval ? 'approval' : (query.kind[0] ?? '');

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
    <div className={styles.filters} data-testid="case-filters">
      {me.views.length > 1 && (
        <Field label={t('tabCases')} className={styles.viewFilter}>
          <Select
            value={view}
            className={styles.control}
            select={{ className: styles.select }}
            data-testid="view"
            onChange={(_e, d) => switchView(d.value as CaseView)}
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
      {narrow && (
        <Button
          icon={<Filter20Regular />}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          data-testid="filters-toggle"
        >
          {active > 0 ? `${t('filters')} (${active})` : t('filters')}
        </Button>
      )}
      {(!narrow || open) && (
        <>
          {multi(
            'status',
            'status',
            STATUSES.map((s) => [s, l(STATUS_LABELS[s])]),
            'filter-status',
          )}
          {multi('priority', 'priority', [...names.priorities.entries()], 'filter-priority')}
          {multi('service', 'service', [...names.services.entries()], 'filter-service')}
          {multi('org', 'org', [...names.orgs.entries()], 'filter-org')}
          <Field label={t('kind')} className={styles.filter}>
            <Select
              className={styles.control}
              select={{ className: styles.select }}
              value={kindValue}
              data-testid="filter-kind"
              onChange={(_e, d) =>
                update(
                  d.value === 'approval'
                    ? { kind: [], approval: 'pending' }
                    : { kind: d.value ? [d.value] : [], approval: undefined },
                )
              }
            >
              <option value="">{t('all')}</option>
              <option value="fault">{t('kindFault')}</option>
              <option value="order">{t('kindOrder')}</option>
              <option value="approval">{t('awaitingApproval')}</option>
            </Select>
          </Field>
          <Field label={t('assignee')} className={styles.filter}>
            <Select
              className={styles.control}
              select={{ className: styles.select }}
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
              className={styles.control}
              select={{ className: styles.select }}
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
        </>
      )}
    </div>
  );
}
