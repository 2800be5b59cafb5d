/**
 * The chat commands: one table, matched on the normalised text (mentions and markup stripped,
 * lower case). Norwegian names first, English aliases after. Anything else gets a friendly hint.
 */
import type { CardJson } from '../cards/card';
import type { Turn } from './turn';
import { helpCommand } from './personal/help';
import { reportFaultCommand } from './personal/report-fault';
import { myCasesCommand } from './personal/my-cases';
import { caseStatusCommand } from './personal/case-status';
import { noticesCommand } from './personal/notices';
import { newNoticeCommand } from './channel/notice-new';
import { linkCommand } from './channel/link';
import { billableCommandHandler } from './personal/billable';
import { commentCommandHandler } from './personal/comment';
import { problemCommandHandler } from './personal/problem';
import { followCommandHandler, unfollowCommandHandler } from './personal/follow';
import { proposeDeadlineCommandHandler } from './personal/propose-deadline';

/**
 * A command's handler; `arg` is the rest of the text after the command's name (may be empty). It
 * returns the answer (a card or a text), which the caller sends, or returns to a menu button's invoke.
 */
export type CommandHandler = (turn: Turn, arg: string) => Promise<CardJson | string>;

export interface CommandDef {
  name: string;
  aliases: string[];
  /** Whether text after the name is allowed (`status <ref>`, `meld feil <title>`). */
  takesArgument: boolean;
  handler: CommandHandler;
}

export const COMMANDS: CommandDef[] = [
  {
    name: 'meld feil',
    aliases: ['report fault', 'report', 'ny sak'],
    takesArgument: true,
    handler: reportFaultCommand,
  },
  { name: 'mine saker', aliases: ['my cases', 'saker'], takesArgument: false, handler: myCasesCommand },
  { name: 'status', aliases: ['sak'], takesArgument: true, handler: caseStatusCommand },
  {
    name: 'driftsmeldinger',
    aliases: ['notices', 'driftsmelding'],
    takesArgument: false,
    handler: noticesCommand,
  },
  { name: 'hjelp', aliases: ['help', '?', 'meny', 'menu'], takesArgument: false, handler: helpCommand },
  // The case conversation: comments, followers, agreed deadlines, billable, problem records.
  { name: 'kommenter', aliases: ['comment'], takesArgument: true, handler: commentCommandHandler },
  { name: 'følg', aliases: ['follow', 'folg'], takesArgument: true, handler: followCommandHandler },
  {
    name: 'slutt å følge',
    aliases: ['unfollow', 'slutt a folge'],
    takesArgument: true,
    handler: unfollowCommandHandler,
  },
  {
    name: 'ny frist',
    aliases: ['propose deadline'],
    takesArgument: true,
    handler: proposeDeadlineCommandHandler,
  },
  { name: 'fakturerbar', aliases: ['billable'], takesArgument: true, handler: billableCommandHandler },
  { name: 'problemsak', aliases: ['problem'], takesArgument: true, handler: problemCommandHandler },
  // The channel: link a channel to a desk, a new driftsmelding.
  { name: 'koble', aliases: ['link'], takesArgument: true, handler: linkCommand },
  { name: 'ny driftsmelding', aliases: ['new notice'], takesArgument: true, handler: newNoticeCommand },
];

/** The message text without `<at>` mentions, HTML tags and entities, whitespace collapsed. */
export function cleanText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CommandMatch {
  command: CommandDef;
  arg: string;
}

/** Finds the command the text starts with (whole words); null when none. */
export function matchCommand(text: string, commands: CommandDef[] = COMMANDS): CommandMatch | null {
  const clean = cleanText(text);
  const lower = clean.toLowerCase().replace(/[.!]+$/, '');
  for (const command of commands) {
    for (const name of [command.name, ...command.aliases]) {
      if (lower === name) return { command, arg: '' };
      if (command.takesArgument && lower.startsWith(`${name} `))
        return { command, arg: clean.slice(name.length).trim() };
    }
  }
  return null;
}
