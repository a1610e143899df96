// Language declarations as feeds write them ("en-GB", "pt_BR", "FR"), reduced to ISO 639-1.
// Kept apart from detection so that code which only reads declarations never loads eld's tables.

/** "en-GB", "pt_BR", "FR" to "en", "pt", "fr"; undefined when nothing is declared. */
export function languageCode(declared: string | undefined): string | undefined {
  return declared?.trim().toLowerCase().split(/[-_]/)[0] || undefined;
}

/** The EU's official languages plus Russian and Ukrainian; eld lacks Maltese and Irish. */
export const SUPPORTED_LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv',
  'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'ru', 'uk',
] as const;
