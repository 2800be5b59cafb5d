/**
 * The case list on a narrow screen (Teams mobile, a narrow pane): one card per case with its reference,
 * title, status and priority, and both countdowns with their notes. Shows the first cases and more on
 * request, so a long queue stays light.
 */
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseRow } from '../../../../common/api-types';
import { CaseRefLink } from '../../components/CaseRefLink';
import { Countdown } from '../../components/Countdown';
import { useT } from '../../i18n';
import { useCasesStyles } from '../CasesView.styles';
import { OrderBadge } from '../order/OrderBadge';
import { priorityText, statusText, type CaseNames } from './row-text';

const PAGE = 50;

interface Props {
  rows: CaseRow[];
  names: CaseNames;
  openCase: (ref: string) => void;
}

export function CaseCards({ rows, names, openCase }: Props) {
  const styles = useCasesStyles();
  const texts = useT();
  const { t } = texts;
  const [shown, setShown] = useState(PAGE);
  return (
    <div className={styles.cards}>
      <ul className={styles.cardList} aria-label={t('tabCases')} data-testid="case-cards">
        {rows.slice(0, shown).map((r) => {
          const policy = names.policies.get(r.deskId);
          const status = statusText(r, texts);
          return (
            <li key={r.ref} className={styles.card} data-ref={r.ref}>
              <div className={styles.cardHead}>
                <CaseRefLink className={styles.ref} caseRef={r.ref} openCase={openCase} />
                <Text size={200} className={styles.cardMeta} title={status.title}>
                  {`${status.text} · ${priorityText(r, names)}`}
                </Text>
              </div>
              <Text weight="semibold" className={styles.cardTitle} data-testid="case-title">
                <OrderBadge row={r} />
                {r.title}
              </Text>
              {policy && (
                <dl className={styles.cardClocks}>
                  <dt className={styles.cardClockName}>{t('response')}</dt>
                  <dd className={styles.cardClock}>
                    <Countdown target="response" snapshot={r.response} policy={policy} withNote />
                  </dd>
                  <dt className={styles.cardClockName}>{t('resolution')}</dt>
                  <dd className={styles.cardClock}>
                    <Countdown target="resolution" snapshot={r.resolution} policy={policy} withNote />
                  </dd>
                </dl>
              )}
            </li>
          );
        })}
      </ul>
      {rows.length > shown && (
        <Button onClick={() => setShown(shown + PAGE)} data-testid="more-cases">
          {`${t('showMore')} (${rows.length - shown})`}
        </Button>
      )}
    </div>
  );
}
