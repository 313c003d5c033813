// Inbox helpers: the message kind's tag colour and label key, and the badge text.
import type { Message } from '@/api/monitoring'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

const KIND_TAG: Record<string, TagType> = {
  'report.submitted': 'primary',
  'report.returned': 'warning',
  'report.verified': 'success',
  'escalation.reminder': 'info',
  'escalation.yellow': 'warning',
  'escalation.red': 'danger',
}

/** The tag colour of a message kind (unknown kinds: info). */
export function kindTag(kind: string): TagType {
  return KIND_TAG[kind] ?? 'info'
}

/** i18n key of a message kind, e.g. `inbox.kind.report_returned`; '' for an unknown kind. */
export function kindKey(kind: string): string {
  return kind in KIND_TAG ? `inbox.kind.${kind.replace('.', '_')}` : ''
}

/** The header badge: nothing at 0, the number up to 99, then "99+". */
export function badgeText(unread: number): string {
  if (!Number.isFinite(unread) || unread <= 0) return ''
  return unread > 99 ? '99+' : String(Math.floor(unread))
}

/** The message's title and body in the current language (falls back to the other). */
export function messageText(m: Pick<Message, 'title_zh' | 'title_en' | 'body_zh' | 'body_en'>, locale: string): { title: string; body: string } {
  const en = locale === 'en-US'
  return {
    title: (en ? m.title_en || m.title_zh : m.title_zh || m.title_en) || '',
    body: (en ? m.body_en || m.body_zh : m.body_zh || m.body_en) || '',
  }
}
