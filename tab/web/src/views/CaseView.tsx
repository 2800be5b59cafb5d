/**
 * Sak: one case — the checklist answers, screenshots, the event timeline, both SLA clocks (live, with
 * their pauses and reasons), the linked hovedsak/undersaker, and for the desk the channel card's actions
 * (claim, priority, wait, resume, escalate, solve). Every action sends the version the user saw; a 409
 * shows who changed the case, and the updated case replaces the stale one.
 */
import {
  Button,
  Field,
  Input,
  Link,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  Textarea,
  Title2,
  Subtitle2,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import {
  AVAILABILITY_LABELS,
  KIND_LABELS,
  LINE_LABELS,
  REPORTER_ROLE_LABELS,
  SCOPE_LABELS,
  SLA_TARGET_LABELS,
  STATUS_LABELS,
  WAIT_REASON_LABELS,
} from '../../../../shared/cases/labels';
import type { CaseEvent, SlaTarget, SupportLine, WaitReason } from '../../../../shared/cases/model';
import { computeSla } from '../../../../shared/sla/state';
import {
  snapshot,
  type CaseAction,
  type CaseDetailResponse,
  type ConflictResponse,
} from '../../../common/api-types';
import type { Session } from '../App';
import { Countdown } from '../components/Countdown';
import { CommentBox } from '../components/CommentBox';
import { formatDateTime, useT } from '../i18n';
import { ApiFailure } from '../services/api';
import { useCaseStyles } from './CaseView.styles';
import type { Locale } from '../../../../shared/i18n-text';

interface Props {
  session: Session;
  refParam: string;
  navigate: (next: URLSearchParams) => void;
}

/** One event as a line of text (React renders it as text: case content never becomes markup). */
function describe(e: CaseEvent, locale: Locale, priorityName: (id: string) => string): string {
  const nb = locale === 'nb';
  switch (e.type) {
    case 'created':
      return nb
        ? `Saken ble meldt inn (${priorityName(e.priority)})`
        : `Case reported (${priorityName(e.priority)})`;
    case 'claimed':
      return nb ? `${e.assignee.name} tok saken` : `${e.assignee.name} claimed the case`;
    case 'assigned':
      return nb ? `Tildelt ${e.assignee.name}` : `Assigned to ${e.assignee.name}`;
    case 'priority_changed':
      return `${nb ? 'Prioritet' : 'Priority'}: ${priorityName(e.from)} → ${priorityName(e.to)}${e.reason ? ` – ${e.reason}` : ''}`;
    case 'waiting_started':
      return `${WAIT_REASON_LABELS[e.reason][locale]}${e.supplierCaseNumber ? ` (${e.supplierCaseNumber})` : ''}${e.note ? ` – ${e.note}` : ''}`;
    case 'waiting_ended':
      return (nb ? 'Gjenopptatt' : 'Resumed') + (e.note ? ` – ${e.note}` : '');
    case 'escalated':
      return `${nb ? 'Eskalert til' : 'Escalated to'} ${LINE_LABELS[e.toLine][locale]}${e.supplier ? ` (${e.supplier})` : ''}${e.note ? ` – ${e.note}` : ''}`;
    case 'comment':
      return `${e.visibility === 'internal' ? (nb ? 'Internt notat' : 'Internal note') : nb ? 'Kommentar' : 'Comment'}: ${e.text}`;
    case 'solved':
      return `${nb ? 'Løst' : 'Solved'}: ${e.solution}`;
    case 'solution_accepted':
      return nb ? 'Løsningen ble godtatt' : 'Solution accepted';
    case 'solution_rejected':
      return `${nb ? 'Løsningen ble avvist' : 'Solution rejected'}: ${e.comment}`;
    case 'closed':
      return (nb ? 'Lukket' : 'Closed') + (e.note ? ` – ${e.note}` : '');
    case 'linked_to_parent':
      return `${nb ? 'Koblet til hovedsak' : 'Linked to parent'} ${e.parent}`;
    case 'child_linked':
      return `${nb ? 'Undersak koblet til' : 'Child case linked'}: ${e.child}`;
    case 'attachment_added':
      return `${nb ? 'Vedlegg' : 'Attachment'}: ${e.attachment.fileName}`;
    case 'followers_changed':
      return nb ? 'Følgere endret' : 'Followers changed';
    case 'breach_explained':
      return `${nb ? 'Forklaring på brudd' : 'Breach explained'} (${SLA_TARGET_LABELS[e.target][locale]}): ${e.explanation}`;
    // Issue 8: the case conversation's events.
    case 'comment_edited':
      return `${nb ? 'Kommentar redigert' : 'Comment edited'}${e.text ? `: ${e.text}` : ''}`;
    case 'comment_deleted':
      return nb ? 'Kommentar slettet' : 'Comment deleted';
    case 'deadline_proposed':
      return `${nb ? 'Ny frist foreslått' : 'New deadline proposed'}: ${formatDateTime(e.dueAt, locale)} – ${e.reason}`;
    case 'deadline_answered':
      return e.accepted
        ? `${nb ? 'Ny frist godtatt' : 'New deadline accepted'}: ${formatDateTime(e.dueAt, locale)}`
        : `${nb ? 'Ny frist avslått' : 'New deadline declined'}${e.comment ? ` – ${e.comment}` : ''}`;
    case 'billable_marked':
      return `${nb ? 'Trolig fakturerbar' : 'Likely billable'}: ${e.reason}`;
    case 'problem_linked':
      return `${nb ? 'Knyttet til problemsak' : 'Linked to problem record'} ${e.problemId}`;
    default:
      return (e as { type: string }).type;
  }
}

function Screenshot({
  session,
  caseRef,
  id,
  name,
}: {
  session: Session;
  caseRef: string;
  id: string;
  name: string;
}) {
  const styles = useCaseStyles();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    session.api
      .blob(`/api/cases/${caseRef}/attachments/${encodeURIComponent(id)}`)
      .then((b) => {
        objectUrl = URL.createObjectURL(b);
        setUrl(objectUrl);
      })
      .catch(() => setUrl(null));
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [session, caseRef, id]);
  return url ? (
    <img className={styles.shot} src={url} alt={name} data-testid="screenshot" />
  ) : (
    <Text>{name}</Text>
  );
}

function Clock({ detail, target }: { detail: CaseDetailResponse; target: SlaTarget }) {
  const styles = useCaseStyles();
  const { t, l, locale } = useT();
  // The whole timeline is here: the state is computed from the events, then ticks live.
  const state = useMemo(
    () => computeSla(detail.case, detail.policy, new Date(detail.computedAt))[target],
    [detail, target],
  );
  const snap = useMemo(() => snapshot(state, new Date(detail.computedAt)), [state, detail.computedAt]);
  return (
    <div className={styles.clock} data-testid={`clock-${target}`}>
      <Subtitle2>{l(SLA_TARGET_LABELS[target])}</Subtitle2>
      <Countdown target={target} snapshot={snap} policy={detail.policy} />
      {state.dueAt && (
        <Text className={styles.small}>
          {t('due')} {formatDateTime(state.dueAt, locale)}
          {state.metAt ? ` · ${t('metAt')} ${formatDateTime(state.metAt, locale)}` : ''}
        </Text>
      )}
      <Text className={styles.small}>
        {t('pauses')}:{' '}
        {state.pauses.length === 0
          ? t('noPauses')
          : state.pauses
              .map(
                (p) =>
                  `${l(WAIT_REASON_LABELS[p.reason])} ${formatDateTime(p.from, locale)}–${p.to ? formatDateTime(p.to, locale) : t('ongoing')}`,
              )
              .join('; ')}
      </Text>
      {state.explanation && (
        <Text className={styles.small}>
          {t('explanation')}: {state.explanationText ? l(state.explanationText) : state.explanation}
        </Text>
      )}
    </div>
  );
}

function Actions({
  detail,
  run,
  busy,
  meId,
}: {
  meId: string;
  detail: CaseDetailResponse;
  run: (body: CaseAction) => void;
  busy: boolean;
}) {
  const styles = useCaseStyles();
  const { t, l } = useT();
  const c = detail.case;
  const [priority, setPriority] = useState<string>(c.priority);
  const [reason, setReason] = useState('');
  const [waitReason, setWaitReason] = useState<WaitReason>('supplier');
  const [supplierNo, setSupplierNo] = useState('');
  const [line, setLine] = useState<SupportLine>('third');
  const [note, setNote] = useState('');
  const [solution, setSolution] = useState('');
  const working = c.status === 'new' || c.status === 'in_progress' || c.status === 'waiting';
  return (
    <section className={mergeClasses(styles.card, styles.wide)} data-testid="actions">
      <Subtitle2>{t('actions')}</Subtitle2>
      <div className={styles.actions}>
        <div className={styles.actionRow}>
          <Button
            appearance="primary"
            disabled={busy || !working || c.assignee?.id === meId}
            onClick={() => run({ action: 'claim' })}
          >
            {t('claim')}
          </Button>
          {c.status === 'waiting' && (
            <Button disabled={busy} onClick={() => run({ action: 'resume' })}>
              {t('resume')}
            </Button>
          )}
        </div>
        <div className={styles.actionRow}>
          <Field label={t('priority')}>
            <Select value={priority} onChange={(_e, d) => setPriority(d.value)} data-testid="priority-select">
              {detail.policy.priorities.map((p) => (
                <option key={p.id} value={p.id}>
                  {l(p.label)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('reason')}>
            <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
          </Field>
          <Button
            disabled={busy || priority === c.priority}
            onClick={() => run({ action: 'priority', priority, ...(reason ? { reason } : {}) })}
          >
            {t('changePriority')}
          </Button>
        </div>
        <div className={styles.actionRow}>
          <Field label={t('waitReason')}>
            <Select value={waitReason} onChange={(_e, d) => setWaitReason(d.value as WaitReason)}>
              {(['supplier', 'third_line', 'reporter'] as const).map((r) => (
                <option key={r} value={r}>
                  {l(WAIT_REASON_LABELS[r])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('supplierCaseNumber')}>
            <Input value={supplierNo} onChange={(_e, d) => setSupplierNo(d.value)} />
          </Field>
          <Button
            disabled={busy || !(c.status === 'in_progress' || c.status === 'waiting')}
            onClick={() =>
              run({
                action: 'wait',
                reason: waitReason,
                ...(supplierNo ? { supplierCaseNumber: supplierNo } : {}),
              })
            }
          >
            {t('wait')}
          </Button>
        </div>
        <div className={styles.actionRow}>
          <Field label={t('toLine')}>
            <Select value={line} onChange={(_e, d) => setLine(d.value as SupportLine)}>
              {(['second', 'third', 'supplier'] as const).map((x) => (
                <option key={x} value={x}>
                  {l(LINE_LABELS[x])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('note')}>
            <Input value={note} onChange={(_e, d) => setNote(d.value)} />
          </Field>
          <Button
            disabled={busy || !working}
            onClick={() => run({ action: 'escalate', toLine: line, ...(note ? { note } : {}) })}
          >
            {t('escalate')}
          </Button>
        </div>
        <div className={styles.actionRow}>
          <Field label={t('solution')} style={{ flexGrow: 1 }}>
            <Textarea value={solution} onChange={(_e, d) => setSolution(d.value)} resize="vertical" />
          </Field>
          <Button
            disabled={busy || !working || solution.trim() === ''}
            onClick={() => run({ action: 'solve', solution })}
          >
            {t('solve')}
          </Button>
        </div>
      </div>
    </section>
  );
}

export function CaseView({ session, refParam, navigate }: Props) {
  const styles = useCaseStyles();
  const { t, l, locale } = useT();
  const [detail, setDetail] = useState<CaseDetailResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictResponse | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDetail(null);
    setError(null);
    setConflict(null);
    session.api
      .get<CaseDetailResponse>(`/api/cases/${encodeURIComponent(refParam)}`)
      .then(setDetail)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [session, refParam]);

  const names = useMemo(() => {
    const services = new Map(session.me.services.map((s) => [s.id as string, s.name]));
    const orgs = new Map(session.me.organisations.map((o) => [o.id as string, o.name]));
    const desks = new Map(session.me.desks.map((d) => [d.id, d.name]));
    return { services, orgs, desks };
  }, [session]);

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
  const run = (body: CaseAction) => {
    setBusy(true);
    setConflict(null);
    session.api
      .post<CaseDetailResponse>(`/api/cases/${c.ref}/actions`, { ...body, version: detail.version })
      .then(setDetail)
      .catch((e: unknown) => {
        if (e instanceof ApiFailure && e.status === 409 && (e.body as ConflictResponse | null)?.current) {
          const body409 = e.body as ConflictResponse;
          setConflict(body409);
          setDetail(body409.current);
        } else setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => setBusy(false));
  };

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
      <header className={styles.header}>
        <Text className={styles.small}>{c.ref}</Text>
        <Title2 as="h1" data-testid="detail-title">
          {c.title}
        </Title2>
        <div className={styles.meta}>
          <span data-testid="detail-status">{l(STATUS_LABELS[c.status])}</span>
          <span>{priorityName(c.priority)}</span>
          <span>{names.services.get(c.serviceId) ?? c.serviceId}</span>
          <span>{names.orgs.get(c.orgId) ?? c.orgId}</span>
          <span>{names.desks.get(c.deskId) ?? c.deskId}</span>
          <span>
            {t('assignee')}: <span data-testid="detail-assignee">{c.assignee?.name ?? '–'}</span>
          </span>
          {c.supplierCaseNumber && <span>{`${t('supplierCaseNumber')}: ${c.supplierCaseNumber}`}</span>}
        </div>
      </header>
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
        <section className={styles.card}>
          <Subtitle2>{t('slaClocks')}</Subtitle2>
          <Clock detail={detail} target="response" />
          <Clock detail={detail} target="resolution" />
        </section>
        <section className={styles.card}>
          <Subtitle2>{t('checklist')}</Subtitle2>
          <dl className={styles.dl}>
            <dt className={styles.dt}>{l(KIND_LABELS[c.kind])}</dt>
            <dd className={styles.dd}>{formatDateTime(c.receivedAt, locale)}</dd>
            <dt className={styles.dt}>{t('symptom')}</dt>
            <dd className={styles.dd}>{c.checklist.symptom}</dd>
            <dt className={styles.dt}>{t('tried')}</dt>
            <dd className={styles.dd}>{c.checklist.triedSoFar}</dd>
            <dt className={styles.dt}>{t('scope')}</dt>
            <dd className={styles.dd}>{l(SCOPE_LABELS[c.checklist.scope])}</dd>
            <dt className={styles.dt}>{t('availability')}</dt>
            <dd className={styles.dd}>{l(AVAILABILITY_LABELS[c.checklist.availability])}</dd>
            <dt className={styles.dt}>{t('startedAt')}</dt>
            <dd className={styles.dd}>{formatDateTime(c.checklist.startedAt, locale)}</dd>
            <dt className={styles.dt}>{t('reporter')}</dt>
            <dd className={styles.dd}>{`${c.reporter.name} (${l(REPORTER_ROLE_LABELS[c.reporterRole])})`}</dd>
            <dt className={styles.dt}>{t('testContact')}</dt>
            <dd className={styles.dd}>{c.testContact.name}</dd>
            <dt className={styles.dt}>{t('followers')}</dt>
            <dd className={styles.dd}>{c.followers.map((f) => f.name).join(', ') || '–'}</dd>
          </dl>
        </section>
        {(detail.parent || detail.children.length > 0) && (
          <section className={styles.card}>
            {detail.parent && (
              <>
                <Subtitle2>{t('parent')}</Subtitle2>
                <Link
                  onClick={() => open(detail.parent!.ref)}
                >{`${detail.parent.ref} – ${detail.parent.title}`}</Link>
              </>
            )}
            {detail.children.length > 0 && (
              <>
                <Subtitle2>{t('children')}</Subtitle2>
                {detail.children.map((ch) => (
                  <Link key={ch.ref} onClick={() => open(ch.ref)}>
                    {`${ch.ref} – ${ch.title} (${l(STATUS_LABELS[ch.status])})`}
                  </Link>
                ))}
              </>
            )}
          </section>
        )}
        {detail.canAct && (
          <Actions key={detail.version} detail={detail} run={run} busy={busy} meId={session.me.user.id} />
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
        <section className={styles.card}>
          <Subtitle2>{t('timeline')}</Subtitle2>
          <ol className={styles.timeline} data-testid="timeline">
            {c.events.map((e) => (
              <li key={e.id} className={styles.event}>
                <span className={styles.when}>{formatDateTime(e.at, locale)}</span>
                <span className={styles.eventText}>
                  {describe(e, locale, priorityName)}
                  <span className={styles.small}>{` — ${e.by.name}`}</span>
                </span>
              </li>
            ))}
          </ol>
          {/* Issue 8: comments (and, for the support lines, internal notes). */}
          {c.status !== 'closed' && (
            <CommentBox
              session={session}
              caseRef={c.ref}
              locale={locale}
              canNote={detail.canAct}
              onSaved={setDetail}
            />
          )}
        </section>
      </div>
    </div>
  );
}
