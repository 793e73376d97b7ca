#!/usr/bin/env node
// Every message the preset gives on the real postmortems of ../shared/corpus/,
// recorded as a digest per rule in test/corpus-messages.json, so that work on
// speed can show it gives the same messages as before (test/corpus-messages
// .test.ts compares them). Work on accuracy changes them on purpose: look at
// what changed with `--print` before and after, then record the new digest.
//
//   node scripts/corpus-messages.js           # compare with the record
//   node scripts/corpus-messages.js --print   # every message, one per line
//   node scripts/corpus-messages.js --write   # record the digests
import {createHash} from 'node:crypto'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpusAvailable, corpusDir, lintCorpus} from './corpus-evaluation.js'

export const recordPath = path.resolve(fileURLToPath(import.meta.url), '../../test/corpus-messages.json')

/**
 * One line per message: file, profile, place, rule, reason and the fix it
 * offers, so that a change in any of them changes the digest.
 * @param {Array<{name: string, profile: string, messages: import('vfile-message').VFileMessage[]}>} results
 * @returns {string[]}
 */
export function messageLines(results) {
  const lines = []
  for (const result of results) {
    for (const message of result.messages) {
      const place = message.place && 'start' in message.place ? message.place : {start: message.place, end: undefined}
      const at = `${place.start?.line}:${place.start?.column}-${place.end?.line}:${place.end?.column}`
      const fix = message.expected ? ` => ${JSON.stringify(message.expected)}` : ''
      lines.push(`${result.name} [${result.profile}] ${at} ${message.ruleId}: ${message.reason}${fix}`)
    }
  }
  return lines
}

/**
 * The count and digest of each rule's lines.
 * @param {string[]} lines
 * @returns {Record<string, {messages: number, sha256: string}>}
 */
export function digests(lines) {
  /** @type {Map<string, string[]>} */
  const byRule = new Map()
  for (const line of lines) {
    const ruleId = /\] \S+ (\S+):/.exec(line)?.[1] ?? '?'
    const list = byRule.get(ruleId) ?? []
    list.push(line)
    byRule.set(ruleId, list)
  }
  return Object.fromEntries(
    [...byRule]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ruleId, list]) => [
        ruleId,
        {messages: list.length, sha256: createHash('sha256').update(list.join('\n')).digest('hex')}
      ])
  )
}

/** @returns {Record<string, {messages: number, sha256: string}>} */
export function readRecord() {
  return JSON.parse(readFileSync(recordPath, 'utf8')).rules
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!corpusAvailable()) {
    console.error(`No corpus at ${corpusDir}: the checkout needs ../shared/corpus beside it.`)
    process.exit(2)
  }
  const lines = messageLines(await lintCorpus())
  if (process.argv.includes('--print')) {
    for (const line of lines) console.log(line)
  } else if (process.argv.includes('--write')) {
    const record = {
      about: 'Digest of every message of the preset on ../shared/corpus, per rule: scripts/corpus-messages.js',
      rules: digests(lines)
    }
    writeFileSync(recordPath, `${JSON.stringify(record, null, 2)}\n`)
    console.log(`Recorded ${lines.length} messages in ${path.relative(process.cwd(), recordPath)}.`)
  } else {
    const now = digests(lines)
    const before = readRecord()
    let same = true
    for (const ruleId of new Set([...Object.keys(before), ...Object.keys(now)])) {
      const a = before[ruleId]
      const b = now[ruleId]
      if (a?.sha256 === b?.sha256) continue
      same = false
      console.log(`${ruleId}: ${a?.messages ?? 0} messages recorded, ${b?.messages ?? 0} now, not the same`)
    }
    console.log(same ? `Same messages as recorded (${lines.length}).` : 'Messages differ from the record.')
    process.exit(same ? 0 : 1)
  }
}
