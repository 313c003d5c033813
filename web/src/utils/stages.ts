// Year stages (docs/api.md § Year stages): the order, which writes each stage
// allows (the same table as the server's src/core/workflow/stage_table.cc — the
// server stays the judge: a refused write answers 409 with its message), and
// helpers for tags and transition buttons. Anything other than `published` is
// provisional (预估).
import type { YearInfo, YearStatus, YearTransition } from '@/api/types'

export const STAGES: readonly YearStatus[] = ['draft', 'setting', 'monitoring', 'year_end', 'preliminary', 'published']

export type StageWrite = 'scheme' | 'values' | 'scores'

const WRITES: Record<StageWrite, readonly YearStatus[]> = {
  scheme: ['draft', 'setting'],
  values: ['monitoring', 'year_end'],
  scores: ['monitoring', 'year_end', 'preliminary'],
}

export function isStage(s: unknown): s is YearStatus {
  return typeof s === 'string' && (STAGES as readonly string[]).includes(s)
}

/** Position in the stage order; -1 for an unknown status. */
export function stageIndex(s: string | undefined | null): number {
  return s ? (STAGES as readonly string[]).indexOf(s) : -1
}

export function isPublished(s: string | undefined | null): boolean {
  return s === 'published'
}

/** Results of a year that is not published are provisional (预估). */
export function isProvisional(s: string | undefined | null): boolean {
  return !!s && s !== 'published'
}

/** Whether a stage allows a kind of write (scheme import, indicator values, office scores). */
export function stageAllows(s: string | undefined | null, write: StageWrite): boolean {
  return !!s && (WRITES[write] as readonly string[]).includes(s)
}

/** Stages where a kind of write is allowed (for hints). */
export function stagesAllowing(write: StageWrite): readonly YearStatus[] {
  return WRITES[write]
}

export type TagType = 'success' | 'warning' | 'info' | 'primary' | 'danger'

/** Element Plus tag colour of a stage. */
export function stageTagType(s: string | undefined | null): TagType {
  switch (s) {
    case 'published': return 'success'
    case 'preliminary': return 'danger'
    case 'year_end': return 'warning'
    case 'monitoring': return 'primary'
    default: return 'info'
  }
}

/** i18n key of a stage's label (unknown statuses fall back to the raw text in the caller). */
export const stageKey = (s: string) => `yearStatus.${s}`

export interface TransitionButton extends YearTransition {
  /** a move back to an earlier stage (退回) */
  back: boolean
}

/** The moves the server lists for a year, forward ones first (in stage order), then moves back. */
export function transitionButtons(y: Pick<YearInfo, 'status' | 'transitions'>): TransitionButton[] {
  const from = stageIndex(y.status)
  return (y.transitions ?? [])
    .map((t) => ({ ...t, back: stageIndex(t.to) < from }))
    .sort((a, b) => Number(a.back) - Number(b.back) || (a.back ? stageIndex(b.to) - stageIndex(a.to) : stageIndex(a.to) - stageIndex(b.to)))
}

/**
 * The year a unit or lead department opens on: the newest year where values are
 * entered (monitoring, year-end), else the newest one under way (not draft, not
 * published), else the newest published, else the newest.
 */
export function workingYear<T extends Pick<YearInfo, 'year' | 'status'>>(years: T[]): T | undefined {
  const sorted = [...years].sort((a, b) => b.year - a.year)
  return (
    sorted.find((y) => stageAllows(y.status, 'values')) ??
    sorted.find((y) => y.status !== 'draft' && y.status !== 'published') ??
    sorted.find((y) => y.status === 'published') ??
    sorted[0]
  )
}
