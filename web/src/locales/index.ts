// vue-i18n set-up: zh-CN by default, en-US by switch; the choice is kept in
// localStorage and also switches Element Plus's own texts (see App.vue).
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import enUS from './en-US'

export type Locale = 'zh-CN' | 'en-US'
export const LOCALES: Locale[] = ['zh-CN', 'en-US']
export const LOCALE_KEY = 'govperf.locale'

export const messages = { 'zh-CN': zhCN, 'en-US': enUS }

export function storedLocale(): Locale {
  const v = typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null
  return v === 'en-US' ? 'en-US' : 'zh-CN'
}

export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
}

export const i18n = createAppI18n()

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}
