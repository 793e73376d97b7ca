/**
 * Every way of stating a timeline's zone once: entries without a zone of
 * their own get no message from the timezone rule, and one entry written
 * in another zone gets exactly one message, on its line. A timeline with
 * the statement taken out gets the "no timezone" message once. The
 * documents are generated, so the forms are read as forms.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from './support.js'

interface Statement {
  /** Lines under the summary's heading. */
  readonly summary?: string
  /** The Timeline heading's text. */
  readonly heading?: string
  /** Lines between the heading and the entries. */
  readonly intro?: string
  /** Lines at the end of the document (footnote definitions). */
  readonly end?: string
  /** The entries are a table whose time column has this header. */
  readonly tableHeader?: string
}

const statements: Array<[string, Statement]> = [
  ['in the heading', {heading: 'Timeline (UTC)'}],
  ['in the heading after a dash', {heading: 'Timeline — all times UTC'}],
  ['in the heading, lower case', {heading: 'Timeline (all times in utc)'}],
  ['an intro sentence', {intro: 'All times are UTC.'}],
  ['an intro with "Times are in"', {intro: 'Times are in UTC.'}],
  ['an intro in bold', {intro: '**All times in UTC**'}],
  ['an intro in brackets and emphasis', {intro: '_(all times UTC)_'}],
  ['an intro label', {intro: 'Timezone: UTC'}],
  ['an intro label in bold', {intro: '**Time zone:** UTC'}],
  ['a quoted note', {intro: '> Note: all times are in UTC.'}],
  ['a footnote on the heading', {heading: 'Timeline[^tz]', end: '[^tz]: All times are in UTC.'}],
  ['the summary', {summary: 'Checkout failed for 12% of customers from 09:05 to 11:30 UTC on 4 June 2024.'}],
  ['a table header', {tableHeader: 'Time (UTC)'}],
  ['an IANA name in the heading', {heading: 'Timeline (Europe/London)'}],
  ['an offset in an intro', {intro: 'Times are given in UTC+00:00.'}],
  ['the heading, "in"', {heading: 'Timeline in UTC'}],
  ['the heading, an offset', {heading: 'Timeline of events (UTC+0)'}],
  ['an intro, "Timestamps"', {intro: 'Timestamps are in UTC.'}],
  ['an intro, the zone alone in brackets', {intro: '(UTC)'}],
  ['an intro, a long name', {intro: 'All times below are Coordinated Universal Time.'}],
  ['an intro, Greenwich', {intro: 'All times are Greenwich Mean Time.'}],
  ['the summary, as a label', {summary: 'Start Time: 2024-06-04 09:05 UTC\nEnd Time: 2024-06-04 11:30 UTC'}],
  ['the summary, after a comma', {summary: 'Checkout failed for 12% of customers (09:05 - 11:30, UTC) on 4 June 2024.'}]
]

const times = ['09:05', '09:40', '10:15', '11:30']
const words = [
  'the error rate alert fires',
  'the on-call engineer is paged',
  'the deploy is rolled back',
  'errors stop'
]

function document(statement: Statement, zones: ReadonlyArray<string | undefined>) {
  const summary = statement.summary ?? 'Checkout failed for 12% of customers for two hours on 4 June 2024.'
  const lines = [
    '# Checkout errors',
    '',
    '## Summary',
    '',
    ...summary.split('\n'),
    '',
    `## ${statement.heading ?? 'Timeline'}`,
    ''
  ]
  if (statement.intro) lines.push(statement.intro, '')
  const entryLines: number[] = []
  if (statement.tableHeader) lines.push(`| ${statement.tableHeader} | Event |`, '| --- | --- |')
  times.forEach((time, index) => {
    const zone = zones[index] ? ` ${zones[index]}` : ''
    entryLines.push(lines.length + 1)
    lines.push(statement.tableHeader ? `| ${time}${zone} | ${words[index]} |` : `- ${time}${zone}: ${words[index]}`)
  })
  lines.push('', '## Root cause', '', 'A bad deploy.', '')
  if (statement.end) lines.push(statement.end, '')
  return {text: lines.join('\n'), entryLines}
}

function zoneMessages(text: string) {
  return lintText(text).filter((message) => message.ruleId === 'postmortem-timeline-timezone')
}

describe('every way of stating the zone once', () => {
  for (const [name, statement] of statements) {
    it(`${name}: entries without a zone pass; one in another zone gets one message`, () => {
      const plain = document(statement, [])
      expect(zoneMessages(plain.text).map((message) => message.reason)).toEqual([])
      const slipped = document(statement, [undefined, undefined, 'PDT', undefined])
      expect(zoneMessages(slipped.text).map((message) => message.line)).toEqual([slipped.entryLines[2]])
    })
  }

  // The same statements in standard time on a summer date: one message, where the zone is stated.
  const pacific = statements.flatMap(([name, statement]): Array<[string, Statement]> => {
    const text = JSON.stringify(statement)
    if (!/\bUTC\b(?![+-])/.test(text) || text.includes('utc')) return []
    return [[name, JSON.parse(text.replace(/\bUTC\b(?![+-])/g, 'PST')) as Statement]]
  })

  for (const [name, statement] of pacific) {
    it(`${name}, PST in June: one message that names PDT`, () => {
      const plain = document(statement, [])
      expect(zoneMessages(plain.text).map((message) => message.reason)).toEqual([
        'Unexpected `PST` on 4 June 2024, expected `PDT`'
      ])
    })
  }

  it('applies the summer case to most statements', () => {
    expect(pacific.length).toBeGreaterThanOrEqual(15)
  })

  it('a timeline with no statement anywhere gets the message once, at its first time', () => {
    const bare = document({}, [])
    expect(zoneMessages(bare.text).map((message) => `${message.line}:${message.column}`)).toEqual([
      `${bare.entryLines[0]}:3`
    ])
  })
})
