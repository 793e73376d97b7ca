import remarkLintPostmortemTimelineTimezone from 'remark-lint-postmortem-timeline-timezone'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {fixtureReader, ruleHarness} from '../../../test/helpers/rule-harness.js'

const read = fixtureReader('timeline')
const {messagesOf, reasons} = ruleHarness(remarkLintPostmortemTimelineTimezone)

const noZone = (heading: string) =>
  `Unexpected timeline times without a timezone, expected one on the times or in the heading, such as \`${heading}\``

describe('postmortem-timeline-timezone on the fixtures', () => {
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
    ['html.md', undefined],
    ['ambiguous.md', undefined],
    ['required-zone.md', undefined],
    ['zone-all-times.md', undefined],
    ['zone-times-are-in.md', undefined],
    ['zone-timezone-label.md', undefined],
    ['zone-intro-parenthesis.md', undefined],
    ['zone-footnote.md', undefined],
    ['zone-pair.md', undefined],
    ['zone-summary-heading.md', {profile: 'holberton'}],
    ['yearless-year-end.md', undefined],
    ['clocks-zulu.md', undefined],
    ['clocks-named.md', undefined],
    ['clocks-relative.md', undefined],
    ['labels-first.md', undefined],
    ['inline-html.md', undefined],
    ['several-per-line.md', undefined],
    ['status-page.md', undefined],
    ['zone-after-date-line.md', undefined],
    ['code-log.md', undefined],
    ['same-level-dates.md', undefined]
  ])('finds one right zone in %s', async (name, options) => {
    expect(await reasons(read(name), options)).toEqual([])
  })

  it('reports times with no zone stated anywhere, at the first time', async () => {
    expect(await reasons(read('no-zone.md'))).toEqual([`9:3-9:11: ${noZone('Timeline (UTC)')}`])
  })

  it('reports an entry in another zone than the rest', async () => {
    expect(await reasons(read('mixed-zones.md'))).toEqual([
      '12:12-12:15: Unexpected timezone `UTC`, expected `Kigali time` as in the rest of the timeline'
    ])
    const [message] = await messagesOf(read('mixed-zones.md'))
    expect(message?.cause).toMatchObject({reason: '`Kigali time` is used here', place: {start: {line: 9, column: 12}}})
    expect(message?.section).toBe('timeline')
  })

  it('reports a zone slip, where the order rule reads it as the rest', async () => {
    expect(await reasons(read('zone-slip.md'))).toEqual([
      '11:9-11:12: Unexpected timezone `UTC`, expected `PDT` as in the rest of the timeline'
    ])
    expect(await reasons(read('zone-slip-ahead.md'))).toEqual([
      '7:9-7:12: Unexpected timezone `PDT`, expected `UTC` as in the rest of the timeline'
    ])
  })

  it('reads the zone of a table row from its `Zone` column, and names the reference as right on its date', async () => {
    expect(await reasons(read('table-zone-column.md'))).toEqual([
      '11:24-11:27: Unexpected `PST` on 4 July 2024, expected `PDT`',
      '13:24-13:27: Unexpected timezone `UTC`, expected `PDT` as in the rest of the timeline'
    ])
  })

  it('reads a zone with its offset in brackets, an example of the zone, and an old zone name as one statement', async () => {
    const timeline = (intro: string) =>
      `## Summary\n\nCheckout failed on 4 June 2024.\n\n## Timeline\n\n${intro}\n\n- 09:05 deploy\n- 09:40 alert\n`
    expect(await reasons(timeline('All times in PT (UTC-7).'))).toEqual([])
    expect(await reasons(timeline('All times are in CEST (UTC+2).'))).toEqual([])
    expect(await reasons(timeline('Times are in UTC (10:00 UTC = 03:00 PDT).'))).toEqual([])
    expect(await reasons(timeline('All times US/Pacific.'))).toEqual([])
    // An offset that is not the zone's is another zone.
    expect(await reasons(timeline('All times in CEST (UTC+5).'))).toEqual([
      '7:20-7:25: Unexpected timezone `UTC+5`, expected `CEST` as in the rest of the timeline'
    ])
  })

  it('checks the name of a zone after a time inside the words, and lets it differ', async () => {
    expect(await reasons(read('zone-in-words.md'))).toEqual([
      '9:69-9:72: Unexpected `PST` on 28 August 2017, expected `PDT`'
    ])
  })

  it('reports an abbreviation wrong for the date, with the right one to put instead', async () => {
    expect(await reasons(read('wrong-abbreviation.md'))).toEqual([
      '9:9-9:12: Unexpected `PST` on 5 June 2024, expected `PDT`',
      '10:9-10:12: Unexpected `PST` on 5 June 2024, expected `PDT`'
    ])
    const [message] = await messagesOf(read('wrong-abbreviation.md'))
    expect(message?.expected).toEqual(['PDT'])
    expect(message?.cause).toMatchObject({reason: 'the date is stated here', place: {start: {line: 5, column: 4}}})
  })

  it('reports the zone an intro line states, once, with the date of the entries', async () => {
    expect(await reasons(read('wrong-abbreviation-intro.md'))).toEqual([
      '5:14-5:17: Unexpected `BST` on 16 January 2024, expected `GMT`'
    ])
  })

  it('reports the zone a summary states when the entries take it', async () => {
    const text =
      '## Summary\n\nFrom 10:00 AM to 2:00 PM (PST) on June 1, 2023 the site was slow.\n\n## Timeline\n\n- 10:00 AM: alert\n- 2:00 PM: fixed\n'
    expect(await reasons(text)).toEqual(['3:27-3:30: Unexpected `PST` on 1 June 2023, expected `PDT`'])
  })

  it('checks a date without a year in the years around now', async () => {
    const text = '## Summary\n\nOn August 21 the site was down.\n\n## Timeline\n\n- 1:10pm PST: script run\n'
    expect(await reasons(text)).toEqual(['7:10-7:13: Unexpected `PST` on 21 August, expected `PDT`'])
  })

  it('checks a zone stated once against an entry dated without a year, in the nearest year', async () => {
    expect(await reasons(read('yearless-zone-name.md'))).toEqual([
      '3:11-3:14: Unexpected `PDT` on 5 December 2018, expected `PST`'
    ])
    expect(await reasons(read('yearless-year-end.md'))).toEqual([])
  })

  it('reports a zone stated in the opening lines when wrong for the date', async () => {
    expect(await reasons(read('zone-all-times-wrong.md'))).toEqual([
      '3:11-3:14: Unexpected `PDT` on 12 December 2024, expected `PST`'
    ])
  })

  it('reads a footnote on the Timeline heading, parsed as a footnote or not', async () => {
    const gfm = '## Timeline[^1]\n\n- 21:30 keys rotated\n\n[^1]: Times are in CET\n'
    expect(await reasons(gfm)).toEqual([])
    const other = '## Timeline[^1]\n\n- 21:30 keys rotated\n\n[^2]: Times are in CET\n'
    expect(await reasons(other)).toEqual([`3:3-3:8: ${noZone('Timeline (UTC)')}`])
  })

  it('knows when daylight saving time starts', async () => {
    const after = '## Timeline (CEST)\n\n### 2018-03-26 10:34\n\nLaunches fail.\n'
    const before = '## Timeline (CEST)\n\n### 2018-03-24 10:34\n\nLaunches fail.\n'
    expect(await reasons(after)).toEqual([])
    expect(await reasons(before)).toEqual(['1:14-1:18: Unexpected `CEST` on 24 March 2018, expected `CET`'])
  })

  it('takes zones that always agree as one', async () => {
    const text =
      '## Summary\n\nFrom 4pm to 6pm GMT the site was down.\n\n## Timeline (all times in UTC)\n\n- 5:30pm: push\n- 5:40pm: alert\n- 17:50Z: fixed\n'
    expect(await reasons(text)).toEqual([])
  })

  it('counts a zone on a time mentioned in the timeline as stated', async () => {
    const text = '## Timeline\n\nThe issue was detected at 12:00 (GMT) by an alert; at 12:30 it was fixed.\n'
    expect(await reasons(text)).toEqual([])
    const none = '## Timeline\n\nThe issue was detected at 12:00 by an alert.\n'
    expect(await reasons(none)).toEqual([`3:27-3:32: ${noZone('Timeline (UTC)')}`])
  })

  it('gives the same messages without positions', async () => {
    const messages = await messagesOf(read('mixed-zones.md'), undefined, {stripPositions: true})
    expect(messages.map((message) => message.reason)).toEqual([
      'Unexpected timezone `UTC`, expected `Kigali time` as in the rest of the timeline'
    ])
  })
})

describe('postmortem-timeline-timezone options', () => {
  it('reports ambiguous abbreviations with `ambiguous`', async () => {
    const reason =
      'Unexpected ambiguous timezone `IST` (India, Israel or Ireland), expected a zone that says which, such as `Asia/Kolkata`'
    expect(await reasons(read('ambiguous.md'), {ambiguous: true})).toEqual([
      `9:9-9:12: ${reason}`,
      `10:9-10:12: ${reason}`,
      `11:9-11:12: ${reason}`
    ])
    const [message] = await messagesOf(read('ambiguous.md'), {ambiguous: true})
    expect(message?.expected).toEqual(['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin'])
  })

  it('never checks an ambiguous abbreviation against the date', async () => {
    const text = '## Summary\n\nOn 5 June 2024 the site was down.\n\n## Timeline\n\n- 10:00 CST: alert\n'
    expect(await reasons(text)).toEqual([])
  })

  it('reports every zone other than the one `zone` requires', async () => {
    expect(await reasons(read('required-zone.md'), {zone: 'UTC'})).toEqual([
      '5:14-5:17: Unexpected timezone `CET`, expected `UTC`'
    ])
    expect(await reasons(read('required-zone.md'), {zone: 'Europe/Paris'})).toEqual([])
    expect(await reasons(read('list-utc.md'), {zone: 'GMT'})).toEqual([])
    expect(await reasons(read('list-utc.md'), {zone: '-05:00'})).toEqual([
      '9:9-9:12: Unexpected timezone `UTC`, expected `-05:00`',
      '10:9-10:12: Unexpected timezone `UTC`, expected `-05:00`',
      '11:9-11:12: Unexpected timezone `UTC`, expected `-05:00`',
      '12:9-12:12: Unexpected timezone `UTC`, expected `-05:00`'
    ])
  })

  it('proposes the required zone for times without one', async () => {
    const [message] = await messagesOf(read('no-zone.md'), {zone: 'UTC'})
    expect(message?.reason).toBe(noZone('Timeline (UTC)'))
    expect(message?.expected).toEqual(['12:00 PM UTC'])
  })

  it.each([
    [{zone: 'Mars/Olympus'}, 'Mars/Olympus'],
    [{zone: 'UTC plus a bit'}, 'UTC plus a bit'],
    [{zone: 3}, 3]
  ])('fails at once on the bad zone %j', (options, value) => {
    expect(() => unified().use(remarkParse).use(remarkLintPostmortemTimelineTimezone, options).freeze()).toThrow(
      `postmortem-timeline-timezone: Unexpected value \`${JSON.stringify(value)}\` for \`zone\`, expected a timezone such as \`'UTC'\`, \`'Europe/Paris'\`, \`'+01:00'\`, or \`'PST'\``
    )
  })

  it('fails at once on a bad `ambiguous`', () => {
    expect(() => unified().use(remarkParse).use(remarkLintPostmortemTimelineTimezone, {ambiguous: 1}).freeze()).toThrow(
      'postmortem-timeline-timezone: Unexpected value `1` for `ambiguous`, expected `true` or `false`'
    )
  })
})
