// Every string a reader sees, in one place: the pages, the CSV and XLSX downloads and the
// monthly report (its page, PDF and charts). One Chinese and one English dictionary with the
// same keys (the English one is typed against the Chinese, so a missing translation fails the
// type check), read through translate(); plain data, so server code imports them too.
import { en } from './en';
import type { Locale } from './locale';
import { zh, type MessageKey } from './zh';

export type { MessageKey };
export * from './locale';

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { zh, en };

/** Whether a key built at run time (a run status, a quarantine reason) has a message. */
export function hasMessage(key: string): key is MessageKey {
  return key in zh;
}

/** The message in the locale, `{name}` placeholders filled from `vars`. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const message = DICTIONARIES[locale][key];
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
