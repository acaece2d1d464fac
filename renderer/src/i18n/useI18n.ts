// The i18n hook: `t(key, params)` for messages and `f`, the one formatter (shared/format) in the current locale,
// currency and business time zone (both from the engine).
import { useMemo } from 'react';
import type { LocalizedText } from '../../../shared/types';
import { useAppStore } from '../state/appStore';
import { useUiStore } from '../state/uiStore';
import { en } from './en';
import { createFormatter, type Formatter, type Locale } from '../../../shared/format';
import { ptBR, type MessageKey } from './ptBR';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const tables: Record<Locale, Record<MessageKey, string>> = { 'pt-BR': ptBR, en };

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = tables[locale][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export interface I18n {
  locale: Locale;
  t: Translate;
  f: Formatter;
  /** Picks the current locale's text of a pt-BR/en pair. */
  l(text: LocalizedText | undefined, fallback?: string): string;
}

export function useI18n(): I18n {
  const locale = useUiStore((s) => s.locale);
  const currency = useAppStore((s) => s.info?.currency ?? 'BRL');
  const tz = useAppStore((s) => s.info?.timezone ?? 'America/Sao_Paulo');
  return useMemo(
    () => ({
      locale,
      t: (key, params) => translate(locale, key, params),
      f: createFormatter({ locale, currency, timeZone: tz }),
      l: (text, fallback = '') => (text ? text[locale] || text['pt-BR'] : fallback),
    }),
    [locale, currency, tz],
  );
}
