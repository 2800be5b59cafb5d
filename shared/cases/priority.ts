/**
 * The priority suggestion: from the fault-report checklist (scope, whether all or part of the service
 * is down) and the service's criticality to an urgency level 1–4, following ROR-IKT's definitions
 * (seed 004 §5.6), then to the desk's own scheme by level. The desk sets the final priority.
 *
 * Levels (ROR-IKT §5.6):
 * 1 Kritisk — loss of an application needed for life-and-health services; loss of another system
 *   expected to have high uptime (we take "loss" of a high-uptime system to mean all of it, for a whole
 *   virksomhet or more).
 * 2 Høy — total loss of a system affecting at least one virksomhet/faggruppe (a department counts: a
 *   faggruppe is a group of colleagues); citizen-facing e-services; a high-uptime system down for a
 *   department or one user; part of a life-and-health application down for more than one user.
 * 3 Middels — loss of a system affecting at least one user; partial loss for a department or more;
 *   partial loss of a life-and-health, high-uptime or citizen-facing service for one user.
 * 4 Lav — does not stop ordinary work: part of an ordinary service for one user; orders, change
 *   proposals and questions.
 *
 * Byarkivet's categories (seed 000) are levels A = 1, B = 2, C = 4 in the preset, and a level maps to the
 * scheme's priority with the nearest level, ties going to the more urgent one. So a single user who
 * cannot start WebSak (level 3) gets B, as the seed's examples say; minor problems get C; WebSak down
 * for everyone gets A when the catalogue marks WebSak as `high_uptime` (and B otherwise). UKE's two
 * classes (levels 1 and 3) give Kritisk for levels 1–2: fellesfeil are critical faults there (seed 002
 * §5.1.2.2).
 */
import type { Service } from '../desks/model';
import type { PriorityId } from '../ids';
import type { LocalizedText } from '../i18n-text';
import type { PriorityDefinition, SlaPolicy } from '../sla/policy';
import type { CaseKind, FaultChecklist } from './model';

export type UrgencyLevel = 1 | 2 | 3 | 4;

export interface PrioritySuggestion {
  priority: PriorityId;
  /** Why, for whoever sets the final priority. */
  reason: LocalizedText;
}

interface Rule {
  level: UrgencyLevel;
  why: LocalizedText;
}

const broad = (scope: FaultChecklist['scope']): boolean =>
  scope === 'organisation' || scope === 'several_organisations';

/** The urgency level the checklist answers and the service's criticality point to, and why. */
export function suggestLevel(input: { checklist: FaultChecklist; kind: CaseKind }, service: Service): Rule {
  const { scope, availability } = input.checklist;
  if (input.kind !== 'fault')
    return {
      level: 4,
      why: {
        nb: 'Bestillinger, endringsforslag og spørsmål hindrer ikke ordinært arbeid direkte.',
        en: 'Orders, change proposals and questions do not directly stop ordinary work.',
      },
    };
  const c = service.criticality;
  if (availability === 'all') {
    if (c === 'life_and_health')
      return {
        level: 1,
        why: {
          nb: `${service.name} er nødvendig for tjenester innen liv og helse, og hele tjenesten er utilgjengelig.`,
          en: `${service.name} is needed for life-and-health services, and the whole service is unavailable.`,
        },
      };
    if (c === 'high_uptime' && broad(scope))
      return {
        level: 1,
        why: {
          nb: `${service.name} skal ha høy oppetid og er helt nede for hele virksomheten eller flere.`,
          en: `${service.name} is expected to have high uptime and is down for a whole organisation or more.`,
        },
      };
    if (c === 'high_uptime' || c === 'citizen_facing')
      return {
        level: 2,
        why:
          c === 'citizen_facing'
            ? {
                nb: `${service.name} brukes av innbyggerne, og hele tjenesten er utilgjengelig.`,
                en: `${service.name} is used by citizens, and the whole service is unavailable.`,
              }
            : {
                nb: `${service.name} skal ha høy oppetid og er helt nede.`,
                en: `${service.name} is expected to have high uptime and is down.`,
              },
      };
    if (scope !== 'me')
      return {
        level: 2,
        why: {
          nb: 'Fullstendig bortfall av systemet som berører minst en avdeling eller virksomhet.',
          en: 'Total loss of the system affecting at least a department or organisation.',
        },
      };
    return {
      level: 3,
      why: {
        nb: 'Bortfall av systemet som berører én bruker.',
        en: 'Loss of the system affecting one user.',
      },
    };
  }
  // Part of the service still works.
  if (c === 'life_and_health' && scope !== 'me')
    return {
      level: 2,
      why: {
        nb: `Deler av ${service.name}, som trengs for tjenester innen liv og helse, er utilgjengelig for flere brukere.`,
        en: `Part of ${service.name}, needed for life-and-health services, is unavailable to several users.`,
      },
    };
  if (scope !== 'me' || c !== 'normal')
    return {
      level: 3,
      why: {
        nb: 'Deler av tjenesten er utilgjengelig og hindrer arbeidet.',
        en: 'Part of the service is unavailable and hinders the work.',
      },
    };
  return {
    level: 4,
    why: {
      nb: 'Deler av tjenesten fungerer, og bare én bruker er berørt: feilen hindrer ikke ordinært arbeid direkte.',
      en: 'Part of the service works and only one user is affected: the fault does not directly stop ordinary work.',
    },
  };
}

/** The scheme's priority closest to `level`; on a tie, the more urgent one. */
export function priorityForLevel(policy: SlaPolicy, level: UrgencyLevel): PriorityDefinition {
  let best = policy.priorities[0];
  for (const p of policy.priorities) {
    const d = Math.abs(p.level - level);
    const bestD = Math.abs(best.level - level);
    if (d < bestD || (d === bestD && p.level < best.level)) best = p;
  }
  return best;
}

/** Suggests a priority of the desk's scheme for a new case, with the reason in both languages. */
export function suggestPriority(
  input: { checklist: FaultChecklist; kind: CaseKind },
  service: Service,
  policy: SlaPolicy,
): PrioritySuggestion {
  const rule = suggestLevel(input, service);
  const p = priorityForLevel(policy, rule.level);
  return {
    priority: p.id,
    reason: {
      nb: `${rule.why.nb} Foreslått prioritet: ${p.label.nb}.`,
      en: `${rule.why.en} Suggested priority: ${p.label.en}.`,
    },
  };
}
