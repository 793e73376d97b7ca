import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {getPostmortem, getTimeline, isoDate, type Profile, profiles, type TimelineEntry} from 'mdast-util-postmortem'
import {gfmTable} from 'micromark-extension-gfm-table'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'

const fixtures = new URL('../../../fixtures/timeline/', import.meta.url)

function parse(text: string, strip = false): Root {
  const processor = unified().use(remarkParse)
  processor.data().micromarkExtensions = [gfmTable()]
  processor.data().fromMarkdownExtensions = [gfmTableFromMarkdown()]
  const tree = processor.parse(text) as Root
  if (strip) {
    visit(tree, (node) => {
      delete node.position
    })
  }
  return tree
}

function timelineOf(text: string, profile: Profile = profiles.generic, strip = false) {
  return getTimeline(getPostmortem(parse(text, strip), profile, text))
}

function read(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8')
}

function place(position: Position | undefined): string {
  return position
    ? `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`
    : 'nowhere'
}

/** `place time date zone | text` for each entry of each timeline. */
function entries(text: string, profile?: Profile, strip = false): string[][] {
  return timelineOf(text, profile, strip).sections.map((part) => part.entries.map(describeEntry))
}

function describeEntry(entry: TimelineEntry): string {
  const time = entry.timeText ?? (entry.unknownTime ? '???' : '-')
  const date = entry.date ? isoDate(entry.date) : '-'
  const zone = entry.zone ? entry.zone.zone.text : '-'
  return `${place(entry.position)} ${time} ${date} ${zone} | ${entry.text}`
}

describe('timeline entries', () => {
  it('reads list items, with the incident date from the summary', () => {
    expect(entries(read('list-utc.md'))).toEqual([
      [
        '9:3-9:12 10:00 UTC 2024-03-05 UTC | deploy of release 42 starts',
        '10:3-10:12 10:05 UTC 2024-03-05 UTC | error rate alert fires',
        '11:3-11:12 10:30 UTC 2024-03-05 UTC | release 42 rolled back',
        '12:3-12:12 10:40 UTC 2024-03-05 UTC | error rate back to normal'
      ]
    ])
  })

  it('reads the forms of times writers use, and the zone of the heading', () => {
    const [part] = timelineOf(read('forms.md')).sections
    expect(part?.timed.map((entry) => `${place(entry.position)} ${entry.timeText} ${entry.seconds}`)).toEqual([
      '9:3-9:10 1:05 AM 3900',
      '10:4-10:11 1:15 AM 4500',
      '11:5-11:12 1:20 AM 4800',
      '12:4-12:9 01:31 5460',
      '13:3-13:11 0145 hrs 6300',
      '14:3-14:13 2: 10 A.M. 7800',
      '15:3-15:7 3:AM 10800',
      '16:3-16:11 03:30:15 12615',
      '17:3-17:7 3.45 13500',
      '18:3-18:9 4 a.m. 14400',
      '19:3-19:6 5am 18000',
      '20:3-20:9 05:10Z 18600'
    ])
    expect(part?.context.zone?.zone.text).toBe('UTC')
    expect(place(part?.context.zone?.position)).toBe('7:14-7:17')
  })

  it('reads table rows by their time column, dates and all', () => {
    expect(entries(read('table.md'))).toEqual([
      [
        '13:14-13:19 12:11 2024-03-31 UTC | Reports of failed sign-ins',
        '14:14-14:19 12:21 2024-03-31 UTC | Failure reproduced',
        '15:3-15:13 - 2024-03-31 UTC | Vendor notified (time not recorded)',
        '16:14-16:19 13:02 2024-03-31 UTC | Expired certificate found',
        '17:14-17:19 09:15 2024-04-01 UTC | New certificate rolled out to all nodes'
      ]
    ])
  })

  it('joins a date column to a time column, and takes the zone from its header', () => {
    expect(entries(read('table-columns.md'))).toEqual([
      [
        '7:48-7:53 13:50 2024-01-20 CET | Node reports a full disk',
        '8:49-8:54 14:40 2024-01-20 CET | Alert routed to the wrong team',
        '9:48-9:53 10:39 2024-01-22 CET | Log shipper restarted'
      ]
    ])
  })

  it('reads lines of one paragraph, up to the next section inside it', () => {
    expect(entries(read('soft-breaks.md'), profiles.holberton)).toEqual([
      [
        '7:1-7:10 14:00 PST 2024-02-17 PST | Monitoring alerts trigger on response times.',
        '8:1-8:10 14:15 PST 2024-02-17 PST | Engineers investigate application logs.',
        '9:1-9:10 15:00 PST 2024-02-17 PST | Memory on the application server rises steadily.',
        '10:1-10:10 17:00 PST 2024-02-17 PST | Response times back to normal.'
      ]
    ])
  })

  it('reads a time alone on its line with the words on the next', () => {
    expect(entries(read('separate-paragraphs.md'), profiles.holberton)).toEqual([
      [
        '5:1-5:12 3:00 PM UTC 2024-08-15 UTC | Issue detected by automated monitoring.',
        '8:1-8:12 3:10 PM UTC 2024-08-15 UTC | On-call engineer starts investigating.',
        '11:1-11:12 3:30 PM UTC 2024-08-15 UTC | Memory leak found in the session module.'
      ]
    ])
  })

  it('reads headings used as entries, ranges, and the date of the first one', () => {
    const [part] = timelineOf(read('headings.md')).sections
    expect(part?.entries.map(describeEntry)).toEqual([
      '7:16-7:21 04:19 2024-01-18 CET | ',
      '11:5-11:10 04:27 2024-01-18 CET | ',
      '15:5-15:10 05:59 2024-01-18 CET | Limit raised',
      '19:5-19:18 08:20 - 08:24 2024-01-18 CET | ',
      '23:5-23:10 08:24 2024-01-18 CET | '
    ])
    expect(part?.entries[3]?.endTime?.minute).toBe(24)
    expect(part?.entries[0]?.ownDate && place(part.entries[0].ownDate.position)).toBe('7:5-7:15')
  })

  it('moves entries after midnight to the next day', () => {
    const [part] = timelineOf(read('midnight.md')).sections
    expect(part?.entries.map((entry) => `${entry.timeText} ${entry.date && isoDate(entry.date)}`)).toEqual([
      '23:10 2024-03-03',
      '23:50 2024-03-03',
      '00:10 2024-03-04',
      '01:30 2024-03-04',
      '02:05 2024-03-04'
    ])
    expect(new Date(part?.entries[2]?.instant?.getTime() ?? 0).toISOString()).toBe('2024-03-04T00:10:00.000Z')
  })

  it('keeps the date a marker sets, even when the time goes back', () => {
    const [part] = timelineOf(read('marker-same-day.md')).sections
    expect(part?.entries.map((entry) => `${entry.timeText} ${entry.date && isoDate(entry.date)}`)).toEqual([
      '22:40 2024-03-05',
      '23:50 2024-03-05',
      '00:10 2024-03-05'
    ])
    expect(part?.markers.map((marker) => `${place(marker.position)} ${marker.date && isoDate(marker.date)}`)).toEqual([
      '5:5-5:15 2024-03-05',
      '10:5-10:15 2024-03-05'
    ])
  })

  it('reads day markers (`Day 2`) and date headings', () => {
    const [part] = timelineOf(read('day-markers.md')).sections
    expect(part?.entries.map((entry) => `${entry.timeText} ${entry.date && isoDate(entry.date)}`)).toEqual([
      '16:00 2024-03-04',
      '18:30 2024-03-04',
      '09:00 2024-03-05',
      '11:15 2024-03-05',
      '08:00 2024-03-07'
    ])
    expect(part?.markers.map((marker) => marker.dayNumber ?? (marker.date && isoDate(marker.date)))).toEqual([
      1,
      2,
      '2024-03-07'
    ])
  })

  it('keeps the timelines of two postmortems in one file apart, each with its own date', () => {
    const parts = timelineOf(read('two-postmortems.md')).sections
    expect(parts.map((part) => part.context.date && isoDate(part.context.date.date))).toEqual([
      '2024-03-05',
      '2024-03-06'
    ])
    expect(parts.map((part) => part.entries.map((entry) => entry.timeText))).toEqual([
      ['14:00', '14:30'],
      ['09:00', '10:00']
    ])
  })

  it('takes the date, zone and window stated in the summary', () => {
    const [part] = timelineOf(read('summary-zone.md'), profiles.holberton).sections
    expect(part?.context.date && isoDate(part.context.date.date)).toBe('2024-01-24')
    expect(part?.context.zone?.source).toBe('summary')
    expect(place(part?.context.zone?.position)).toBe('3:46-3:49')
    expect(part?.context.window).toEqual({minutes: 150, crossesMidnight: false})
    expect(part?.entries.map((entry) => entry.instant && new Date(entry.instant.getTime()).toISOString())).toEqual([
      '2024-01-24T22:00:00.000Z',
      '2024-01-24T22:45:00.000Z',
      '2024-01-25T00:00:00.000Z',
      '2024-01-25T00:30:00.000Z'
    ])
  })

  it('reads no entry from quoted chat logs in an appendix', () => {
    const [part] = timelineOf(read('chat-log.md')).sections
    expect(part?.entries.map((entry) => entry.timeText)).toEqual(['08:47', '09:02', '09:34'])
    expect(part?.context.date && isoDate(part.context.date.date)).toBe('2024-02-05')
  })

  it('tells times that lead an entry from times mentioned in prose', () => {
    const [part] = timelineOf(read('prose.md')).sections
    expect(part?.timed.map((entry) => entry.timeText)).toEqual(['10:00', '10:20', '10:45'])
    expect(part?.mentions.map((mention) => `${place(mention.position)} ${mention.time.text}`)).toEqual([
      '5:65-5:70 09:15',
      '7:35-7:40 10:05',
      '9:23-9:28 09:00'
    ])
  })

  it('reads lines of HTML', () => {
    expect(entries(read('html.md'))).toEqual([
      [
        '8:13-8:21 10:30 AM 2024-01-25 UTC | Alert for high response times.',
        '9:13-9:21 11:15 AM 2024-01-25 UTC | Connection leak suspected.',
        '10:13-10:21 12:45 PM 2024-01-25 UTC | Incident resolved.'
      ]
    ])
  })

  it('keeps entries with unknown times apart from timed ones', () => {
    const [part] = timelineOf(read('unknown-times.md')).sections
    expect(part?.entries.map((entry) => `${entry.unknownTime ? '???' : entry.timeText}`)).toEqual([
      '???',
      '10:30 - 10:34',
      '10:34',
      '???',
      '11:00'
    ])
    expect(part?.timed.map((entry) => entry.timeText)).toEqual(['10:30 - 10:34', '10:34', '11:00'])
  })

  it('reads a 12-hour clock without AM or PM as the afternoon where that goes forward', () => {
    const text = '## Timeline (UTC)\n\n- 11:30: alert\n- 12:15: paged\n- 1:00: fix deployed\n- 2:30: resolved\n'
    const [part] = timelineOf(text).sections
    expect(part?.timed.map((entry) => `${entry.time?.hour}:${entry.time?.minute} ${entry.afternoon}`)).toEqual([
      '11:30 false',
      '12:15 false',
      '13:0 true',
      '14:30 true'
    ])
  })

  it('reads list items without a time as untimed entries, and nested items as entries', () => {
    const text = '## Timeline\n\n- Detection:\n  - March 11, 2024, 10:15 AM (UTC)\n- Escalated to the database team\n'
    expect(entries(text)).toEqual([
      [
        '3:3-3:13 - - - | Detection:',
        '4:21-4:35 10:15 AM (UTC) 2024-03-11 UTC | ',
        '5:3-5:33 - 2024-03-11 - | Escalated to the database team'
      ]
    ])
  })

  it('reads the same entries without positions', () => {
    const strip = (lines: string[][]) => lines.map((part) => part.map((line) => line.replace(/^\S+ /, '')))
    for (const name of ['list-utc.md', 'table.md', 'headings.md', 'day-markers.md', 'two-postmortems.md']) {
      const stripped = entries(read(name), profiles.generic, true)
      expect(stripped.flat().every((line) => line.startsWith('nowhere '))).toBe(true)
      expect(strip(stripped)).toEqual(strip(entries(read(name))))
    }
  })

  it('puts dates without a year in the year nearest the date before them', () => {
    expect(
      entries(read('yearless-year-end.md'))
        .flat()
        .map((line) => line.split(' | ')[0])
    ).toEqual([
      '11:10-11:15 10:12 2024-12-19 UTC',
      '12:10-12:15 23:58 2024-12-31 UTC',
      '13:10-13:15 00:03 2025-01-01 UTC',
      '14:10-14:15 09:40 2025-01-03 UTC',
      '15:10-15:15 11:45 2025-01-03 UTC'
    ])
  })

  it('reads a numeric date that reads both ways the way the rest of the timeline is written', () => {
    const [part] = timelineOf(read('yearless-zone-name.md')).sections
    expect(part?.entries.map((entry) => (entry.date ? isoDate(entry.date) : '-'))).toEqual([
      '2018-12-05',
      '2019-03-26',
      '2019-03-27'
    ])
  })

  it('places dates without a year when no year is known, the short way round the year', () => {
    const [part] = timelineOf(read('yearless-no-year.md')).sections
    const [last, first] = [part?.entries[1], part?.entries[0]]
    expect(last && first ? last.day - first.day : undefined).toBe(1)
    expect(last?.date ? isoDate(last.date) : '-').toBe('01-01')
  })

  it('is computed once per postmortem', () => {
    const text = read('list-utc.md')
    const postmortem = getPostmortem(parse(text), profiles.generic, text)
    expect(getTimeline(postmortem)).toBe(getTimeline(postmortem))
  })
})
