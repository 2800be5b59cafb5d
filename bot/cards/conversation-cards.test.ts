/**
 * @jest-environment jsdom
 *
 * The case conversation's cards in both languages parse, validate and render with the
 * `adaptivecards` library without a warning; every `Action.Execute` carries a known verb; and user
 * text reaches the rendered card as the characters the user typed (no Markdown, no date functions).
 */
import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import type { CardJson } from './card';
import { caseConversationElements } from './case-conversation';
import { card } from './card';
import { commentNoticeCard } from './comment-notice';
import { deadlineProposalCard } from './deadline-proposal';
import { triageCommentForm, triageDeadlineForm } from './triage-comment-form';
import { ALL_VERBS } from './verbs';

const md = new MarkdownIt();
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = md.render(text);
  result.didProcess = true;
};

function problems(json: CardJson): string[] {
  const out: string[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    out.push(`console: ${args.map(String).join(' ')}`);
  });
  try {
    const c = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    c.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) out.push(`parse: ${context.getEventAt(i).message}`);
    for (const e of c.validateProperties().validationEvents) out.push(`validate: ${e.message}`);
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (typeof x !== 'object' || x === null) return;
      const o = x as Record<string, unknown>;
      if (o.type === 'Action.Execute' && (typeof o.verb !== 'string' || !ALL_VERBS.includes(o.verb)))
        out.push(`unknown verb ${String(o.verb)}`);
      Object.values(o).forEach(walk);
    };
    walk(json);
    if (!c.render()) out.push('render: nothing rendered');
  } finally {
    warn.mockRestore();
  }
  return out;
}

const HOSTILE =
  '**fet** _kursiv_ [lenke](https://evil.example) <b>x</b> {{DATE(2026-01-01T00:00:00Z, SHORT)}}';

describe.each(['nb', 'en'] as const)('conversation cards (%s)', (locale) => {
  const cards: Record<string, CardJson> = {
    commentToReporter: commentNoticeCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen er blank',
      author: 'Anne Desk',
      text: 'Hei Kari, vi ser på saken.',
      addressee: 'Kari',
    }),
    commentToDesk: commentNoticeCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen er blank',
      author: 'Kari Nordmann',
      text: HOSTILE,
      forDesk: true,
    }),
    proposal: deadlineProposalCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen er blank',
      proposalId: 'e7',
      dueAt: new Date('2026-03-20T13:00:00Z'),
      currentDueAt: new Date('2026-03-16T08:00:00Z'),
      reason: 'Venter på leverandøren',
    }),
    caseCardPartReporter: card(
      caseConversationElements({
        locale,
        ref: 'FV-2026-000123',
        support: false,
        followerNames: ['Per Hansen'],
      }),
    ),
    caseCardPartDesk: card(
      caseConversationElements({ locale, ref: 'FV-2026-000123', support: true, follow: 'follow' }),
    ),
    triageForms: card(
      [],
      [triageCommentForm(locale, 'FV-2026-000123'), triageDeadlineForm(locale, 'FV-2026-000123')],
    ),
  };
  it.each(Object.keys(cards))('%s is a valid Adaptive Card 1.5 without warnings', (name) => {
    expect(problems(cards[name])).toEqual([]);
  });

  it('renders user text literally', () => {
    const el = cards.commentToDesk;
    const c = new AC.AdaptiveCard();
    c.parse(el);
    const html = c.render()!;
    const shown = html.textContent ?? '';
    expect(shown).toContain(HOSTILE);
    expect(html.querySelector('a[href="https://evil.example"]')).toBeNull();
    expect(html.querySelector('strong, em, b')).toBeNull();
  });
});
