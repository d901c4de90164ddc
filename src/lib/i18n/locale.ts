// The two UI languages. Chinese is the default: the commission reads Chinese first.
export type Locale = 'zh' | 'en';

export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh';
/** Cookie that remembers the reader's choice, so the server renders the right language. */
export const LOCALE_COOKIE = 'hci_lang';

export function parseLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

/** The BCP 47 tag for `<html lang>` and Intl. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}
