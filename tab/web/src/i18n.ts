/**
 * The tab's words for React: the locale's context and `useT`. The words themselves, and Oslo-time
 * formatting, are in `text.ts` (no React there: the boot script uses them too).
 */
import { createContext, useContext } from 'react';
import type { Locale } from '../../../shared/i18n-text';
import { textsOf, type Texts } from './text';

export * from './text';

export const LocaleContext = createContext<Locale>('nb');

export function useT(): Texts {
  return textsOf(useContext(LocaleContext));
}
