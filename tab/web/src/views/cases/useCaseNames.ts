/** Names for the ids in the case list (services, virksomheter, priorities) and each desk's policy. */
import { useMemo } from 'react';
import type { SlaPolicy } from '../../../../../shared/sla/policy';
import type { MeResponse } from '../../../../common/api-types';
import { useT } from '../../i18n';

export interface CaseNames {
  services: Map<string, string>;
  orgs: Map<string, string>;
  priorities: Map<string, string>;
  policies: Map<string, SlaPolicy>;
}

export function useCaseNames(me: MeResponse): CaseNames {
  const { l } = useT();
  const policies = useMemo(() => new Map<string, SlaPolicy>(me.desks.map((d) => [d.id, d.policy])), [me]);
  const services = useMemo(() => new Map(me.services.map((s) => [s.id as string, s.name])), [me]);
  const orgs = useMemo(() => new Map(me.organisations.map((o) => [o.id as string, o.name])), [me]);
  const priorities = useMemo(() => {
    const m = new Map<string, string>();
    for (const d of me.desks) for (const p of d.policy.priorities) if (!m.has(p.id)) m.set(p.id, l(p.label));
    return m;
  }, [me, l]);
  return useMemo(() => ({ services, orgs, priorities, policies }), [services, orgs, priorities, policies]);
}
