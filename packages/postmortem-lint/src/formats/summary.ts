import type {VFile} from 'vfile'
import {relativePath} from './messages.js'

/**
 * A summary of a run for whoever grades a folder of postmortems: how many
 * files were checked and how many fail, then a table with a row per file, a
 * column per rule with messages, and how many warnings and errors each file
 * has for each rule. Info messages are not counted.
 *
 * ```text
 * Files checked: 2
 * Files failing: 1
 *
 * file      postmortem-required-sections  postmortem-timeline-order  total
 * a.md                                 2                          1      3
 * b.md                                 0                          0      0
 * total                                2                          1      3
 * ```
 */
export function formatSummary(files: readonly VFile[], cwd: string): string {
  const rows = files
    .map((file) => ({path: relativePath(file, cwd), counts: countsByRule(file)}))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const rules = [...new Set(rows.flatMap((row) => [...row.counts.keys()]))].sort()
  const failing = rows.filter((row) => row.counts.size > 0).length
  const total = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0)
  const table: string[][] = [['file', ...rules, 'total']]
  for (const row of rows) {
    table.push([row.path, ...rules.map((rule) => String(row.counts.get(rule) ?? 0)), String(total(row.counts))])
  }
  const sums = rules.map((rule) => rows.reduce((sum, row) => sum + (row.counts.get(rule) ?? 0), 0))
  table.push(['total', ...sums.map(String), String(sums.reduce((sum, count) => sum + count, 0))])
  return `Files checked: ${rows.length}\nFiles failing: ${failing}\n\n${layOut(table)}`
}

/** A file's warnings and errors by rule id (`(no rule)` for messages without one). */
function countsByRule(file: VFile): Map<string, number> {
  const counts = new Map<string, number>()
  for (const message of file.messages) {
    if (message.fatal !== true && message.fatal !== false) continue
    const rule = message.ruleId ?? '(no rule)'
    counts.set(rule, (counts.get(rule) ?? 0) + 1)
  }
  return counts
}

/** Columns two spaces apart: the first aligned left, the counts right. */
function layOut(table: readonly string[][]): string {
  const widths: number[] = []
  for (const row of table) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length)
    })
  }
  return table
    .map((row) =>
      row
        .map((cell, index) => (index === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[index] ?? 0)))
        .join('  ')
        .trimEnd()
    )
    .map((line) => line + '\n')
    .join('')
}
