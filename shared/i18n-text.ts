/** User-facing text in Norwegian bokmål (the default) and English (the second locale). */
export interface LocalizedText {
  nb: string;
  en: string;
}
export type Locale = keyof LocalizedText;
