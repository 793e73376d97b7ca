// Start-up cost, as a pre-commit hook pays it: the median wall time of a
// fresh `node` process linting one file, for our published CLI (the bundle),
// markdownlint-cli2 and bare `node -e 0`, the runs of each taking turns.
//
// Usage: node scripts/bench/startup.js [--runs 7] [--bundle dist/postmortem-lint.js] [file]
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {median} from './measure.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../../..')
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {runs: {type: 'string', default: '7'}, bundle: {type: 'string', default: 'dist/postmortem-lint.js'}}
})
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`Unexpected value \`${values.runs}\` for \`--runs\`, expected a whole number above 0`)
const file = path.resolve(positionals[0] ?? path.join(root, 'fixtures/examples/database-failover.md'))
const bundle = path.resolve(root, values.bundle)
if (!existsSync(bundle)) {
  console.error(`No bundle at ${bundle}: build it with \`node packages/postmortem-lint/scripts/bundle.js\``)
  process.exit(1)
}

const commands = [
  {name: 'postmortem-lint (bundle)', args: [bundle, '--no-frail', file]},
  {
    name: 'markdownlint-cli2',
    args: [path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), file]
  },
  {name: 'bare `node -e 0`', args: ['-e', '0']}
]

const times = commands.map(() => [])
for (let run = 0; run < runs; run++) {
  commands.forEach((command, at) => {
    const start = performance.now()
    const result = spawnSync(process.execPath, command.args, {cwd: path.dirname(file), stdio: 'ignore'})
    if (result.error || (result.status ?? 0) > 1) throw new Error(`\`${command.name}\` failed (${result.status})`)
    times[at].push(performance.now() - start)
  })
}
const medians = times.map(median)
commands.forEach((command, at) => {
  console.log(
    `${command.name.padEnd(28)} ${medians[at].toFixed(0).padStart(5)} ms  (${times[at].map((t) => t.toFixed(0)).join(' ')})`
  )
})
const [ours, markdownlint, bare] = medians
console.log(`ours / markdownlint-cli2: ${(ours / markdownlint).toFixed(2)}× (target ≤ 0.6×)`)
console.log(`ours − bare node: ${(ours - bare).toFixed(0)} ms (target ≤ 250 ms)`)
