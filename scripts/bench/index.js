#!/usr/bin/env node
// `pnpm bench`: how much our rules cost over parsing, how the cost grows with
// the size of a timeline or task list, and how our CLI compares with the
// linters people run today. Prints the tables and rewrites the marked block
// of docs/benchmarks.md with them (`--no-write` to leave the file alone).
//
//   pnpm bench                      the default run (a few minutes on 2 cores)
//   pnpm bench --quick              a smoke run: small sizes, 200 files, no write
//   pnpm bench --full               more samples of the largest inputs and CLIs
//   pnpm bench --sizes 100,1000     other document sizes (entries)
//   pnpm bench --runs 9             samples per input below the largest size
//   pnpm bench --large-runs 3       samples of the largest size
//   pnpm bench --files 5000         files in the end-to-end folder
//   pnpm bench --e2e-runs 5         end-to-end runs over the folder
//   pnpm bench --no-e2e             skip the end-to-end runs
//   pnpm bench --no-write           print only
import {readFileSync, writeFileSync} from 'node:fs'
import {arch, cpus, platform} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {rules} from 'remark-preset-lint-postmortem'
import {corpusAvailable, corpusDir, corpusFiles, profileFor, readLabels} from '../corpus-evaluation.js'
import {endToEnd, ourCli} from './e2e.js'
import {editorDocument, postmortemFolder, taskDocument, timelineDocument, typed} from './generate.js'
import {compare, formatMs, formatUs, table} from './measure.js'
import {messagesPerRule, pipelines} from './pipelines.js'

const {values: flags} = parseArgs({
  options: {
    quick: {type: 'boolean', default: false},
    full: {type: 'boolean', default: false},
    sizes: {type: 'string'},
    runs: {type: 'string'},
    'large-runs': {type: 'string'},
    files: {type: 'string'},
    'e2e-runs': {type: 'string'},
    'no-e2e': {type: 'boolean', default: false},
    'no-write': {type: 'boolean', default: false}
  }
})

function count(name, fallback) {
  const value = flags[name]
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) {
    console.error(`Unexpected value \`${value}\` for \`--${name}\`, expected a whole number of at least 1`)
    process.exit(2)
  }
  return number
}

const sizes = flags.sizes
  ? flags.sizes.split(',').map((size) => Number(size.replace(/[_,]/g, '')))
  : flags.quick
    ? [100, 1000]
    : [100, 1000, 10_000, 100_000]
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(`Unexpected value \`${flags.sizes}\` for \`--sizes\`, expected whole numbers separated by commas`)
  process.exit(2)
}
const largest = Math.max(...sizes)
const runs = count('runs', flags.quick ? 3 : 7)
const largeRuns = count('large-runs', flags.full ? 3 : 1)
const files = count('files', flags.quick ? 200 : 2000)
const e2eRuns = count('e2e-runs', flags.quick ? 1 : flags.full ? 5 : 3)
const write = !flags['no-write'] && !flags.quick
const root = path.resolve(import.meta.dirname, '../..')
const docsFile = path.join(root, 'docs/benchmarks.md')

const log = (text) => process.stderr.write(`${text}\n`)
const number = (value) => value.toLocaleString('en-US')
const ratio = (value) => `${value.toFixed(2)}×`
const runsText = (value) => (value === 1 ? 'one run' : `${value} runs`)

// Runs of size 10,000 and up take seconds each: fewer samples, no batching.
function runsFor(size) {
  return size === largest && size >= 10_000 ? largeRuns : size >= 10_000 ? Math.min(runs, 5) : runs
}

const generic = pipelines('generic')
const holberton = pipelines('holberton')

// In process: the corpus, then documents that grow.
const rows = []
if (corpusAvailable()) {
  const labels = readLabels()
  const corpus = corpusFiles().map((name) => ({
    name,
    value: readFileSync(path.join(corpusDir, name), 'utf8'),
    profile: profileFor(name, labels)
  }))
  const bytes = corpus.reduce((sum, file) => sum + Buffer.byteLength(file.value), 0)
  log(`corpus: ${corpus.length} files, ${runs} samples`)
  const over = (pick) => () => {
    for (const file of corpus) pick(file).run(file.value)
  }
  rows.push({
    input: `corpus (${corpus.length} files, ${Math.round(bytes / 1024)} KB)`,
    kind: 'corpus',
    entries: 0,
    times: compare(
      {
        a: over(() => generic.a),
        b: over((file) => (file.profile === 'holberton' ? holberton.b : generic.b)),
        c: over(() => generic.c),
        d: over(() => generic.d)
      },
      runs
    )
  })
  rows.corpusMessages = messagesPerRule((name) => profileFor(name, labels), corpus)
} else {
  log(`no corpus at ${corpusDir}: measuring generated documents only`)
}

for (const [kind, make] of [
  ['timeline', timelineDocument],
  ['tasks', taskDocument]
]) {
  for (const size of sizes) {
    const value = make(size)
    const samples = runsFor(size)
    log(`${kind} of ${number(size)} entries (${Math.round(value.length / 1024)} KB): ${samples} samples`)
    const times = compare(
      Object.fromEntries(Object.entries(generic).map(([key, pipeline]) => [key, () => pipeline.run(value)])),
      samples,
      {single: size >= 10_000}
    )
    rows.push({
      input: `${kind === 'timeline' ? 'timeline' : 'task list'} of ${number(size)}`,
      kind,
      entries: size,
      times
    })
  }
}

// The end-to-end folder, in process: what each pipeline costs on the files
// the CLIs lint below, without start-up, file reading or reporting. One
// sample each, so that no cache keyed by text (the task verdicts) serves a
// file a second time, as none does in a CLI run.
const folder = postmortemFolder(files)
const folderBytes = folder.reduce((sum, file) => sum + Buffer.byteLength(file.value), 0)
log(`folder: ${number(folder.length)} generated files (${Math.round(folderBytes / 1024)} KB), one sample`)
rows.push({
  input: `generated folder (${number(folder.length)} files, ${Math.round(folderBytes / 1024)} KB)`,
  kind: 'folder',
  entries: 0,
  times: compare(
    Object.fromEntries(
      Object.entries(generic).map(([key, pipeline]) => [
        key,
        () => {
          for (const file of folder) pipeline.run(file.value)
        }
      ])
    ),
    1,
    {single: true}
  )
})

// The editor: the language server re-lints the whole text after each
// keystroke with the same processor. Each sample lints the text with one
// more character typed at a place that moves through the document, so no
// two samples lint the same text.
const editorText = editorDocument()
const editorLines = editorText.split('\n').length
log(`editor: a ${editorLines}-line postmortem re-linted after one-character edits, ${runs} samples`)
let keystroke = 0
const edited = () => {
  keystroke++
  // A letter inside the text of a line, never a line break or a marker.
  const offset = Math.floor((editorText.length * ((keystroke * 7919) % 1000)) / 1000)
  const space = editorText.indexOf(' ', offset)
  return typed(editorText, space === -1 ? offset : space, 'x')
}
const editor = {
  lines: editorLines,
  times: compare(
    {
      a: () => generic.a.run(edited()),
      b: () => generic.b.run(edited())
    },
    runs
  )
}

// End to end.
let e2e
if (!flags['no-e2e']) {
  log(`end to end: ${number(files)} files`)
  e2e = endToEnd({files, runs: e2eRuns, singleRuns: Math.max(5, e2eRuns), log})
}

const cpu = cpus()
const machine = `Node ${process.version}, ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${platform()} ${arch()}`
const report = render()
console.log(report)
if (write) {
  const text = readFileSync(docsFile, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) {
    console.error(`No \`${start}\` … \`${end}\` block in docs/benchmarks.md: not written.`)
    process.exit(1)
  }
  writeFileSync(docsFile, `${text.slice(0, from + start.length)}\n\n${report}\n\n${text.slice(to)}`)
  log('docs/benchmarks.md updated')
}

function render() {
  const out = []
  out.push(`Measured on ${new Date().toISOString().slice(0, 10)}: ${machine}.`)
  out.push(`Rules in the preset: ${rules.map((rule) => `\`${rule.ruleId}\``).join(', ')}.`)
  out.push('')
  out.push('#### In process: median time per document')
  out.push('')
  out.push(
    table(
      ['input', '(a) parse', '(b) + preset', '(c) remark-gfm + recommended', '(d) markdownlint', 'b/a', 'c/a', 'd/a'],
      rows.map(({input, times: {a, b, c, d}}) => [
        input,
        formatMs(a),
        formatMs(b),
        formatMs(c),
        formatMs(d),
        ratio(b / a),
        ratio(c / a),
        ratio(d / a)
      ])
    )
  )
  out.push('')
  out.push('#### Cost per entry')
  out.push('')
  out.push('Median time divided by the number of timeline entries or tasks; `b − a` is what the rules add.')
  out.push('')
  const generated = rows.filter((row) => row.entries > 0)
  out.push(
    table(
      ['input', '(a) parse', '(b) + preset', 'b − a', '(c) remark-gfm + recommended', '(d) markdownlint'],
      generated.map(({input, entries, times: {a, b, c, d}}) => [
        input,
        formatUs((a * 1000) / entries),
        formatUs((b * 1000) / entries),
        formatUs(((b - a) * 1000) / entries),
        formatUs((c * 1000) / entries),
        formatUs((d * 1000) / entries)
      ])
    )
  )
  out.push('')
  out.push('#### The editor: re-linting after a keystroke')
  out.push('')
  out.push(
    table(
      ['input', '(a) parse', '(b) + preset', 'b/a'],
      [
        [
          `${number(editor.lines)}-line postmortem, one character typed`,
          formatMs(editor.times.a),
          formatMs(editor.times.b),
          ratio(editor.times.b / editor.times.a)
        ]
      ]
    )
  )
  if (e2e) {
    out.push('')
    out.push('#### End to end: one `node` process per run, as from a shell')
    out.push('')
    out.push(
      table(
        ['linter', `${number(e2e.files)} files`, 'peak memory', 'one file', 'peak memory'],
        e2e.rows.map((row) => [
          row.name,
          row.many ? formatMs(row.many.wall) : '',
          row.many ? `${Math.round(row.many.peakKb / 1024)} MB` : '',
          formatMs(row.one.wall),
          `${Math.round(row.one.peakKb / 1024)} MB`
        ])
      )
    )
    out.push('')
    out.push(
      `Wall time is the median of ${runsText(e2eRuns)} over the folder and of ${runsText(Math.max(5, e2eRuns))} over one file; peak memory is the ${e2e.memory}.`
    )
    if (!e2e.ours) out.push('`postmortem-lint` (the CLI package) is not built yet, so it has no row.')
  }
  if (rows.corpusMessages) {
    out.push('')
    out.push('#### Messages of each rule on the corpus')
    out.push('')
    out.push(
      table(
        ['rule', 'messages'],
        rules.map((rule) => [`\`${rule.ruleId}\``, number(rows.corpusMessages.get(rule.ruleId) ?? 0)])
      )
    )
  }
  out.push('')
  out.push('#### Targets')
  out.push('')
  out.push(...targets())
  return out.join('\n')
}

/**
 * The pipelines (b) and (c) parse as (a) does and then do more: a ratio
 * of theirs below 1 is noise (of a shared machine, or of garbage
 * collections falling on one pipeline's samples), not their speed. Say so,
 * with the lowest, so that a target met or missed by less is not read as
 * settled.
 */
function noise() {
  const below = []
  for (const row of [...rows, {input: 'the editor', times: editor.times}]) {
    for (const key of ['b', 'c']) {
      const value = row.times[key] / row.times.a
      if (Number.isFinite(value) && value < 1) below.push({input: row.input, key, value})
    }
  }
  if (below.length === 0) return []
  const lowest = below.reduce((a, b) => (b.value < a.value ? b : a))
  return [
    `- **A noisy run**: ${below.length === 1 ? 'one ratio' : `${below.length} ratios`} of a pipeline that parses and then lints came out below 1× ` +
      `(the lowest, ${lowest.key}/a on ${lowest.input}: ${ratio(lowest.value)}), which no such pipeline can be: noise of the machine or of garbage collection. ` +
      `Its ratios are good to about ${ratio(1 / lowest.value)} either way: a target met or missed by less is not settled by this run.`
  ]
}

function targets() {
  const lines = [...noise()]
  const mark = (ok) => (ok ? 'met' : '**missed**')
  const overheads = rows.map((row) => ({input: row.input, value: row.times.b / row.times.a}))
  const worst = overheads.reduce((a, b) => (b.value > a.value ? b : a))
  const corpus = rows.find((row) => row.kind === 'corpus')
  lines.push(
    `- Rules add at most 25% over parsing (b/a ≤ 1.25): ${mark(worst.value <= 1.25)}. ` +
      (corpus ? `b/a is ${ratio(corpus.times.b / corpus.times.a)} on the corpus; ` : '') +
      `the highest is ${ratio(worst.value)} (${worst.input}).`
  )
  for (const kind of ['timeline', 'tasks']) {
    const series = rows
      .filter((row) => row.kind === kind)
      .map((row) => ({n: row.entries, per: row.times.b / row.entries}))
    if (series.length < 2) continue
    // The worst growth: how much more an entry costs in a larger document
    // than in any smaller one (a fixed cost per document only makes small
    // documents dearer per entry, which is not growth).
    let growth = 0
    for (let later = 1; later < series.length; later++) {
      for (let earlier = 0; earlier < later; earlier++) {
        growth = Math.max(growth, series[later].per / series[earlier].per)
      }
    }
    const first = series[0]
    const last = series.at(-1)
    lines.push(
      `- Cost per ${kind === 'timeline' ? 'timeline entry' : 'task'} flat within 2× from ${number(first.n)} to ${number(last.n)} entries: ${mark(growth <= 2)}. ` +
        `(b) costs ${formatUs(first.per * 1000)} per entry at ${number(first.n)} and ${formatUs(last.per * 1000)} at ${number(last.n)} ` +
        `(${ratio(last.per / first.per)}); the largest growth between two sizes is ${ratio(growth)}.`
    )
  }
  lines.push(
    `- Editor: re-linting a ${number(editor.lines)}-line postmortem after a keystroke at most 1.15× parsing it (b/a): ` +
      `${mark(editor.times.b / editor.times.a <= 1.15)} (${ratio(editor.times.b / editor.times.a)}: ${formatMs(editor.times.b)} against ${formatMs(editor.times.a)}).`
  )
  if (e2e) {
    const ours = e2e.rows.find((row) => row.name === 'postmortem-lint')
    const markdownlintCli = e2e.rows.find((row) => row.name === 'markdownlint-cli2')
    const bare = e2e.rows.find((row) => row.bare)
    if (ours && markdownlintCli && bare) {
      const speed = markdownlintCli.many.wall / ours.many.wall
      const folderRow = rows.find((row) => row.kind === 'folder')
      const memory = ours.many.peakKb / markdownlintCli.many.peakKb
      lines.push(
        `- ${number(e2e.files)} files at least 1.5× faster than markdownlint-cli2: ${mark(speed >= 1.5)} ` +
          `(${ratio(speed)}: ${formatMs(ours.many.wall)} against ${formatMs(markdownlintCli.many.wall)})` +
          (folderRow
            ? `; in process, in one thread, parsing the same files alone takes ${ratio(folderRow.times.a / folderRow.times.d)} ` +
              `of markdownlint's time on them and the preset ${ratio(folderRow.times.b / folderRow.times.d)} ` +
              `(1.5× faster is ${ratio(1 / 1.5)}).`
            : '.')
      )
      lines.push(
        `- ${number(e2e.files)} files with peak memory at most 1.5× markdownlint-cli2's: ${mark(memory <= 1.5)} ` +
          `(${ratio(memory)}: ${Math.round(ours.many.peakKb / 1024)} MB against ${Math.round(markdownlintCli.many.peakKb / 1024)} MB).`
      )
      const one = ours.one.wall / markdownlintCli.one.wall
      lines.push(
        `- One file at most 0.6× markdownlint-cli2's wall time: ${mark(one <= 0.6)} ` +
          `(${ratio(one)}: ${formatMs(ours.one.wall)} against ${formatMs(markdownlintCli.one.wall)}).`
      )
      const over = ours.one.wall - bare.one.wall
      lines.push(
        `- One file within 0.25 s of bare \`node\`: ${mark(over <= 250)} (${formatMs(over)} over ${formatMs(bare.one.wall)}).`
      )
    } else {
      lines.push('- Our CLI against the others: not measured, the `postmortem-lint` package is not built yet.')
    }
  }
  return lines
}

if (ourCli() === undefined && !flags['no-e2e']) {
  log('note: packages/postmortem-lint/dist/bin.js is a placeholder; build the CLI and run again for its figures')
}
