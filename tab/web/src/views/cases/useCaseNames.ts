/** Names for the ids in the case list (services, virksomheter, priorities) and each desk's policy. */
import { useMemo } from 'react';
import type { MeResponse } from '../../../../common/api-types';
import { useT } from '../../i18n';
import { caseNamesOf, type CaseNames } from './row-text';

export type { CaseNames } from './row-text';

export function useCaseNames(me: MeResponse): CaseNames {
  const texts = useT();
  return useMemo(() => caseNamesOf(me, texts), [me, texts]);
}
