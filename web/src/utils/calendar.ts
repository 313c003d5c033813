// Calendar (node tasks, holiday days) form checks and display.

/** A real calendar date `YYYY-MM-DD` (2025-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

/** The weekday of a date, 0 = Sunday … 6 = Saturday; -1 for an invalid date. */
export function weekday(s: string): number {
  if (!isIsoDate(s)) return -1
  const [y, m, d] = s.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

export type TaskField = 'id' | 'name_zh' | 'due_date'
export type DayField = 'date' | 'kind'

/** Checks of the node task form (i18n keys). */
export function validateTask(t: { id: string; name_zh: string; due_date: string }, year: number): Partial<Record<TaskField, string>> {
  const e: Partial<Record<TaskField, string>> = {}
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(t.id)) e.id = 'calendar.badTaskId'
  if (!t.name_zh.trim()) e.name_zh = 'setting.needName'
  if (!isIsoDate(t.due_date)) e.due_date = 'calendar.badDate'
  else if (!t.due_date.startsWith(`${year}-`) && !t.due_date.startsWith(`${year + 1}-`)) e.due_date = 'calendar.dateOutOfYear'
  return e
}

/**
 * Checks of a special day: a holiday on a weekday or a worked day (调休上班) on a
 * weekend; a holiday on a weekend or a worked weekday changes nothing (warned).
 */
export function validateDay(d: { date: string; kind: string }): Partial<Record<DayField, string>> {
  if (!isIsoDate(d.date)) return { date: 'calendar.badDate' }
  if (d.kind !== 'holiday' && d.kind !== 'workday') return { kind: 'calendar.badKind' }
  const wd = weekday(d.date)
  const weekend = wd === 0 || wd === 6
  if (d.kind === 'workday' && !weekend) return { kind: 'calendar.workdayOnWeekday' }
  return {}
}

/** Whether a task is overdue (not done, due before today). */
export function taskOverdue(t: { done: boolean; due_date: string }, today: string): boolean {
  return !t.done && !!t.due_date && t.due_date < today
}

/** Today in China time (UTC+8) as `YYYY-MM-DD`. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}
