// Picks a featured login of a role from the output of `govperf serve
// --print-logins` (or `demo`): prints "username password".
//   node logins.mjs <log-file>... <admin|leader|lead|unit>
// Env E2E_<ROLE>_USER / E2E_<ROLE>_PASS override. Tolerant of the print
// format: a line that names the role as a word and holds the two credential
// tokens (username first), as a table row, "key: value" pairs or JSON.
import { readFileSync } from 'node:fs'

const role = process.argv[process.argv.length - 1]
const files = process.argv.slice(2, -1)
const envUser = process.env[`E2E_${role.toUpperCase()}_USER`]
const envPass = process.env[`E2E_${role.toUpperCase()}_PASS`]
if (envUser && envPass) {
  console.log(`${envUser} ${envPass}`)
  process.exit(0)
}
const DEFAULTS = { admin: ['admin', 'demo-admin-2026'], leader: ['leader', 'demo-leader-2026'] }
const KEYS = /^(username|user|login|password|pass|passwd|pwd|role|unit|unit_id|用户名|密码|角色|单位)[:=：]?$/i
const text = files.map((f) => { try { return readFileSync(f, 'utf8') } catch { return '' } }).join('\n')
const candidates = []
for (const raw of text.split('\n')) {
  const line = raw.trim()
  if (!line || /https?:\/\//.test(line)) continue
  if (line.startsWith('{')) {
    try {
      const j = JSON.parse(line)
      if (j.role === role && j.username && j.password) candidates.push({ user: j.username, pass: j.password, line })
    } catch { /* not JSON */ }
    continue
  }
  const words = line.split(/[\s|,;()[\]]+/).filter(Boolean)
  const roleHit = words.some((w) => w.replace(/^(role[:=])/i, '').toLowerCase() === role)
  if (!roleHit) continue
  const kv = {}
  for (const m of line.matchAll(/(username|user|password|pass)\s*[:=]\s*(\S+)/gi)) kv[m[1].toLowerCase()] = m[2]
  const user = kv.username ?? kv.user
  const pass = kv.password ?? kv.pass
  if (user && pass) {
    candidates.push({ user, pass, line })
    continue
  }
  const creds = words.filter((w) => /^[\x21-\x7e]+$/.test(w) && !KEYS.test(w) && /[A-Za-z0-9]/.test(w))
  if (creds.length >= 2) candidates.push({ user: creds[0], pass: creds[1], line })
}
// A district unit login is preferred for the unit role.
let pick = candidates.find((c) => role !== 'unit' || /区|县|district|county/i.test(c.line)) ?? candidates[0]
if (!pick && DEFAULTS[role]) pick = { user: DEFAULTS[role][0], pass: DEFAULTS[role][1] }
if (!pick) {
  console.error(`logins.mjs: no ${role} login found in ${files.join(', ')}`)
  process.exit(1)
}
console.log(`${pick.user} ${pick.pass}`)
