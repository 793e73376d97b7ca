// Where the time goes: summarise the newest `.cpuprofile` of a folder, the
// share of time spent in each function (file:line), by itself and with what
// it calls (our packages only).
//
//   node --cpu-prof --cpu-prof-dir=.bench/profile scripts/bench/index.js --no-e2e --no-write --sizes 10000
//   node scripts/bench/profile-summary.js .bench/profile [top]
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

const dir = process.argv[2]
const top = Number(process.argv[3] ?? 25)
const file = readdirSync(dir)
  .filter((n) => n.endsWith('.cpuprofile'))
  .map((n) => path.join(dir, n))
  .at(-1)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const self = new Map()
const dt = profile.timeDeltas
let total = 0
profile.samples.forEach((id, index) => {
  const node = byId.get(id)
  const {functionName, url, lineNumber} = node.callFrame
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(packages|node_modules)\//, '$1/')}:${lineNumber + 1}`
  const delta = dt[index] ?? 0
  self.set(key, (self.get(key) ?? 0) + delta)
  total += delta
})
// Inclusive time per function: walk parents.
const parent = new Map()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
const inclusive = new Map()
profile.samples.forEach((id, index) => {
  const seen = new Set()
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const {functionName, url, lineNumber} = byId.get(at).callFrame
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(packages|node_modules)\//, '$1/')}:${lineNumber + 1}`
    if (seen.has(key)) continue
    seen.add(key)
    inclusive.set(key, (inclusive.get(key) ?? 0) + (dt[index] ?? 0))
  }
})
console.log(`total ${(total / 1000).toFixed(0)} ms`)
console.log('self:')
for (const [key, value] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${((100 * value) / total).toFixed(1).padStart(5)}%  ${key}`)
console.log('inclusive (packages only):')
for (const [key, value] of [...inclusive]
  .filter(([k]) => k.includes('packages/'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`  ${((100 * value) / total).toFixed(1).padStart(5)}%  ${key}`)
