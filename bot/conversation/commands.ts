/**
 * The chat commands: one table, matched on the normalised text (mentions and markup stripped,
 * lower case). Norwegian names first, English aliases after. Anything else gets a friendly hint.
 *
 * Each command names the surfaces it answers on: `personal` (the 1:1 chat) or `channel` (a team channel
 * or a group chat, where everyone in it reads the answer). A command that shows a person's own cases
 * or a case's details answers only in the 1:1 chat; said in a channel, the answer says to write it to
 * the bot in chat, and nothing about a case is shown. `hjelp` has one entry per surface.
 */
import type { Activity } from 'botbuilder';
import type { CardJson } from '../cards/card';
import type { Turn } from './turn';
import { helpCommand } from './personal/help';
import { faultFormEntry } from './teams/client';
import { myCasesCommand } from './personal/my-cases';
import { orderCommand } from './personal/order';
import { caseStatusCommand } from './personal/case-status';
import { noticesCommand } from './personal/notices';
import { newNoticeCommand } from './channel/notice-new';
import { linkCommand } from './channel/link';
import { billableCommandHandler } from './personal/billable';
import { commentCommandHandler } from './personal/comment';
import { problemCommandHandler } from './personal/problem';
import { followCommandHandler, unfollowCommandHandler } from './personal/follow';
import { proposeDeadlineCommandHandler } from './personal/propose-deadline';
import { channelHelpCommand } from './channel/channel-help';

/** Where a command answers: the 1:1 chat, or a conversation others read (a team channel, a group chat). */
export type Surface = 'personal' | 'channel';

/** The surface of an activity: only a 1:1 chat is personal. */
export const surfaceOf = (a: Pick<Activity, 'conversation'>): Surface =>
  a.conversation?.conversationType === 'personal' ? 'personal' : 'channel';

const PERSONAL: readonly Surface[] = ['personal'];
const CHANNEL: readonly Surface[] = ['channel'];
const BOTH: readonly Surface[] = ['personal', 'channel'];

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
  /** Where it answers; said elsewhere, the answer says where to use it. */
  surfaces: readonly Surface[];
  handler: CommandHandler;
}

export const COMMANDS: CommandDef[] = [
  {
    name: 'meld feil',
    aliases: ['report fault', 'report', 'ny sak'],
    takesArgument: true,
    surfaces: PERSONAL,
    // In Teams a button that opens the form in a dialog; elsewhere (the Playground) the inline form.
    handler: faultFormEntry,
  },
  {
    name: 'bestill',
    aliases: ['order', 'bestilling'],
    takesArgument: false,
    surfaces: PERSONAL,
    handler: orderCommand,
  },
  {
    name: 'mine saker',
    aliases: ['my cases', 'saker'],
    takesArgument: false,
    surfaces: PERSONAL,
    handler: myCasesCommand,
  },
  { name: 'status', aliases: ['sak'], takesArgument: true, surfaces: PERSONAL, handler: caseStatusCommand },
  {
    name: 'driftsmeldinger',
    aliases: ['notices', 'driftsmelding'],
    takesArgument: false,
    surfaces: BOTH,
    handler: noticesCommand,
  },
  {
    name: 'hjelp',
    aliases: ['help', '?', 'meny', 'menu'],
    takesArgument: false,
    surfaces: PERSONAL,
    handler: helpCommand,
  },
  {
    name: 'hjelp',
    aliases: ['help', '?', 'meny', 'menu'],
    takesArgument: false,
    surfaces: CHANNEL,
    handler: channelHelpCommand,
  },
  // The case conversation: comments, followers, agreed deadlines, billable, problem records.
  {
    name: 'kommenter',
    aliases: ['comment'],
    takesArgument: true,
    surfaces: PERSONAL,
    handler: commentCommandHandler,
  },
  {
    name: 'følg',
    aliases: ['follow', 'folg'],
    takesArgument: true,
    surfaces: PERSONAL,
    handler: followCommandHandler,
  },
  {
    name: 'slutt å følge',
    aliases: ['unfollow', 'slutt a folge'],
    takesArgument: true,
    surfaces: PERSONAL,
    handler: unfollowCommandHandler,
  },
  {
    name: 'ny frist',
    aliases: ['propose deadline'],
    takesArgument: true,
    surfaces: PERSONAL,
    handler: proposeDeadlineCommandHandler,
  },
  {
    name: 'fakturerbar',
    aliases: ['billable'],
    takesArgument: true,
    surfaces: PERSONAL,
    handler: billableCommandHandler,
  },
  {
    name: 'problemsak',
    aliases: ['problem'],
    takesArgument: true,
    surfaces: PERSONAL,
    handler: problemCommandHandler,
  },
  // The channel: link a channel to a desk, a new driftsmelding.
  { name: 'koble', aliases: ['link'], takesArgument: true, surfaces: CHANNEL, handler: linkCommand },
  {
    name: 'ny driftsmelding',
    aliases: ['new notice'],
    takesArgument: true,
    surfaces: CHANNEL,
    handler: newNoticeCommand,
  },
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

/**
 * Finds the command the text starts with (whole words); null when none. With `surface`, a command
 * that answers there wins over one of the same name that does not (`hjelp`).
 */
export function matchCommand(text: string, surface?: Surface): CommandMatch | null {
  const clean = cleanText(text);
  const lower = clean.toLowerCase().replace(/[.!]+$/, '');
  const order = surface
    ? [
        ...COMMANDS.filter((c) => c.surfaces.includes(surface)),
        ...COMMANDS.filter((c) => !c.surfaces.includes(surface)),
      ]
    : COMMANDS;
  for (const command of order) {
    for (const name of [command.name, ...command.aliases]) {
      if (lower === name) return { command, arg: '' };
      if (command.takesArgument && lower.startsWith(`${name} `))
        return { command, arg: clean.slice(name.length).trim() };
    }
  }
  return null;
}

/**
 * The answer to a command text on the turn's surface: the command's own where it answers; elsewhere,
 * where to use it (nothing the command would show); null when the text is no command.
 */
export async function answerCommand(turn: Turn, text: string): Promise<CardJson | string | null> {
  const surface = surfaceOf(turn.context.activity);
  const match = matchCommand(text, surface);
  if (!match) return null;
  const { command, arg } = match;
  if (command.surfaces.includes(surface)) return command.handler(turn, arg);
  const s = turn.s.channel.commands;
  return surface === 'channel' ? s.inChat(command.name) : s.inChannel(command.name);
}
