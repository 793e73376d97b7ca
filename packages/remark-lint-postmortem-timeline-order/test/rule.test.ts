import remarkLintPostmortemTimelineOrder from 'remark-lint-postmortem-timeline-order'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {placeText} from '../../../test/helpers/lint.js'
import {fixtureReader, ruleHarness} from '../../../test/helpers/rule-harness.js'

const read = fixtureReader('timeline')
const {messagesOf, reasons} = ruleHarness(remarkLintPostmortemTimelineOrder)

describe('postmortem-timeline-order on the fixtures', () => {
  it.each([
    ['list-utc.md', undefined],
    ['forms.md', undefined],
    ['table.md', undefined],
    ['table-columns.md', undefined],
    ['soft-breaks.md', {profile: 'holberton'}],
    ['headings.md', undefined],
    ['midnight.md', undefined],
    ['day-markers.md', undefined],
    ['two-postmortems.md', undefined],
    ['summary-zone.md', {profile: 'holberton'}],
    ['separate-paragraphs.md', {profile: 'holberton'}],
    ['chat-log.md', undefined],
    ['prose.md', undefined],
    ['html.md', undefined],
    ['unknown-times.md', undefined],
    ['duplicates.md', undefined],
    ['mixed-zones.md', undefined],
    ['yearless-year-end.md', undefined],
    ['yearless-forms.md', undefined],
    ['yearless-no-year.md', undefined],
    ['yearless-zone-name.md', undefined],
    ['clocks-zulu.md', undefined],
    ['clocks-named.md', undefined],
    ['clocks-relative.md', undefined],
    ['untimed-dates.md', undefined],
    ['labels-first.md', undefined],
    ['labels-parenthesized.md', undefined],
    ['inline-html.md', undefined],
    ['several-per-line.md', undefined],
    ['table-zone-column.md', undefined],
    ['zone-after-date-line.md', undefined],
    ['code-log.md', undefined],
    ['next-day.md', undefined],
    ['same-level-dates.md', undefined]
  ])('finds %s in order', async (name, options) => {
    expect(await reasons(read(name), options)).toEqual([])
  })

  it('reports an entry earlier than the one before, at its time', async () => {
    expect(await reasons(read('out-of-order.md'))).toEqual([
      '11:3-11:12: Unexpected `10:05 UTC` after `10:30 UTC` on 2024-03-05, expected entries in time order'
    ])
  })

  it('reports an earlier time on the same written date', async () => {
    expect(await reasons(read('same-day-dates.md'))).toEqual([
      '11:14-11:19: Unexpected `14:30` after `15:50` on 2024-12-13, expected entries in time order'
    ])
  })

  it('reports a jump back that cannot be the next day', async () => {
    expect(await reasons(read('implausible-midnight.md'))).toEqual([
      '12:3-12:8: Unexpected `12:30` after `20:25` on 2024-04-29, expected entries in time order'
    ])
  })

  it('reads date headings at the level of the Timeline heading, and a bold date line, as its days', async () => {
    const text = read('same-level-dates.md').replace('- 08:00 the alert is closed', '- 06:00 the alert is closed')
    expect(await reasons(text)).toEqual([
      '22:3-22:8: Unexpected `06:00` after `07:30` on 2024-03-07, expected entries in time order'
    ])
  })

  it('reports a time after midnight under a marker of the same date', async () => {
    expect(await reasons(read('marker-same-day.md'))).toEqual([
      '12:3-12:8: Unexpected `00:10` after `23:50` on 2024-03-05, expected entries in time order'
    ])
  })

  it('reports an earlier time on the same date written without a year', async () => {
    expect(await reasons(read('yearless-typo.md'))).toEqual([
      '11:10-11:15: Unexpected `01:15` after `22:10` on 2024-05-12, expected entries in time order'
    ])
  })

  it('compares offsets from the start by their offset', async () => {
    expect(await reasons(read('clocks-relative-order.md'))).toEqual([
      '7:3-7:7: Unexpected `T+5m` after `T+10m`, expected entries in time order'
    ])
    const mixed = '## Timeline (UTC)\n\n- 10:00 deploy\n- T+5m alert\n- 09:00 rollback\n'
    expect(await reasons(mixed)).toEqual(['5:3-5:8: Unexpected `09:00` after `10:00`, expected entries in time order'])
    const units = '## Timeline\n\n- +30 min alert\n- +2 hrs rollback\n- +1 hr all clear\n'
    expect(await reasons(units)).toEqual(['5:3-5:8: Unexpected `+1 hr` after `+2 hrs`, expected entries in time order'])
  })

  it('says when no entry of a timeline leads with a time, pointing at a time inside the words', async () => {
    const reason =
      'Unexpected timeline with 3 entries and no time leading any, expected entries that start with their time, such as `14:00 UTC: alert fires`'
    expect(await reasons(read('untimed-words.md'))).toEqual([`9:3-9:77: ${reason}`])
    const [message] = await messagesOf(read('untimed-words.md'))
    expect(message?.cause).toMatchObject({
      reason: '`8:00 PM` is inside the words here, not leading the entry',
      place: {start: {line: 9, column: 39}}
    })
    expect(message?.section).toBe('timeline')
    expect(await reasons(read('untimed-plain.md'))).toEqual([`9:3-9:35: ${reason}`])
    const [plain] = await messagesOf(read('untimed-plain.md'))
    expect(plain?.cause).toMatchObject({reason: 'the timeline starts here', place: {start: {line: 7, column: 1}}})
  })

  it('reads a time after a label as the time of the entry', async () => {
    const text =
      '## Timeline\n\n- **Detection:** June 4, 2024, 10:30 AM PDT, alert fired\n- **Mitigation:** June 4, 2024, 9:30 AM PDT, rolled back\n- Issue resolved (June 4, 2024, 9:45 AM PDT): closed\n'
    expect(await reasons(text)).toEqual([
      '4:33-4:44: Unexpected `9:30 AM PDT` after `10:30 AM PDT` on 2024-06-04, expected entries in time order'
    ])
    // Key moments above entries that lead with their time are a recap, not entries.
    const recap =
      '## Timeline (UTC)\n\n**Detected:** 10:05 UTC  \n**Resolved:** 11:30 UTC\n\n- 09:50 deploy\n- 10:05 alert\n- 11:30 fixed\n'
    expect(await reasons(recap)).toEqual([])
    // A recap under the entries is no entry: `Start:` does not go back in time.
    expect(
      await reasons('## Timeline (UTC)\n\n- 10:00 deploy\n- 11:30 resolved\n- Start: 10:00\n- End: 11:30\n')
    ).toEqual([])
    // A label followed by anything but a time or a date is no entry's time.
    expect(await reasons('## Timeline (UTC)\n\n- 10:00 deploy\n- Note: 3 servers failed\n- 10:20 rollback\n')).toEqual(
      []
    )
  })

  it('reads times inside inline HTML, and a `<br>` as the end of an entry', async () => {
    const text = '## Timeline (UTC)\n\n- <span>10:45:</span> paged\n- <b>10:40</b> resolved<br>10:50 checked\n'
    expect(await reasons(text)).toEqual(['4:6-4:11: Unexpected `10:40` after `10:45`, expected entries in time order'])
  })

  it('reads several entries on one line, each after the end of a sentence or clause', async () => {
    const text = '## Timeline (UTC)\n\n- 10:00 deploy started; 10:05 alerts fired; 09:12 rolled back. 10:30 all good\n'
    expect(await reasons(text)).toEqual(['3:45-3:50: Unexpected `09:12` after `10:05`, expected entries in time order'])
    // A time inside a sentence starts no entry.
    expect(await reasons('## Timeline (UTC)\n\n- 10:30 review of the rollback at 10:20\n')).toEqual([])
  })

  it('reads a timeline written as a log in a fenced code block, when nothing else holds an entry', async () => {
    const log = '## Timeline\n\n```\n10:00 UTC deploy\n10:05 UTC alert\n09:10 UTC rollback\n```\n'
    expect(await reasons(log)).toEqual([
      '6:1-6:10: Unexpected `09:10 UTC` after `10:05 UTC`, expected entries in time order'
    ])
    // Beside entries of its own, a code block is evidence (a log pasted in), not entries.
    const pasted = '## Timeline (UTC)\n\n- 10:00 deploy\n\n  ```\n  09:00 old log line\n  ```\n\n- 10:20 rollback\n'
    expect(await reasons(pasted)).toEqual([])
  })

  it('puts an entry marked `(next day)` or `(+1)` on the day after the first entry, whatever the clock says', async () => {
    // Twenty hours on: no night a guess would cross, so the mark decides.
    const marked = '## Timeline (UTC)\n\n- 14:00 a\n- 10:00 (next day) b\n- 09:00 (next day) c\n'
    expect(await reasons(marked)).toEqual(['5:3-5:8: Unexpected `09:00` after `10:00`, expected entries in time order'])
    expect(await reasons('## Timeline (UTC)\n\n- 14:00 a\n- 10:00 b\n')).toEqual([
      '4:3-4:8: Unexpected `10:00` after `14:00`, expected entries in time order'
    ])
  })

  it('says nothing of untimed entries in a document that is no postmortem', async () => {
    expect(await reasons('# Notes\n\n## Timeline\n\n- write it later\n')).toEqual([])
  })

  it('points at the entry before as the cause, and says the section', async () => {
    const [message] = await messagesOf(read('out-of-order.md'))
    expect(message?.cause).toMatchObject({reason: '`10:30 UTC` is here', place: {start: {line: 10, column: 3}}})
    expect(message?.section).toBe('timeline')
    expect(message?.url).toBe(
      'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/timeline-order.md'
    )
  })

  it('gives the same messages without positions', async () => {
    const messages = await messagesOf(read('out-of-order.md'), undefined, {stripPositions: true})
    expect(messages.map((message) => `${placeText(message)}: ${message.reason}`)).toEqual([
      '0:0: Unexpected `10:05 UTC` after `10:30 UTC` on 2024-03-05, expected entries in time order'
    ])
  })
})

describe('postmortem-timeline-order on dates, zones and midnight', () => {
  it('compares dates first', async () => {
    const text = '## Timeline (UTC)\n\n- 2024-03-05 23:00: alert\n- 2024-03-04 23:30: earlier day\n'
    expect(await reasons(text)).toEqual([
      '4:14-4:19: Unexpected `2024-03-04 23:30` after `2024-03-05 23:00`, expected entries in time order'
    ])
  })

  it('reads a numeric date with dots day first', async () => {
    const text = '## Timeline (UTC)\n\n- 5.3.2024 10:00: deploy\n- 4.3.2024 11:00: alert\n'
    expect(await reasons(text)).toEqual([
      '4:12-4:17: Unexpected `2024-03-04 11:00` after `2024-03-05 10:00`, expected entries in time order'
    ])
  })

  it('compares entries in different zones as moments', async () => {
    const text = '## Timeline\n\n- 14:00 PST: deploy\n- 22:05 UTC: alert\n- 21:55 UTC: page\n'
    expect(await reasons(text)).toEqual([
      '5:3-5:12: Unexpected `21:55 UTC` after `22:05 UTC`, expected entries in time order'
    ])
    const crossed = '## Timeline\n\n- 14:00 PST: deploy\n- 21:55 UTC: alert\n'
    expect(await reasons(crossed)).toEqual([
      '4:3-4:12: Unexpected `21:55 UTC` after `14:00 PST`, expected entries in time order'
    ])
  })

  it('reads a zone slip the way that goes forward, without a second order error', async () => {
    expect(await reasons(read('zone-slip.md'))).toEqual([])
    expect(await reasons(read('zone-slip-ahead.md'))).toEqual([])
    expect(await reasons(read('zone-slip-order.md'))).toEqual([
      '11:3-11:12: Unexpected `10:15 UTC` after `10:30 PDT` on 2024-06-05, expected entries in time order'
    ])
  })

  it('lets a window that crosses midnight make a longer night plausible', async () => {
    const timeline = '## Timeline (UTC)\n\n- 22:10: alert\n- 23:00: paged\n- 12:30: fixed\n'
    const window = `## Summary\n\nFrom 22:00 on 5 March 2024 to 15:00 on 6 March 2024 the API was down.\n\n${timeline}`
    expect(await reasons(window)).toEqual([])
    expect(await reasons(timeline)).toEqual([
      '5:3-5:8: Unexpected `12:30` after `23:00`, expected entries in time order'
    ])
  })

  it('reads a 12-hour clock without AM or PM forward', async () => {
    const text = '## Timeline (UTC)\n\n- 11:30: alert\n- 12:15: paged\n- 1:00: fixed\n- 12:50: checked\n'
    expect(await reasons(text)).toEqual(['6:3-6:8: Unexpected `12:50` after `1:00`, expected entries in time order'])
  })

  it('skips unknown times and compares the start of ranges', async () => {
    const text = '## Timeline (UTC)\n\n- 10:30 - 10:45: errors\n- [???] disk full\n- 10:20: alert\n'
    expect(await reasons(text)).toEqual([
      '5:3-5:8: Unexpected `10:20` after `10:30 - 10:45`, expected entries in time order'
    ])
  })

  it('reports a status-page log once as newest first, with two updates in the same minute', async () => {
    expect(await reasons(read('status-page.md'))).toEqual([
      '10:15-10:24: Unexpected timeline written newest first (`11:30 UTC` to `10:00 UTC`), expected the oldest entry first'
    ])
  })

  it('reports a timeline written newest first once', async () => {
    const text = '## Timeline (UTC)\n\n- 14:00: resolved\n- 13:30: fix deployed\n- 13:05: alert\n'
    expect(await reasons(text)).toEqual([
      '3:3-3:8: Unexpected timeline written newest first (`14:00` to `13:05`), expected the oldest entry first'
    ])
    const [message] = await messagesOf(text)
    expect(message?.cause).toMatchObject({place: {start: {line: 5, column: 3}}})
    const two = '## Timeline (UTC)\n\n- 14:00: resolved\n- 13:30: fix deployed\n'
    expect(await reasons(two)).toEqual(['4:3-4:8: Unexpected `13:30` after `14:00`, expected entries in time order'])
  })

  it('says nothing about a document without a timeline', async () => {
    expect(await reasons('# Notes\n\nAt 10:30 we met; at 09:00 we left.\n')).toEqual([])
  })
})

describe('postmortem-timeline-order options', () => {
  it('reports two entries at the same time with `duplicates`', async () => {
    expect(await reasons(read('duplicates.md'), {duplicates: true})).toEqual([
      '7:3-7:9: Unexpected `5:36pm` at the same time as the entry before, expected a later time'
    ])
  })

  it('reports a timeline with too few timed entries with `minimumEntries`', async () => {
    expect(await reasons(read('two-postmortems.md'), {minimumEntries: 3})).toEqual([
      '7:1-7:18: Unexpected timeline with 2 timed entries, expected at least 3',
      '18:1-18:18: Unexpected timeline with 2 timed entries, expected at least 3'
    ])
    const one = '## Timeline\n\n- 10:00 UTC: alert\n- the team met\n'
    expect(await reasons(one, {minimumEntries: 2})).toEqual([
      '1:1-1:12: Unexpected timeline with 1 timed entry, expected at least 2'
    ])
    expect(await reasons(one, {minimumEntries: 1})).toEqual([])
  })

  it.each([
    [
      {duplicates: 'yes'},
      'postmortem-timeline-order: Unexpected value `"yes"` for `duplicates`, expected `true` or `false`'
    ],
    [
      {minimumEntries: -1},
      'postmortem-timeline-order: Unexpected value `-1` for `minimumEntries`, expected a whole number of at least 0'
    ],
    [
      {order: true},
      "postmortem-timeline-order: Unexpected option `order` for `postmortem-timeline-order`, expected `'profile'`, `'duplicates'`, or `'minimumEntries'`"
    ]
  ])('fails at once on the bad option %j', (options, message) => {
    expect(() => unified().use(remarkParse).use(remarkLintPostmortemTimelineOrder, options).freeze()).toThrow(message)
  })
})
