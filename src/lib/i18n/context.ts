// The reader's language for every component below the root layout, without threading a prop
// through each one. Reads go through a getter, so a language switch re-renders what used it.
import { getContext, setContext } from 'svelte';
import type { Text } from '#lib/contract/contract.js';
import { hasMessage, translate, type Locale, type MessageKey } from './index';

export interface I18n {
  readonly locale: Locale;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /**
   * The message for a key built from data (`reason.${code}`), its `{name}` placeholders filled
   * from `vars` as t() does; else the fallback as it is.
   */
  label(key: string, fallback: string, vars?: Record<string, string | number>): string;
  /** A bilingual text from the API ({zh, en}) in the reader's language. */
  text(value: Text | null | undefined): string;
  /** Names in a row, as each language lists them (门诊、住院 / outpatient, inpatient). */
  list(items: readonly string[]): string;
  /** A feed's name for readers (feed.<id>); an unknown feed keeps its id. */
  feed(id: string): string;
}

const KEY = Symbol('i18n');

export function provideI18n(locale: () => Locale): I18n {
  const i18n: I18n = {
    get locale() {
      return locale();
    },
    t: (key, vars) => translate(locale(), key, vars),
    label: (key, fallback, vars) => (hasMessage(key) ? translate(locale(), key, vars) : fallback),
    text: (value) => (value ? value[locale()] : ''),
    list: (items) => items.join(locale() === 'zh' ? '、' : ', '),
    feed: (id) => i18n.label(`feed.${id}`, id)
  };
  return setContext(KEY, i18n);
}

export function useI18n(): I18n {
  return getContext<I18n>(KEY);
}
