/**
 * @jest-environment jsdom
 *
 * Every chat card, with representative data in both languages, parses and validates with the
 * `adaptivecards` library without a single warning, and every `Action.Execute` carries a known verb.
 */
import * as AC from 'adaptivecards';
import { sampleCards } from './samples';
import { ALL_VERBS } from './verbs';
import type { CardJson } from './card';

// Teams renders Markdown in TextBlocks; give the renderer a minimal processor (bold) as Teams would.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  result.outputHtml = escaped.replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');
  result.didProcess = true;
};

function validate(json: CardJson): string[] {
  const warnings: string[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
  try {
    return [...check(json), ...warnings.map((w) => `console: ${w}`)];
  } finally {
    warn.mockRestore();
  }
}

function check(json: CardJson): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, unknown>;
    if (o.type === 'Action.Execute' && (typeof o.verb !== 'string' || !ALL_VERBS.includes(o.verb)))
      problems.push(`Action.Execute "${String(o.title)}" has no known verb (${String(o.verb)})`);
    // Cards use Action.Execute; the one exception is the button that opens a Teams dialog (task/fetch).
    const opensDialog =
      (o.data as { msteams?: { type?: unknown } } | undefined)?.msteams?.type === 'task/fetch';
    if (o.type === 'Action.Submit' && !opensDialog)
      problems.push('Action.Submit used: cards use Action.Execute');
    Object.values(o).forEach(walk);
  };
  walk(json);
  // The card must also render (the renderer finds problems the parser does not).
  if (!card.render()) problems.push('render: nothing rendered');
  return problems;
}

describe.each(['nb', 'en'] as const)('cards (%s)', (locale) => {
  const cards = sampleCards(locale);
  it.each(Object.keys(cards))('%s is a valid Adaptive Card 1.5 without warnings', (name) => {
    expect(cards[name].version).toBe('1.5');
    expect(validate(cards[name])).toEqual([]);
  });
});

it('the validator does catch problems (duplicate ids, missing verb, unknown element)', () => {
  const bad = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'Input.Text', id: 'x' }, { type: 'Input.Text', id: 'x' }, { type: 'NoSuchElement' }],
    actions: [{ type: 'Action.Execute', title: 'Go' }],
  } as unknown as CardJson;
  const problems = validate(bad);
  expect(problems.some((p) => p.includes('Duplicate') || p.includes('duplicate'))).toBe(true);
  expect(problems.some((p) => p.includes('has no known verb'))).toBe(true);
  expect(problems.some((p) => p.includes('NoSuchElement'))).toBe(true);
});
