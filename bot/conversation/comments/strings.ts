/**
 * The texts of the case conversation (issue 8): comments, followers, agreed deadlines, billable work,
 * problem records. Norwegian bokmål and English; kept beside the bot's main strings so the two
 * helpers' files do not collide.
 */
import type { Locale } from '../../../shared/i18n-text';

export interface ConversationStrings {
  commentUsage: string;
  followUsage: string;
  commented: (ref: string) => string;
  newComment: (ref: string, who: string) => string;
  addressedTo: (who: string) => string;
  reply: string;
  commentLabel: string;
  commentPlaceholder: string;
  send: string;
  commentRequired: string;
  commentTooLong: (max: number) => string;
  follow: string;
  following: (ref: string) => string;
  unfollowed: (ref: string) => string;
  alreadyFollowing: (ref: string) => string;
  notFollowing: (ref: string) => string;
  youFollow: (ref: string, title: string) => string;
  reporterCannotFollow: string;
  followersLabel: string;
  followersPlaceholder: string;
  followersSaved: (ref: string) => string;
  noSuchPerson: (name: string) => string;
  proposalTitle: (ref: string) => string;
  proposalIntro: string;
  proposedDue: string;
  reason: string;
  accept: string;
  decline: string;
  declineComment: string;
  accepted: (ref: string, due: string) => string;
  declined: (ref: string) => string;
  proposalAnswered: (ref: string, accepted: boolean, due: string) => string;
  proposalStale: string;
  billable: (ref: string, reason: string) => string;
  problem: (ref: string, problemId: string) => string;
  administratorTold: (ref: string, title: string, service: string) => string;
  event: {
    edited: string;
    deleted: string;
    proposed: (due: string) => string;
    answered: (accepted: boolean, due: string) => string;
    billable: string;
    problem: (id: string) => string;
  };
  update: {
    claimed: (ref: string, who: string) => string;
    waiting: (ref: string) => string;
    resumed: (ref: string) => string;
    solved: (ref: string) => string;
    closed: (ref: string) => string;
    rejected: (ref: string) => string;
  };
  forbidden: string;
  invalid: (detail: string) => string;
  commentButton: string;
  unfollowButton: string;
  saveFollowers: string;
  internalToggle: string;
  showCase: string;
  noteAdded: (ref: string) => string;
  proposalSent: (ref: string) => string;
  proposeUsage: string;
  billableUsage: string;
  problemUsage: string;
  billableSaved: (ref: string) => string;
  problemSaved: (ref: string, id: string) => string;
}

const NB: ConversationStrings = {
  commentUsage: 'Skriv «kommenter FV-2026-000123 teksten din».',
  followUsage: 'Skriv «følg FV-2026-000123» eller «slutt å følge FV-2026-000123».',
  commented: (ref) => `Kommentaren er lagt til sak ${ref}.`,
  newComment: (ref, who) => `Ny kommentar i sak ${ref} fra ${who}`,
  addressedTo: (who) => `Til: ${who}`,
  reply: 'Svar',
  commentLabel: 'Kommentar',
  commentPlaceholder: 'Skriv en kommentar til saken',
  send: 'Send',
  commentRequired: 'Skriv en kommentar.',
  commentTooLong: (max) => `Kommentaren kan ha høyst ${max} tegn.`,
  follow: 'Følg saken',
  following: (ref) => `Du følger nå sak ${ref}. Du får beskjed når noe skjer.`,
  unfollowed: (ref) => `Du følger ikke lenger sak ${ref}.`,
  alreadyFollowing: (ref) => `Du følger allerede sak ${ref}.`,
  notFollowing: (ref) => `Du følger ikke sak ${ref}.`,
  youFollow: (ref, title) => `Du er lagt til som følger av sak ${ref}: ${title}`,
  reporterCannotFollow: 'Du meldte saken selv, og får beskjed uansett.',
  followersLabel: 'Følgere (navn, skilt med komma)',
  followersPlaceholder: 'F.eks. Ola Hansen, Kari Nordmann',
  followersSaved: (ref) => `Følgerne av sak ${ref} er oppdatert.`,
  noSuchPerson: (name) => `Fant ingen person som heter «${name}».`,
  proposalTitle: (ref) => `Forslag om ny frist i sak ${ref}`,
  proposalIntro:
    'Saken kan ikke løses innen fristen fordi den venter på en tredjepart. Servicesenteret foreslår en ny frist.',
  proposedDue: 'Ny frist',
  reason: 'Begrunnelse',
  accept: 'Godta ny frist',
  decline: 'Avslå',
  declineComment: 'Kommentar (valgfri)',
  accepted: (ref, due) => `Du har godtatt ny frist for sak ${ref}: ${due}.`,
  declined: (ref) => `Du har avslått forslaget om ny frist for sak ${ref}.`,
  proposalAnswered: (ref, accepted, due) =>
    accepted
      ? `Innmelder godtok ny frist for sak ${ref}: ${due}.`
      : `Innmelder avslo ny frist for sak ${ref}.`,
  proposalStale: 'Forslaget er erstattet eller allerede besvart.',
  billable: (ref, reason) => `Arbeidet med sak ${ref} vil trolig bli fakturert. Begrunnelse: ${reason}`,
  problem: (ref, id) =>
    `Sak ${ref} er løst med en midlertidig løsning. En varig løsning følges opp i problemsak ${id}.`,
  administratorTold: (ref, title, service) =>
    `Teknisk feil meldt på ${service} (du er forvalter): sak ${ref}: ${title}`,
  event: {
    edited: 'Kommentar redigert',
    deleted: 'Kommentar slettet',
    proposed: (due) => `Ny frist foreslått: ${due}`,
    answered: (accepted, due) => (accepted ? `Ny frist godtatt: ${due}` : 'Ny frist avslått'),
    billable: 'Merket som trolig fakturerbar',
    problem: (id) => `Knyttet til problemsak ${id}`,
  },
  update: {
    claimed: (ref, who) => `${who} har tatt sak ${ref} (som du følger).`,
    waiting: (ref) => `Sak ${ref} (som du følger) venter på en annen part.`,
    resumed: (ref) => `Arbeidet med sak ${ref} (som du følger) fortsetter.`,
    solved: (ref) => `Sak ${ref} (som du følger) er løst.`,
    closed: (ref) => `Sak ${ref} (som du følger) er lukket.`,
    rejected: (ref) => `Innmelder avviste løsningen i sak ${ref}.`,
  },
  forbidden: 'Du kan ikke gjøre dette i denne saken.',
  invalid: (detail) => `Det gikk ikke: ${detail}`,
  commentButton: 'Kommenter',
  unfollowButton: 'Slutt å følge',
  saveFollowers: 'Lagre følgere',
  internalToggle: 'Internt notat (bare støttelinjene ser det)',
  showCase: 'Vis saken',
  noteAdded: (ref) => `Internt notat lagt til sak ${ref}.`,
  proposalSent: (ref) => `Forslaget om ny frist for sak ${ref} er sendt til innmelder.`,
  proposeUsage: 'Skriv «ny frist FV-2026-000123 2026-11-20 15:00 begrunnelsen».',
  billableUsage: 'Skriv «fakturerbar FV-2026-000123 begrunnelsen».',
  problemUsage: 'Skriv «problemsak FV-2026-000123 PRB-42».',
  billableSaved: (ref) => `Sak ${ref} er merket som trolig fakturerbar, og innmelder har fått beskjed.`,
  problemSaved: (ref, id) => `Sak ${ref} er knyttet til problemsak ${id}, og innmelder har fått beskjed.`,
};

const EN: ConversationStrings = {
  commentUsage: 'Write “comment FV-2026-000123 your text”.',
  followUsage: 'Write “follow FV-2026-000123” or “unfollow FV-2026-000123”.',
  commented: (ref) => `Your comment was added to case ${ref}.`,
  newComment: (ref, who) => `New comment on case ${ref} from ${who}`,
  addressedTo: (who) => `To: ${who}`,
  reply: 'Reply',
  commentLabel: 'Comment',
  commentPlaceholder: 'Write a comment on the case',
  send: 'Send',
  commentRequired: 'Write a comment.',
  commentTooLong: (max) => `A comment can have at most ${max} characters.`,
  follow: 'Follow the case',
  following: (ref) => `You now follow case ${ref}. You will hear when something happens.`,
  unfollowed: (ref) => `You no longer follow case ${ref}.`,
  alreadyFollowing: (ref) => `You already follow case ${ref}.`,
  notFollowing: (ref) => `You do not follow case ${ref}.`,
  youFollow: (ref, title) => `You were added as a follower of case ${ref}: ${title}`,
  reporterCannotFollow: 'You reported the case yourself and hear about it anyway.',
  followersLabel: 'Followers (names, separated by commas)',
  followersPlaceholder: 'E.g. Ola Hansen, Kari Nordmann',
  followersSaved: (ref) => `The followers of case ${ref} were updated.`,
  noSuchPerson: (name) => `Found nobody called “${name}”.`,
  proposalTitle: (ref) => `New deadline proposed for case ${ref}`,
  proposalIntro:
    'The case cannot be solved within its deadline because it waits on a third party. The desk proposes a new deadline.',
  proposedDue: 'New deadline',
  reason: 'Reason',
  accept: 'Accept new deadline',
  decline: 'Decline',
  declineComment: 'Comment (optional)',
  accepted: (ref, due) => `You accepted a new deadline for case ${ref}: ${due}.`,
  declined: (ref) => `You declined the new deadline for case ${ref}.`,
  proposalAnswered: (ref, accepted, due) =>
    accepted
      ? `The reporter accepted a new deadline for case ${ref}: ${due}.`
      : `The reporter declined the new deadline for case ${ref}.`,
  proposalStale: 'The proposal was replaced or already answered.',
  billable: (ref, reason) => `The work on case ${ref} will likely be billed. Reason: ${reason}`,
  problem: (ref, id) =>
    `Case ${ref} was solved with a workaround. A permanent fix is followed up in problem record ${id}.`,
  administratorTold: (ref, title, service) =>
    `Technical fault reported on ${service} (you are its administrator): case ${ref}: ${title}`,
  event: {
    edited: 'Comment edited',
    deleted: 'Comment deleted',
    proposed: (due) => `New deadline proposed: ${due}`,
    answered: (accepted, due) => (accepted ? `New deadline accepted: ${due}` : 'New deadline declined'),
    billable: 'Marked likely billable',
    problem: (id) => `Linked to problem record ${id}`,
  },
  update: {
    claimed: (ref, who) => `${who} took case ${ref} (which you follow).`,
    waiting: (ref) => `Case ${ref} (which you follow) waits on another party.`,
    resumed: (ref) => `Work on case ${ref} (which you follow) continues.`,
    solved: (ref) => `Case ${ref} (which you follow) is solved.`,
    closed: (ref) => `Case ${ref} (which you follow) is closed.`,
    rejected: (ref) => `The reporter rejected the solution of case ${ref}.`,
  },
  forbidden: 'You cannot do this on this case.',
  invalid: (detail) => `That did not work: ${detail}`,
  commentButton: 'Comment',
  unfollowButton: 'Unfollow',
  saveFollowers: 'Save followers',
  internalToggle: 'Internal note (only the support lines see it)',
  showCase: 'Show the case',
  noteAdded: (ref) => `Internal note added to case ${ref}.`,
  proposalSent: (ref) => `The new deadline for case ${ref} was proposed to the reporter.`,
  proposeUsage: 'Write “ny frist FV-2026-000123 2026-11-20 15:00 the reason”.',
  billableUsage: 'Write “billable FV-2026-000123 the reason”.',
  problemUsage: 'Write “problem FV-2026-000123 PRB-42”.',
  billableSaved: (ref) => `Case ${ref} is marked likely billable, and the reporter was told.`,
  problemSaved: (ref, id) => `Case ${ref} is linked to problem record ${id}, and the reporter was told.`,
};

export const conversationStrings = (locale: Locale): ConversationStrings => (locale === 'en' ? EN : NB);
