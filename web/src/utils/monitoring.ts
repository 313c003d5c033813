// Monitoring (日常监测) display logic: a report slot's colour, label and
// highlight; time progress (时序进度) colours; the submit form's checks.
import type { ProgressCounts, ProgressStatus, Slot, SlotState } from '@/api/monitoring'
import type { TagType } from './inbox'

export const SLOT_STATES: SlotState[] = ['due', 'submitted', 'returned', 'verified']
export const PROGRESS_STATUSES: ProgressStatus[] = ['green', 'yellow', 'red', 'none']

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

/** The tag colour of a slot state. */
export function slotTag(state: SlotState): TagType {
  switch (state) {
    case 'verified': return 'success'
    case 'submitted': return 'primary'
    case 'returned': return 'warning'
    default: return 'info'
  }
}

/** A slot still owed after its due date (today is `YYYY-MM-DD`, China time, from the server). */
export function isOverdue(slot: Pick<Slot, 'state' | 'due_date'>, today: string): boolean {
  return (slot.state === 'due' || slot.state === 'returned') && !!slot.due_date && !!today && slot.due_date < today
}

/**
 * The highlight of a report row: 'overdue' (still owed after the due date),
 * 'returned' (to be corrected), 'late' (submitted after the due date), 'due' (owed, not yet late), ''.
 */
export type SlotHighlight = 'overdue' | 'returned' | 'late' | 'due' | ''
export function slotHighlight(slot: Slot, today: string): SlotHighlight {
  if (isOverdue(slot, today)) return 'overdue'
  if (slot.state === 'returned') return 'returned'
  if (slot.report?.late) return 'late'
  if (slot.state === 'due') return 'due'
  return ''
}

/** Whether the reporting unit may (re)submit the slot now. */
export function canSubmit(slot: Pick<Slot, 'state'>): boolean {
  return slot.state === 'due' || slot.state === 'returned' || slot.state === 'submitted'
}

/** Sorted: overdue first, then returned, due (by due date), submitted, verified. */
export function sortSlots(slots: Slot[], today: string): Slot[] {
  const rank: Record<SlotHighlight, number> = { overdue: 0, returned: 1, due: 2, late: 3, '': 3 }
  const stateRank: Record<SlotState, number> = { due: 0, returned: 0, submitted: 1, verified: 2 }
  return [...slots].sort((a, b) =>
    rank[slotHighlight(a, today)] - rank[slotHighlight(b, today)] ||
    stateRank[a.state] - stateRank[b.state] ||
    a.due_date.localeCompare(b.due_date) ||
    a.indicator_id.localeCompare(b.indicator_id, undefined, { numeric: true }) ||
    a.unit_id.localeCompare(b.unit_id) ||
    a.period.localeCompare(b.period))
}

/** CSS colour of a progress status (red/yellow/green lights; none grey). */
export function progressColor(s: ProgressStatus): string {
  switch (s) {
    case 'green': return '#67c23a'
    case 'yellow': return '#e6a23c'
    case 'red': return '#f56c6c'
    default: return '#c0c4cc'
  }
}

/** Element tag type of a progress status. */
export function progressTag(s: ProgressStatus): TagType {
  return s === 'green' ? 'success' : s === 'yellow' ? 'warning' : s === 'red' ? 'danger' : 'info'
}

/** A share as a percentage "83.3%"; null → "—". */
export function formatPercent(x: number | null | undefined, decimals = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—'
  return `${(Math.round(x * 100 * 10 ** decimals) / 10 ** decimals).toFixed(decimals)}%`
}

/** Counts in the fixed order green, yellow, red, none (0 where absent). */
export function countsInOrder(c: ProgressCounts | undefined): { status: ProgressStatus; n: number }[] {
  return PROGRESS_STATUSES.map((status) => ({ status, n: c?.[status] ?? 0 }))
}

/**
 * A unit's light on the dashboard: its worst leaf (red before yellow before
 * green); 'none' when no leaf of it has a value to compare yet.
 */
export function unitLight(c: ProgressCounts | undefined): ProgressStatus {
  for (const s of ['red', 'yellow', 'green'] as const) if ((c?.[s] ?? 0) > 0) return s
  return 'none'
}

export type SubmitField = 'value' | 'narrative' | 'file'

/** Checks of the submit form before it is sent: a number, or the no-data box with a narrative. */
export function validateSubmit(f: { valueText: string; noData: boolean; narrative: string }): Partial<Record<SubmitField, string>> {
  const e: Partial<Record<SubmitField, string>> = {}
  const text = f.valueText.trim()
  if (f.noData) {
    if (!f.narrative.trim()) e.narrative = 'monitoring.needNarrative'
  } else if (!text) {
    e.value = 'monitoring.needValue'
  } else if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) || !Number.isFinite(Number(text))) {
    e.value = 'monitoring.badNumber'
  }
  return e
}

/** A picked evidence file's problem before upload (i18n key), or ''. */
export function evidenceProblem(file: { size: number }): string {
  if (file.size <= 0) return 'monitoring.emptyFile'
  if (file.size > MAX_EVIDENCE_BYTES) return 'monitoring.fileTooLarge'
  return ''
}

/** A byte size for display: "512 B", "1.5 KB", "2.0 MB". */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
