/**
 * The words of the supplier's events (shared/cases/supplier.ts), spread into the one wording of the
 * case history (`event-words.ts`): the verb phrase after the actor's name for thread lines and the
 * timeline, and the reporter's history line. Pure and bilingual.
 */
import type { Locale, LocalizedText } from '../i18n-text';
import { plainTextForCard } from '../text';
import type { CaseEvent } from './model';
import type { SupplierEventType } from './supplier';

const pick = (l: Locale, nb: string, en: string): string => (l === 'en' ? en : nb);

/** The verb phrase of a supplier event ("Sopra Steria oppga sitt saksnummer INC123"). */
export const SUPPLIER_PHRASES: Record<SupplierEventType, (e: CaseEvent) => LocalizedText> = {
  supplier_engaged: (e) => {
    const who = e.type === 'supplier_engaged' ? e.supplierName : '';
    return { nb: `sendte saken til ${who}`, en: `sent the case to ${who}` };
  },
  incident_reported: () => ({
    nb: 'meldte feilen som driftsleverandør',
    en: 'reported the fault as supplier',
  }),
  supplier_case_number: (e) => {
    const no = e.type === 'supplier_case_number' ? e.caseNumber : '';
    return { nb: `oppga saksnummer ${no}`, en: `gave case number ${no}` };
  },
  supplier_status: (e) => {
    const s = e.type === 'supplier_status' ? e.status : '';
    const note = e.type === 'supplier_status' && e.note ? `: ${e.note}` : '';
    return { nb: `satte status «${s}»${note}`, en: `set status "${s}"${note}` };
  },
  fixed_in_later_version: (e) => {
    const v = e.type === 'fixed_in_later_version' && e.version ? ` (${e.version})` : '';
    return {
      nb: `meldte at feilen rettes i en senere versjon${v}`,
      en: `said the fix comes in a later version${v}`,
    };
  },
  end_user_info_decided: (e) => {
    const yes = e.type === 'end_user_info_decided' && e.inform;
    return yes
      ? { nb: 'bestemte at sluttbrukerne skal informeres', en: 'decided to inform end users' }
      : { nb: 'bestemte at saken holdes intern', en: 'decided to keep the case internal' };
  },
  incident_notice_linked: () => ({ nb: 'knyttet en driftsmelding til saken', en: 'linked a service notice' }),
};

/** The reporter's history line of a supplier event (user text escaped). */
export const SUPPLIER_HISTORY: Record<SupplierEventType, (e: CaseEvent, l: Locale) => string> = {
  supplier_engaged: (e, l) =>
    e.type === 'supplier_engaged'
      ? pick(
          l,
          `Sendt til ${plainTextForCard(e.supplierName)}`,
          `Sent to ${plainTextForCard(e.supplierName)}`,
        )
      : '',
  incident_reported: (_e, l) => pick(l, 'Meldt av driftsleverandøren', 'Reported by the supplier'),
  supplier_case_number: (e, l) =>
    e.type === 'supplier_case_number'
      ? pick(
          l,
          `Leverandørens saksnummer: ${plainTextForCard(e.caseNumber)}`,
          `Supplier's case number: ${plainTextForCard(e.caseNumber)}`,
        )
      : '',
  supplier_status: (e, l) =>
    e.type === 'supplier_status'
      ? pick(
          l,
          `Status hos leverandøren: ${plainTextForCard(e.status)}`,
          `Status at the supplier: ${plainTextForCard(e.status)}`,
        )
      : '',
  fixed_in_later_version: (e, l) => {
    const v = e.type === 'fixed_in_later_version' && e.version ? ` (${plainTextForCard(e.version)})` : '';
    return pick(l, `Rettes i en senere versjon${v}`, `Fixed in a later version${v}`);
  },
  end_user_info_decided: (e, l) =>
    e.type === 'end_user_info_decided' && e.inform
      ? pick(l, 'Sluttbrukerne informeres', 'End users are informed')
      : pick(l, 'Holdes intern', 'Kept internal'),
  incident_notice_linked: (_e, l) => pick(l, 'Driftsmelding publisert', 'Service notice published'),
};
