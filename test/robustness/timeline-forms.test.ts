/**
 * Every way of writing a time, in every way of writing an entry: a
 * timeline of four entries in order gets no message from the timeline
 * rules, and the same timeline with its second and third entries swapped
 * gets exactly one order message, on the line of the entry that goes back.
 * The documents are generated, so the forms are read as forms, not as
 * the wording of some file.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from './support.js'

/** Minutes after midnight of the four entries, in order. */
const minutes = [9 * 60 + 5, 9 * 60 + 40, 10 * 60 + 15, 11 * 60 + 30]

const pad = (value: number) => String(value).padStart(2, '0')
const h24 = (total: number) => `${pad(Math.floor(total / 60))}:${pad(total % 60)}`
const h12 = (total: number) => {
  const hour = Math.floor(total / 60)
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(total % 60)} ${hour < 12 ? 'AM' : 'PM'}`
}

/** How a time (with its zone) is written. */
const clocks: Array<[string, (total: number) => string]> = [
  ['24-hour UTC', (total) => `${h24(total)} UTC`],
  ['12-hour PDT', (total) => `${h12(total)} PDT`],
  ['lower-case am/pm', (total) => `${h12(total).replace(' AM', 'am').replace(' PM', 'pm')} EDT`],
  ['seconds', (total) => `${h24(total)}:00 UTC`],
  ['military', (total) => `${h24(total).replace(':', '')}Z`],
  ['hrs', (total) => `${h24(total).replace(':', '')} hrs UTC`],
  ['French', (total) => `${h24(total).replace(':', 'h')} CEST`],
  ['ISO date-time', (total) => `2024-06-04T${h24(total)}:00Z`],
  ['ISO date and time', (total) => `2024-06-04 ${h24(total)} UTC`],
  ['month name first', (total) => `June 4, 2024, ${h12(total)} PDT`],
  ['day first', (total) => `4 June 2024 ${h24(total)} BST`],
  ['dotted date', (total) => `04.06.2024 ${h24(total)} CEST`],
  ['weekday', (total) => `Tue ${h24(total)} UTC`],
  ['bracketed', (total) => `[${h24(total)} UTC]`],
  ['zone in brackets', (total) => `${h12(total)} (UTC)`],
  ['offset zone', (total) => `${h24(total)} UTC+2`],
  ['IANA zone', (total) => `${h24(total)} Europe/Berlin`],
  ['approximate', (total) => `~${h24(total)} UTC`],
  ['at', (total) => `At ${h24(total)} UTC`]
]

/** How an entry is written, given its time and its words. */
const entries: Array<[string, (time: string, words: string) => string]> = [
  ['list item', (time, words) => `- ${time}: ${words}`],
  ['list item, dash', (time, words) => `* ${time} - ${words}`],
  ['numbered item', (time, words) => `1. ${time} — ${words}`],
  ['bold time', (time, words) => `- **${time}** ${words}`],
  ['label first', (time, words) => `- **Update:** ${time}, ${words}`],
  ['time in a span', (time, words) => `- <span>${time}</span> ${words}`],
  ['table row', (time, words) => `| ${time} | ${words} |`],
  ['paragraph line', (time, words) => `${time} ${words}  `],
  ['heading', (time, words) => `### ${time} ${words}\n`],
  ['HTML item', (time, words) => `<li><b>${time}</b> ${words}</li>`],
  ['time on a bold line, words under it', (time, words) => `**${time}**\n${words}\n`],
  ['nested under a date item', (time, words) => `  - ${time} ${words}`]
]

const words = [
  'the error rate alert fires',
  'the on-call engineer is paged',
  'the deploy is rolled back',
  'errors stop'
]

function document(clock: (total: number) => string, entry: (time: string, words: string) => string, order: number[]) {
  const kind = entry('T', 'W')
  const lines = order.map((index) => entry(clock(minutes[index] as number), words[index] as string))
  const before = kind.startsWith('|')
    ? ['| Time | Event |', '| --- | --- |']
    : kind.startsWith('<li>')
      ? ['<ul>']
      : kind.startsWith('  - ')
        ? ['- Tuesday, 4 June 2024']
        : []
  const after = kind.startsWith('<li>') ? ['</ul>'] : []
  const body = [...before, ...lines, ...after]
  const header = [
    '# Checkout errors',
    '',
    '## Summary',
    '',
    'Checkout failed for 12% of customers for 2 hours on 4 June 2024.',
    '',
    '## Timeline',
    ''
  ]
  const text = [...header, ...body, '', '## Root cause', '', 'A bad deploy.', ''].join('\n')
  // The line of the third entry as written: the one that goes back when swapped.
  const height = kind.split('\n').length
  const third = header.length + before.length + 1 + 2 * height
  return {text, third}
}

const timelineRules = new Set(['postmortem-timeline-order', 'postmortem-timeline-timezone'])

function timelineMessages(text: string) {
  return lintText(text).filter((message) => timelineRules.has(String(message.ruleId)))
}

describe('every clock in every kind of entry', () => {
  for (const [clockName, clock] of clocks) {
    for (const [entryName, entry] of entries) {
      it(`${clockName}, ${entryName}: in order, no message; two swapped, one`, () => {
        const inOrder = document(clock, entry, [0, 1, 2, 3])
        expect(timelineMessages(inOrder.text).map((message) => message.reason)).toEqual([])
        const swapped = document(clock, entry, [0, 2, 1, 3])
        const messages = timelineMessages(swapped.text)
        expect(messages.map((message) => `${message.ruleId} ${message.line}`)).toEqual([
          `postmortem-timeline-order ${swapped.third}`
        ])
      })
    }
  }
})
