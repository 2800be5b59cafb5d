/** User-facing text in Norwegian bokmål (the default) and English (the second locale). */
export interface LocalizedText {
  nb: string;
  en: string;
}
export type Locale = keyof LocalizedText;

/** A client's locale tag (`nb-NO`, `en-US`, …) as one of ours: English for `en*`, else bokmål. */
export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'nb';
}
