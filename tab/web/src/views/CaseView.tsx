/**
 * Sak: one case — the checklist answers, screenshots, the event timeline, both SLA clocks (live, with
 * their pauses and reasons), the linked hovedsak/undersaker, and for the desk the channel card's actions
 * (claim, priority, wait, resume, escalate, solve); once solved, the solution, which its reporter
 * accepts or rejects there. Every action sends the version the user saw; a 409
 * shows who changed the case, and the updated case replaces the stale one. The data lives in
 * `case/useCaseDetail.ts`, each part in `case/`.
 */
import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import type { Session } from '../App';
import { formatDateTime, useT } from '../i18n';
import { CaseActions } from './case/CaseActions';
import { CaseChecklist } from './case/CaseChecklist';
import { CaseHeader } from './case/CaseHeader';
import { SupplierEmail } from './case/SupplierEmail';
import { CaseLinks } from './case/CaseLinks';
import { CaseTimeline } from './case/CaseTimeline';
import { Clock } from './case/Clock';
import { PolicyLine } from './case/PolicyLine';
import { Screenshot } from './case/Screenshot';
import { SolutionCard } from './case/SolutionCard';
import { useCaseDetail } from './case/useCaseDetail';
import { useCaseStyles } from './CaseView.styles';
import { OrderPanel } from './order/OrderPanel';

interface Props {
  session: Session;
  refParam: string;
  navigate: (next: URLSearchParams) => void;
}

export function CaseView({ session, refParam, navigate }: Props) {
  const styles = useCaseStyles();
  const { t, l, locale } = useT();
  const { detail, error, conflict, busy, run, setDetail, answered } = useCaseDetail(session, refParam);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!detail) return <Spinner label={t('loading')} />;

  const c = detail.case;
  const priorityName = (id: string) => {
    const p = detail.policy.priorities.find((x) => x.id === id);
    return p ? l(p.label) : id;
  };
  const open = (ref: string) => navigate(new URLSearchParams({ case: ref }));

  return (
    <div className={styles.root} data-testid="case-detail">
      <Link
        href="?"
        onClick={(e) => {
          e.preventDefault();
          if (window.history.length > 1) window.history.back();
          else navigate(new URLSearchParams());
        }}
      >
        ← {t('back')}
      </Link>
      <CaseHeader session={session} c={c} priorityName={priorityName} />
      {conflict && (
        <MessageBar intent="warning" data-testid="conflict">
          <MessageBarBody>
            <MessageBarTitle>{t('conflict')}</MessageBarTitle>
            {conflict.changedBy
              ? `${t('conflictBy')} ${conflict.changedBy.name} (${conflict.changedBy.what}, ${formatDateTime(conflict.changedBy.at, locale)}). `
              : ''}
            {t('conflictHelp')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.columns}>
        <SolutionCard detail={detail} meId={session.me.user.id} run={run} busy={busy} />
        <section className={styles.card}>
          <Subtitle2>{t('slaClocks')}</Subtitle2>
          <Clock detail={detail} target="response" />
          <Clock detail={detail} target="resolution" />
          <PolicyLine detail={detail} />
        </section>
        <CaseChecklist c={c} />
        <OrderPanel detail={detail} meId={session.me.user.id} run={run} busy={busy} />
        <CaseLinks detail={detail} open={open} />
        {detail.supplierEmail && <SupplierEmail email={detail.supplierEmail} />}
        {detail.canAct && (
          <CaseActions key={answered} detail={detail} run={run} busy={busy} meId={session.me.user.id} />
        )}
        <section className={styles.card}>
          <Subtitle2>{t('screenshots')}</Subtitle2>
          {c.attachments.length === 0 ? (
            <Text className={styles.small}>{t('noScreenshots')}</Text>
          ) : (
            <div className={styles.shots}>
              {c.attachments.map((a) => (
                <Screenshot key={a.id} session={session} caseRef={c.ref} id={a.id} name={a.fileName} />
              ))}
            </div>
          )}
        </section>
        <CaseTimeline session={session} detail={detail} priorityName={priorityName} onSaved={setDetail} />
      </div>
    </div>
  );
}
