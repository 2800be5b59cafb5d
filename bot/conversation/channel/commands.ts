/** The channel flow's chat commands (issue 5), spread into the command table (conversation/commands.ts). */
import type { CommandDef } from '../commands';
import { newNoticeCommand } from './handlers/notice-new';
import { linkCommand } from './link';

export const CHANNEL_COMMANDS: CommandDef[] = [
  { name: 'koble', aliases: ['link'], takesArgument: true, handler: linkCommand },
  { name: 'ny driftsmelding', aliases: ['new notice'], takesArgument: true, handler: newNoticeCommand },
];
