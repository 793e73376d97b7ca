import {
  expectedZoneName,
  findDates,
  findZones,
  isoDate,
  readClockTime,
  readStamp,
  readZone,
  sameZone,
  type Zone,
  zoneStatements
} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'

/** `hh:mm[:ss] zone date [end] | rest` for the stamp that leads a line, or `none`. */
function stamp(line: string): string {
  const read = readStamp(line)
  if (!read) return 'none'
  const pad = (value: number) => String(value).padStart(2, '0')
  const parts: string[] = []
  if (read.time) {
    const seconds = read.time.second > 0 ? `:${pad(read.time.second)}` : ''
    parts.push(`${pad(read.time.hour)}:${pad(read.time.minute)}${seconds}`)
  } else if (read.unknown) parts.push('unknown')
  if (read.endTime) parts.push(`to ${pad(read.endTime.hour)}:${pad(read.endTime.minute)}`)
  if (read.zone) parts.push(read.zone.timeZone)
  if (read.date) parts.push(isoDate(read.date))
  if (read.dayNumber !== undefined) parts.push(`day ${read.dayNumber}`)
  if (read.nextDay) parts.push('next day')
  return `${parts.join(' ')} | ${line.slice(read.rest)}`
}

describe('times that lead a timeline line', () => {
  it.each([
    ['14:00 deploy', '14:00 | deploy'],
    ['14:00:05 - deploy', '14:00:05 | deploy'],
    ['2:15 AM: paged', '02:15 | paged'],
    ['2pm - paged', '14:00 | paged'],
    ['2 p.m. — paged', '14:00 | paged'],
    ['12:00 AM midnight', '00:00 | midnight'],
    ['12:30 PM lunch', '12:30 | lunch'],
    ['1400 hrs: paged', '14:00 | paged'],
    ['2100hrs WAT - paged', '21:00 Africa/Lagos | paged'],
    ['00:00 hours alert', '00:00 | alert'],
    ['[08:47] bump merged', '08:47 | bump merged'],
    ['13:20PM :- detected', '13:20 | detected'],
    ['3:AM - failover', '03:00 | failover'],
    ['5:PM', '17:00 | '],
    ['2: 43 A.M. - restart', '02:43 | restart'],
    ['15.25 PST - still down', '15:25 America/Los_Angeles | still down'],
    ['8:20 - 8:24', '08:20 to 08:24 | '],
    ['10:00 - 11:00 UTC outage', '10:00 to 11:00 UTC | outage'],
    ['[???] disk fills up', 'unknown | disk fills up'],
    ['??:?? report', 'unknown | report'],
    ['10:30 | row', '10:30 | row'],
    ['At 3:15 PM Eastern time, complaint', '15:15 America/New_York | complaint'],
    ['~10:00 about then', '10:00 | about then'],
    ['🚨 10:00 alert', '10:00 | alert'],
    [':small_orange_diamond:16:15 GMT+1: detected', '16:15 +01:00 | detected'],
    ['10.12:30 PM UTC: restored', '12:30 UTC | restored'],
    ['[03-26 23:04] drained', '23:04 03-26 | drained'],
    ['03/26 23:04 drained', '23:04 03-26 | drained'],
    ['26/03 10:30 paged', '10:30 03-26 | paged'],
    ['Mar 26 23:04 drained', '23:04 03-26 | drained'],
    ['12-05T16:21 merged', '16:21 12-05 | merged'],
    ['1030Z deploy', '10:30 UTC | deploy'],
    ['10:30 Z deploy', '10:30 UTC | deploy'],
    ['10:30 ZFS pool degraded', '10:30 | ZFS pool degraded'],
    ['1030hrs deploy', '10:30 | deploy'],
    ['10h30 deploy', '10:30 | deploy'],
    ['Noon: deploy', '12:00 | deploy'],
    ['12 noon deploy', '12:00 | deploy'],
    ['Midnight - batch', '00:00 | batch'],
    ['Mon 14:00 deploy', '14:00 | deploy'],
    ['T+5m drained', '00:05 | drained'],
    ['T+1h30m: restored', '01:30 | restored'],
    ['T+0 start', '00:00 | start'],
    ['T-10 min warm-up', '00:10 | warm-up'],
    ['T+00:05 drained', '00:05 | drained'],
    ['+00:05 drained', '00:05 | drained'],
    ['2024-03-05T10:30:00-05:00 deploy', '10:30 -05:00 2024-03-05 | deploy'],
    ['+30 min alert', '00:30 | alert'],
    ['+2 hrs rollback', '02:00 | rollback'],
    ['+1h30m restored', '01:30 | restored'],
    ['5.3.2024 10:30 deploy', '10:30 2024-03-05 | deploy'],
    ['03.13.2024 10:30 deploy', '10:30 2024-03-13 | deploy'],
    ['22:30 (Mar 4) paged', '22:30 03-04 | paged'],
    ['10:00 (next day) fixed', '10:00 next day | fixed'],
    ['10:20 (+1) fixed', '10:20 next day | fixed'],
    ['10:20 +1d fixed', '10:20 next day | fixed'],
    ['10:20 next day we met', '10:20 | next day we met']
  ])('reads %j', (line, expected) => {
    expect(stamp(line)).toBe(expected)
  })

  it.each([
    ['14:00Z done', '14:00 UTC | done'],
    ['10:30+01:00 done', '10:30 +01:00 | done'],
    ['10:30 +01:00 done', '10:30 +01:00 | done'],
    ['10:30 UTC+1 done', '10:30 +01:00 | done'],
    ['10:30 GMT-5: done', '10:30 -05:00 | done'],
    ['10:30 AM (UTC-5): done', '10:30 -05:00 | done'],
    ['10:30 Europe/Paris: done', '10:30 Europe/Paris | done'],
    ['3:00 PM (Kigali time): done', '15:00 Africa/Kigali | done'],
    ['4:45 PM Pacific Standard Time - done', '16:45 America/Los_Angeles | done'],
    ['10:00 (Greenwich Mean Time) - done', '10:00 UTC | done']
  ])('reads the zone of %j', (line, expected) => {
    expect(stamp(line)).toBe(expected)
  })

  it.each([
    ['2024-03-05T10:30:00Z deploy', '10:30 UTC 2024-03-05 | deploy'],
    ['2024-03-05T10:30:00-05:00 deploy', '10:30 -05:00 2024-03-05 | deploy'],
    ['2024-03-05 10:30 deploy', '10:30 2024-03-05 | deploy'],
    ['2021-12-10   15:40', '15:40 2021-12-10 | '],
    ['Mar 5, 10:30 UTC — deploy', '10:30 UTC 03-05 | deploy'],
    ['March 5th at 10:30 deploy', '10:30 03-05 | deploy'],
    ['04-12-2022 7:23 AM GMT+1 - ticket', '07:23 +01:00 2022-04-12 | ticket'],
    ['February 24th, 15, 9:21 PM (WAT): report', '21:21 Africa/Lagos 2015-02-24 | report'],
    ['13:15 PST 29 april 2022 - complaint', '13:15 America/Los_Angeles 2022-04-29 | complaint'],
    ['At 14:50 Pacific Time on March 31st, rollout', '14:50 America/Los_Angeles 03-31 | rollout']
  ])('reads the date with %j', (line, expected) => {
    expect(stamp(line)).toBe(expected)
  })

  it.each([
    ['2019-01-22', '2019-01-22 | '],
    ['Sunday, May 13th, 2023:', '2023-05-13 | '],
    ['Day 2', 'day 2 | '],
    ['Day 2 (March 6)', '03-06 day 2 | '],
    ['Mar 6', '03-06 | ']
  ])('reads the marker %j', (line, expected) => {
    expect(stamp(line)).toBe(expected)
  })

  it.each([
    '10 users were affected',
    'v1.14 upgrade',
    '2.17 release',
    '15.25 engineers still down',
    'The team met at 09:00.',
    'curl 0:8080 failed',
    'TBD - later',
    '10:30abc',
    '3/4 2024 budget',
    '03-26 release notes',
    'Noonan joined the call',
    'T+ later'
  ])('reads no stamp in %j', (line) => {
    expect(stamp(line)).toBe('none')
  })

  it('reads offsets from the start as offsets, with their sign', () => {
    expect(readStamp('T-10m warm-up')?.time).toMatchObject({relative: true, offsetSeconds: -600})
    expect(readStamp('T+26h next day')?.time).toMatchObject({relative: true, offsetSeconds: 93_600, hour: 26})
    expect(readStamp('+00:75 nothing')).toBeUndefined()
  })

  it('reads a time only where it may start', () => {
    expect(readClockTime('v10:30', 1)).toBeUndefined()
    expect(readClockTime('at 10:30', 3)?.text).toBe('10:30')
    expect(readClockTime('24:00', 0)?.hour).toBe(0)
    expect(readClockTime('10:75', 0)).toBeUndefined()
  })
})

describe('timezones', () => {
  const zone = (text: string): Zone => {
    const read = readZone(text, 0, {afterTime: true})
    if (!read) throw new Error(`no zone in ${text}`)
    return read
  }

  it.each([
    ['All times PDT.', ['PDT']],
    ['Times are in GMT+1', ['GMT+1']],
    ['Timezone: Europe/Berlin', ['Europe/Berlin']],
    ['the resolvers stopped for most of the morning (all times UTC).', ['UTC']],
    ['All times are given in CET/CEST', ['CET/CEST']],
    ['2 hours (9:00 AM - 11:00 AM, UTC)', ['UTC']],
    ['From 14:00 to 15:00, PST, the site was down', ['PST']],
    ['All times below are in UTC', ['UTC']],
    ['All timestamps are UTC.', ['UTC']],
    ['Times in this report are in CET', ['CET']],
    ['Time zone used: UTC+2', ['UTC+2']],
    ['The timezone is Europe/Berlin', ['Europe/Berlin']],
    ['we retried several times EST', []],
    ['At that time EST servers were', []],
    ['At 10:00, CT scans were queued', []]
  ])('reads the zones that prose states in %j', (line, expected) => {
    expect(zoneStatements(line, false).map((item) => item.text)).toEqual(expected)
  })

  it('reads the standard and daylight names of one zone as one zone, never wrong for a date', () => {
    const pair = zone('PST/PDT')
    expect(pair).toMatchObject({text: 'PST/PDT', timeZone: 'America/Los_Angeles', offset: undefined})
    expect(expectedZoneName(pair, {year: 2024, month: 6, day: 5, hour: 12, minute: 0})).toBeUndefined()
    expect(zone('CET / CEST').text).toBe('CET / CEST')
    expect(zone('PST/CET').text).toBe('PST')
  })

  it('finds zones in a heading or an intro line, and only after `times in` or in brackets in prose', () => {
    expect(findZones('Timeline (All in Greenwich Mean Time)', true).map((item) => item.text)).toEqual([
      'Greenwich Mean Time'
    ])
    expect(findZones('All times in PST, on February 5th 2019', true).map((item) => item.text)).toEqual(['PST'])
    expect(findZones('The EST team met; all times are in CET', false).map((item) => item.text)).toEqual(['CET'])
    expect(findZones('Incident time: 10:00 AM - 12:30 PM (EAT)', false).map((item) => item.text)).toEqual(['EAT'])
  })

  it('treats zones that always agree as the same', () => {
    expect(sameZone(zone('UTC'), zone('GMT'))).toBe(true)
    expect(sameZone(zone('Z'), zone('+00:00'))).toBe(true)
    expect(sameZone(zone('EAT'), zone('Africa/Nairobi'))).toBe(true)
    expect(sameZone(zone('PST'), zone('Pacific Time'))).toBe(true)
    expect(sameZone(zone('CET'), zone('CEST'))).toBe(true)
    expect(sameZone(zone('GMT+1'), zone('CET'))).toBe(false)
    expect(sameZone(zone('UTC'), zone('Europe/London'))).toBe(false)
  })

  it.each([
    ['PST', 2024, 6, 5, 'PDT'],
    ['PST', 2024, 1, 24, undefined],
    ['PDT', 2024, 12, 1, 'PST'],
    ['BST', 2024, 1, 16, 'GMT'],
    ['CET', 2022, 6, 2, 'CEST'],
    ['CEST', 2018, 3, 26, undefined],
    ['CEST', 2018, 3, 24, 'CET'],
    ['EDT', 2023, 1, 10, 'EST'],
    ['AEST', 2024, 1, 10, undefined],
    ['AEDT', 2024, 7, 10, 'AEST'],
    ['MST', 2024, 7, 1, undefined],
    ['MDT', 2024, 1, 1, 'MST'],
    ['Pacific Standard Time', 2024, 6, 5, 'Pacific Daylight Time'],
    ['PT', 2024, 6, 5, undefined],
    ['IST', 2024, 6, 5, undefined],
    ['CST', 2024, 6, 5, undefined],
    ['GMT', 2024, 6, 5, undefined],
    ['UTC+1', 2024, 6, 5, undefined]
  ])('names %s on %i-%i-%i as %s', (text, year, month, day, expected) => {
    expect(expectedZoneName(zone(text), {year, month, day, hour: 12, minute: 0})).toBe(expected)
  })

  it('knows the ambiguous abbreviations', () => {
    expect(zone('IST').readings?.map((reading) => reading.place)).toEqual(['India', 'Israel', 'Ireland'])
    expect(zone('CST').readings?.map((reading) => reading.timeZone)).toEqual([
      'America/Chicago',
      'Asia/Shanghai',
      'America/Havana'
    ])
    expect(zone('PST').readings).toBeUndefined()
  })
})

describe('dates', () => {
  it.each([
    ['On Wednesday 4 December 2019, nodes were deleted', ['2019-12-04']],
    ['from 2:00 PM to 4:30 PM PST on January 24, 2024', ['2024-01-24']],
    ['At 2:02AM PST on Thursday 03-30-17 a server', ['2017-03-30']],
    ['Date: August, 8th, 2017', ['2017-08-08']],
    ['On 08/24/17 between ~12:00 and 1:40 PM PST', ['2017-08-24']],
    ['Feb., 20th, 2017 for 1 hours', ['2017-02-20']],
    ['2021-12-10 and 2022-01-04', ['2021-12-10', '2022-01-04']],
    ['Timeline of events (20th December 2023)', ['2023-12-20']],
    ['we may see 5 users', []],
    ['version 2.17.1 and 20xx-MM-DD', []]
  ])('finds the dates of %j', (text, expected) => {
    expect(findDates(text).map((date) => isoDate(date))).toEqual(expected)
  })

  it('keeps the day-first reading of a numeric date that reads both ways', () => {
    const [date] = findDates('03-10-2017')
    expect(date && isoDate(date)).toBe('2017-03-10')
    expect(date?.alternative && isoDate(date.alternative)).toBe('2017-10-03')
    expect(findDates('30-03-2017').map((item) => isoDate(item))).toEqual(['2017-03-30'])
  })
})

describe('stamps read again', () => {
  const lines = [
    '2024-03-05 10:30 UTC: paged',
    '**10:05 AM PST**: rollback',
    '[08:47] alert',
    'Mar 5, 10:30 UTC — deploy',
    '8:20 - 8:24 retries',
    '[???] unknown start',
    'Day 2',
    'T+5m first page',
    'No stamp here: 10:30'
  ]

  it('gives the stamp read the first time, shared', () => {
    const first = lines.map((line) => readStamp(line))
    const again = lines.map((line) => readStamp(line))
    for (const [at, read] of again.entries()) expect(read).toBe(first[at])
    expect(lines.map(stamp)).toEqual([
      '10:30 UTC 2024-03-05 | paged',
      '10:05 America/Los_Angeles | rollback',
      '08:47 | alert',
      '10:30 UTC 03-05 | deploy',
      '08:20 to 08:24 | retries',
      'unknown | unknown start',
      'day 2 | ',
      '00:05 | first page',
      'none'
    ])
  })

  it('reads the same stamps once many other texts were read', () => {
    const before = lines.map(stamp)
    for (let minute = 0; minute < 12_000; minute++)
      readStamp(`${Math.floor(minute / 60) % 24}:${minute % 60} entry ${minute}`)
    expect(lines.map(stamp)).toEqual(before)
  })

  it('reads a stamp after an entry, and a long line, as it reads the text alone', () => {
    const long = `10:30 UTC: ${'word '.repeat(200)}`
    expect(readStamp(long)).toEqual(readStamp('10:30 UTC: word'))
    const after = readStamp('paged. 10:30 UTC rollback', 7)
    expect([after?.time?.text, after?.time?.start, after?.zone?.timeZone, after?.rest]).toEqual(['10:30', 7, 'UTC', 17])
  })
})
