/**
 * The words of the Teams-native entry points: the fault form as a dialog, "Meld feil fra denne
 * meldingen", case search from the compose box and link unfurling. Bokmål first, English second;
 * reached like every other text through `strings(locale).teams`.
 */

export interface TeamsStrings {
  /** The dialog's title bar. */
  dialogTitle: string;
  /** The card that opens the dialog (where dialogs exist). */
  opener: { heading: string; text: string; button: string };
  /** The symptom prefilled from a Teams message: its author, time and text. */
  fromMessage(author: string, when: string, text: string): string;
  /** A message without text (an image, a card): the symptom says so. */
  emptyMessage: string;
  /** Whoever wrote a message Teams does not name. */
  unknownAuthor: string;
  /** The dialog when the case was created but the chat could not be written to. */
  notPosted: string;
  /** The compact case card (search results, unfurled links). */
  caseCard: { nextDeadline: string; openInTab: string; service: string };
  /** The search command's answer when a query needs more letters. */
  searchTooShort(min: number): string;
  /** The help text's lines about the Teams entry points. */
  help: string[];
}

export const teamsNb: TeamsStrings = {
  dialogTitle: 'Meld feil',
  opener: {
    heading: 'Meld feil',
    text: 'Skjemaet åpnes i et eget vindu. Svarene dine blir tatt vare på om noe må rettes.',
    button: 'Åpne skjemaet',
  },
  fromMessage: (author, when, text) => `Fra melding av ${author}, ${when}:\n\n${text}`,
  emptyMessage: '(meldingen har ingen tekst)',
  unknownAuthor: 'ukjent avsender',
  notPosted: 'Saken er opprettet, men Fristvakt kunne ikke skrive i denne samtalen. Se «mine saker».',
  caseCard: { nextDeadline: 'Neste frist', openInTab: 'Åpne i Fristvakt', service: 'Tjeneste' },
  searchTooShort: (min) => `Skriv minst ${min} tegn, eller et saksnummer (FV-2026-000123).`,
  help: [
    '**Meld feil fra denne meldingen**: velg … på en melding i Teams, så åpnes skjemaet med teksten, avsenderen og tidspunktet ferdig utfylt.',
    '**Søk i saker**: i skrivefeltet (+ eller …) finner du sakene dine på saksnummer eller ord i tittelen, og setter inn et kort om saken.',
    '**Lenker til saker** (fra fanen) vises som et kort om saken for dem som kan se den.',
  ],
};

export const teamsEn: TeamsStrings = {
  dialogTitle: 'Report a fault',
  opener: {
    heading: 'Report a fault',
    text: 'The form opens in its own window. Your answers are kept if something needs fixing.',
    button: 'Open the form',
  },
  fromMessage: (author, when, text) => `From a message by ${author}, ${when}:\n\n${text}`,
  emptyMessage: '(the message has no text)',
  unknownAuthor: 'unknown sender',
  notPosted: 'The case was created, but Fristvakt could not write in this conversation. See "my cases".',
  caseCard: { nextDeadline: 'Next deadline', openInTab: 'Open in Fristvakt', service: 'Service' },
  searchTooShort: (min) => `Type at least ${min} characters, or a reference (FV-2026-000123).`,
  help: [
    '**Report a fault from this message**: choose … on a Teams message and the form opens with its text, sender and time filled in.',
    '**Search cases**: in the compose box (+ or …) find your cases by reference or words in the title, and insert a card about the case.',
    '**Links to cases** (from the tab) show as a card about the case to those who may see it.',
  ],
};
