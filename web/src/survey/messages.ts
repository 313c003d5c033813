// The questionnaire's words in zh-CN (default) and en-US: a plain table with
// `{name}` placeholders instead of vue-i18n, which would add more to the
// page than all of its own code (the page's budget: scripts/check-survey-budget.mjs).
// The questionnaire's own texts (title, questions, options) come from the
// survey in the language chosen, falling back to Chinese where the office
// gave no English.

export type Lang = 'zh-CN' | 'en-US'
export const LANGS: Lang[] = ['zh-CN', 'en-US']

const zh = {
  loading: '正在加载问卷…',
  badLink: '链接无效：找不到问卷编号。',
  notFound: '问卷不存在或尚未发布。',
  ended: '本次调查已结束，感谢您的关注。',
  thanksTitle: '感谢您的参与！',
  thanksText: '您的问卷已提交成功。您的意见将帮助我们改进工作。',
  doneText: '您已在本设备上提交过这份问卷。',
  progress: '已完成 {pct}%',
  enterCode: '请输入邀请码',
  codeHint: '请输入短信或信函中的邀请码',
  start: '开始答题',
  requiredMark: '必答',
  opinionPlaceholder: '请填写您的意见建议',
  opinionPlaceholderOptional: '请填写您的意见建议（选填）',
  fixCount: '还有 {n} 道题需要作答或修改',
  fixMarked: '请修改标红的题目后再提交',
  submitting: '正在提交…',
  retry: '重新提交',
  submit: '提交',
  switchTo: 'English',
  // Checks before sending
  required: '此题为必答题',
  tooLong: '最多 {n} 字',
  // Failures
  offline: '网络连接失败，请检查网络后点击“重新提交”，不会重复提交。',
  rateLimited: '提交过于频繁，{wait}再试。',
  waitSeconds: '请 {n} 秒后',
  waitLater: '请稍后',
  serverBusy: '服务器暂时无法处理，请稍后点击“重新提交”。',
  closed: '本次调查已结束或尚未开始，感谢您的关注。',
  codeUsed: '该邀请码已经使用过，每个邀请码只能提交一次。感谢您的参与！',
  deviceUsed: '本设备已经提交过这份问卷，感谢您的参与！',
  badAnswer: '此题答案有误',
  unknownCode: '邀请码无效，请核对短信或信函中的邀请码。',
  tokenRenewed: '设备凭证已失效，已重新获取，请再次点击“提交”。',
  notAccepting: '本次调查当前不接受提交。',
  failed: '提交失败，请稍后再试。',
  dontKnow: '不了解',
}
export type MessageKey = keyof typeof zh

const en: Record<MessageKey, string> = {
  loading: 'Loading the questionnaire…',
  badLink: 'This link is not valid: the survey is missing.',
  notFound: 'This survey does not exist or is not open yet.',
  ended: 'This survey has ended. Thank you for your interest.',
  thanksTitle: 'Thank you for taking part!',
  thanksText: 'Your answers have been submitted. Your views help us improve our work.',
  doneText: 'You have already answered this survey on this device.',
  progress: '{pct}% done',
  enterCode: 'Please enter your invitation code',
  codeHint: 'Enter the invitation code from your text message or letter',
  start: 'Start',
  requiredMark: 'required',
  opinionPlaceholder: 'Your comments and suggestions',
  opinionPlaceholderOptional: 'Your comments and suggestions (optional)',
  fixCount: '{n} question(s) still need an answer or a correction',
  fixMarked: 'Please correct the questions marked in red and submit again',
  submitting: 'Submitting…',
  retry: 'Submit again',
  submit: 'Submit',
  switchTo: '中文',
  required: 'Please answer this question',
  tooLong: 'At most {n} characters',
  offline: 'No network connection. Check your network and tap “Submit again”: nothing is sent twice.',
  rateLimited: 'Too many submissions: {wait}.',
  waitSeconds: 'please try again in {n} seconds',
  waitLater: 'please try again later',
  serverBusy: 'The server cannot take your answers right now. Please tap “Submit again” in a moment.',
  closed: 'This survey has ended or has not started yet. Thank you for your interest.',
  codeUsed: 'This invitation code has already been used: each code can be used once. Thank you for taking part!',
  deviceUsed: 'This survey has already been answered on this device. Thank you for taking part!',
  badAnswer: 'This answer is not valid',
  unknownCode: 'This invitation code is not valid. Please check the code in your text message or letter.',
  tokenRenewed: 'Your device pass had expired and has been renewed: please tap “Submit” again.',
  notAccepting: 'This survey does not take answers at the moment.',
  failed: 'Submission failed. Please try again later.',
  dontKnow: "Don't know",
}

const TABLE: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en }

/** The 5-point scale's labels, 5 best. */
export const SCALE_LABELS: Record<Lang, Record<string, string>> = {
  'zh-CN': { '5': '很满意', '4': '满意', '3': '基本满意', '2': '不满意', '1': '很不满意' },
  'en-US': { '5': 'Very satisfied', '4': 'Satisfied', '3': 'Fairly satisfied', '2': 'Dissatisfied', '1': 'Very dissatisfied' },
}

/** A message in `lang` with its `{name}` placeholders filled. */
export function msg(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLE[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m))
}

const LANG_KEY = 'govperf.survey.lang'

/**
 * The page's language: `?lang=en|zh` first (a link printed for English
 * speakers), then the respondent's own switch kept on the device, then the
 * browser's language (English → en-US); Chinese otherwise.
 */
export function pickLang(search: string, stored: string | null, browser: readonly string[]): Lang {
  const q = new URLSearchParams(search).get('lang')?.toLowerCase() ?? ''
  if (q.startsWith('en')) return 'en-US'
  if (q.startsWith('zh')) return 'zh-CN'
  if (stored === 'en-US' || stored === 'zh-CN') return stored
  return browser[0]?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN'
}

/** Remembers the respondent's switch on this device. */
export function storeLang(kv: { setItem(k: string, v: string): void }, lang: Lang): void {
  try {
    kv.setItem(LANG_KEY, lang)
  } catch {
    // storage disabled: the switch holds for this visit only
  }
}
export function storedLang(kv: { getItem(k: string): string | null }): string | null {
  try {
    return kv.getItem(LANG_KEY)
  } catch {
    return null
  }
}

/** A text of the survey in `lang`: the English one when there is one, else the Chinese. */
export function pick(lang: Lang, zhText: string | undefined, enText: string | undefined): string {
  return lang === 'en-US' && enText ? enText : zhText ?? ''
}
