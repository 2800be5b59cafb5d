/** The configuration page's words, Norwegian bokmål (default) and English. */
import type { Locale } from '../../../../shared/i18n-text';

const T = {
  heading: { nb: 'Legg til Fristvakt i kanalen', en: 'Add Fristvakt to the channel' },
  intro: {
    nb: 'Velg hva fanen skal vise for alle i kanalen.',
    en: 'Choose what the tab shows to everyone in the channel.',
  },
  choiceLabel: { nb: 'Fanen viser', en: 'The tab shows' },
  desk: { nb: 'Saksoversikt', en: 'Case overview' },
  deskHelp: {
    nb: 'Servicesenterets kø med frister som teller ned.',
    en: 'The desk queue with deadlines counting down.',
  },
  report: { nb: 'SLA-rapport', en: 'SLA report' },
  reportHelp: {
    nb: 'Andel saker innenfor fristene, svartider og brudd for en periode.',
    en: 'Share of cases within their deadlines, response times and breaches for a period.',
  },
  deskField: { nb: 'Servicesenter (valgfritt)', en: 'Desk (optional)' },
  allDesks: { nb: 'Alle mine servicesentre', en: 'All my desks' },
  desksLoading: { nb: 'Henter servicesentre …', en: 'Loading desks …' },
  desksUnavailable: {
    nb: 'Servicesentrene kan velges når siden er åpnet i Teams.',
    en: 'Desks can be chosen when the page is open in Teams.',
  },
  resultLabel: { nb: 'Fanens adresse', en: 'The tab’s address' },
  noChoice: { nb: 'Velg hva fanen skal vise.', en: 'Choose what the tab shows.' },
  tabName: { nb: 'Fanens navn', en: 'Tab name' },
  outsideTeamsTitle: { nb: 'Åpnet utenfor Teams', en: 'Opened outside Teams' },
  outsideTeams: {
    nb: 'Lagring virker bare inne i Microsoft Teams, når fanen legges til i en kanal.',
    en: 'Saving only works inside Microsoft Teams, when the tab is added to a channel.',
  },
  saveFailed: { nb: 'Fanen kunne ikke lagres.', en: 'The tab could not be saved.' },
} as const;

export type ConfigTextKey = keyof typeof T;

export const configText =
  (locale: Locale) =>
  (k: ConfigTextKey): string =>
    T[k][locale];
