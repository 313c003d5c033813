// Maps a server error onto a form: a 400 (or 404/409) whose `details.field`
// names a field of the form is shown under that field; anything else is shown
// as a general message above the buttons.
import { ApiError } from '@/api/request'

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>
  general: string
}

/**
 * The form field a server field name points at: an alias, the name itself,
 * or its last path segment (`inputs.budget` → `budget`, `units[1].id` → `id`),
 * or its first (`inputs.budget` → `inputs`); '' when the form has no such field.
 */
export function formFieldOf<F extends string>(serverField: string, fields: readonly F[], aliases: Record<string, F> = {}): F | '' {
  if (!serverField) return ''
  const candidates = [serverField]
  const parts = serverField.split('.').map((p) => p.replace(/\[\d+\]$/, ''))
  candidates.push(parts[parts.length - 1], parts[0])
  for (const c of candidates) {
    if (c in aliases) return aliases[c]
    if ((fields as readonly string[]).includes(c)) return c as F
  }
  return ''
}

/** Splits an error into a message on the named field, or a general message. */
export function formErrors<F extends string>(
  err: unknown,
  fields: readonly F[],
  aliases: Record<string, F> = {},
): FormErrors<F> {
  const out: FormErrors<F> = { fields: {}, general: '' }
  if (err instanceof ApiError) {
    const f = formFieldOf(err.field, fields, aliases)
    if (f) out.fields[f] = err.message
    else out.general = err.message
  } else {
    out.general = err instanceof Error ? err.message : String(err)
  }
  return out
}

/** Clears every field error of a reactive error holder in place. */
export function clearErrors<F extends string>(e: FormErrors<F>): void {
  for (const k of Object.keys(e.fields)) delete e.fields[k as F]
  e.general = ''
}

/** Copies an error split into a reactive holder (replacing what was there). */
export function setErrors<F extends string>(target: FormErrors<F>, src: FormErrors<F>): void {
  clearErrors(target)
  Object.assign(target.fields, src.fields)
  target.general = src.general
}
