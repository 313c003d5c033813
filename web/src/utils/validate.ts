// Client-side checks mirroring the server's limits (docs/api.md § Running an
// installation) so that a form says what is wrong before sending; the server
// remains the judge and its message is shown when it refuses.

export const USERNAME_RE = /^[a-z0-9_.-]{3,32}$/
export const ORG_ID_RE = /^[A-Za-z0-9_-]{1,32}$/
export const NAME_MAX = 100
export const TEXT_MAX = 2000

export type PasswordProblem = '' | 'length' | 'classes' | 'username'

/** '' when the password is acceptable: 10–128 characters, two of letters/digits/others, not the username. */
export function passwordProblem(password: string, username = ''): PasswordProblem {
  const n = [...password].length
  if (n < 10 || n > 128) return 'length'
  const classes = [/\p{L}/u.test(password), /\p{Nd}/u.test(password), /[^\p{L}\p{Nd}]/u.test(password)].filter(Boolean).length
  if (classes < 2) return 'classes'
  if (username && password === username) return 'username'
  return ''
}

export const validUsername = (s: string) => USERNAME_RE.test(s)
export const validOrgId = (s: string) => ORG_ID_RE.test(s)

/** Parses a number typed in a cell: '' → null (clear), a finite number in [min, max] → it, else undefined (invalid). */
export function parseScore(text: string, min: number, max: number): number | null | undefined {
  const s = text.trim()
  if (s === '') return null
  const x = Number(s)
  if (!Number.isFinite(x) || x < min || x > max) return undefined
  return x
}

/** Roles that belong to a unit (the unit is required for them, empty for the others). */
export const roleNeedsUnit = (role: string) => role === 'lead' || role === 'unit'
