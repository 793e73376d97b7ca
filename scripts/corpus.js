#!/usr/bin/env node
// `pnpm corpus`: lint every real postmortem in ../shared/corpus/, print how
// many messages each rule gave, and the agreement with LABELS.tsv.
// `pnpm corpus --verbose` also lists each disagreement.
import {activeRuleIds, agreement, corpusAvailable, corpusDir, lintCorpus} from './corpus-evaluation.js'

if (!corpusAvailable()) {
  console.error(`No corpus at ${corpusDir}: the checkout needs ../shared/corpus beside it.`)
  process.exit(2)
}

const verbose = process.argv.includes('--verbose')
const results = await lintCorpus()
const counts = new Map()
for (const result of results) {
  for (const message of result.messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1)
}
console.log(`${results.length} files linted, ${results.filter((result) => result.label).length} labelled.`)
console.log('\nMessages per rule:')
for (const [ruleId, count] of [...counts].sort()) console.log(`  ${ruleId.padEnd(32)} ${count}`)

console.log('\nAgreement with LABELS.tsv:')
console.log(`  ${'column'.padEnd(22)} ${'rule'.padEnd(32)}   TP   FP   FN   TN  precision  recall`)
for (const row of agreement(results, await activeRuleIds())) {
  if (!row.active) {
    console.log(`  ${row.column.padEnd(22)} ${row.ruleId.padEnd(32)} (rule not in the preset yet)`)
    continue
  }
  const cells = [row.tp, row.fp, row.fn, row.tn].map((value) => String(value).padStart(4)).join(' ')
  console.log(
    `  ${row.column.padEnd(22)} ${row.ruleId.padEnd(32)} ${cells}  ${row.precision.toFixed(2).padStart(9)}  ${row.recall.toFixed(2).padStart(6)}`
  )
  if (verbose) for (const item of row.disagreements) console.log(`      ${item.kind} ${item.file}: ${item.detail}`)
}
