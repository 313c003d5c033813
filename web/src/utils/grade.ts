// Grade colours: by the grade's position in the year's `grades` list (best
// first), so schemes with their own grade levels still get sensible colours.
import type { GradeLevel } from '@/api/types'

export type TagType = 'success' | 'primary' | 'warning' | 'danger' | 'info'

/** Chart colours matching the tag types (Element Plus palette). */
export const TAG_COLORS: Record<TagType, string> = {
  success: '#67c23a',
  primary: '#409eff',
  warning: '#e6a23c',
  danger: '#f56c6c',
  info: '#909399',
}

export function gradeTagType(code: string, grades: GradeLevel[]): TagType {
  const i = grades.findIndex((g) => g.code === code)
  if (i < 0) return 'info'
  const n = grades.length
  if (i === n - 1 && n > 1) return 'danger'
  if (i === 0) return 'success'
  if (i === 1) return 'primary'
  return 'warning'
}

export function gradeColor(code: string, grades: GradeLevel[]): string {
  return TAG_COLORS[gradeTagType(code, grades)]
}
