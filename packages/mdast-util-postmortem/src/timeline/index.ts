/**
 * The timeline of a postmortem: its entries with their times, dates and
 * zones, computed once per `Postmortem` and shared by the rules.
 */
import {TZDate, tzOffset} from '@date-fns/tz'
import type {Node, Position} from 'unist'
import type {Postmortem} from '../model.js'
import {oneLine} from '../normalize.js'
import type {Section} from '../sections.js'
import {type ClockTime, findClockTimes, secondsOf} from './clock.js'
import {
  type DateFact,
  documentYear,
  footnoteLines,
  headingTextLine,
  type IncidentWindow,
  readContext,
  summaryLines,
  type TimelineContext,
  type ZoneFact
} from './context.js'
import {
  type CalendarDate,
  daysAround,
  daysBetween,
  type NumericOrder,
  nearestYear,
  nextDay,
  numericOrderOf,
  settleOrder,
  withYear
} from './dates.js'
import {readTimelineLines, type TimelineEntryKind, type TimelineLine} from './entries.js'
import type {Stamp} from './stamp.js'
import {locate, type TextLine} from './text-lines.js'
import {readZone, sameZone, type Zone} from './zones.js'

export type {ClockTime} from './clock.js'
export {findClockTimes, minutesOf, readClockTime} from './clock.js'
export type {DateFact, FactSource, IncidentWindow, TimelineContext, ZoneFact} from './context.js'
export {zoneStatements} from './context.js'
export type {CalendarDate} from './dates.js'
export {findDates, isoDate, longDate, readDate} from './dates.js'
export type {TimelineEntryKind} from './entries.js'
export {readStamp, type Stamp} from './stamp.js'
export {
  expectedZoneName,
  findZones,
  readZone,
  sameZone,
  type WallTime,
  type Zone,
  type ZoneReading,
  zoneLabel
} from './zones.js'

/** One entry of a timeline. */
export interface TimelineEntry {
  readonly kind: TimelineEntryKind
  /** The list item, table row, paragraph, heading or HTML node. */
  readonly node: Node
  /** The entry's words, after its stamp. */
  readonly text: string
  /** The wall time, when the entry has one. */
  readonly time: ClockTime | undefined
  /** A time the writer marked unknown (`[???]`). */
  readonly unknownTime: boolean
  /** The end of a range (`8:20 - 8:24`). */
  readonly endTime: ClockTime | undefined
  /** The time as written, through its zone (`10:05 AM UTC`), when there is one. */
  readonly timeText: string | undefined
  /** Where `timeText` is (or the date, for an entry with only a date). */
  readonly position: Position | undefined
  /** A time without AM/PM in a 12-hour timeline, read as PM (`1:00` after `12:15`). */
  readonly afternoon: boolean
  /** The date written on the entry (or in its row's date column). */
  readonly ownDate: DateFact | undefined
  /** The date the entry falls on, when known: its own, a marker's, the incident's, or the next day after midnight. */
  readonly date: CalendarDate | undefined
  /** The zone written on the entry. */
  readonly ownZone: ZoneFact | undefined
  /** The zone that applies: its own, or the one the heading, an intro line or the summary states. */
  readonly zone: ZoneFact | undefined
  /** Day of the entry, counted from an arbitrary origin: equal days are the same day. */
  readonly day: number
  /** Seconds since midnight (after AM/PM), when there is a time. */
  readonly seconds: number | undefined
  /**
   * The entry's own zone differs from the zone most of the timeline's times
   * are in (`PDT`, `PDT`, `UTC`): maybe a slip of the zone's name.
   */
  readonly zoneSlip: boolean
  /** The moment, when the time, date (with year) and zone are known. */
  readonly instant: Date | undefined
}

/** A line that only sets the date of the entries after it (`2019-01-22`, `Day 2`, `### Mar 6`). */
export interface DateMarker {
  readonly node: Node
  readonly date: CalendarDate | undefined
  /** `Day 2`: 2. */
  readonly dayNumber: number | undefined
  readonly position: Position | undefined
}

/** A time inside the text of the timeline that does not lead an entry (`... at 3:17 PM`). */
export interface TimeMention {
  readonly time: ClockTime
  readonly zone: ZoneFact | undefined
  readonly position: Position | undefined
}

/** One timeline section and what it holds. */
export interface TimelineSection {
  readonly section: Section
  /** Every entry, with or without a time, in document order. */
  readonly entries: readonly TimelineEntry[]
  /** The entries with a known time, in document order. */
  readonly timed: readonly TimelineEntry[]
  readonly markers: readonly DateMarker[]
  readonly mentions: readonly TimeMention[]
  readonly context: TimelineContext
}

/** Every timeline of a postmortem (a file may hold two postmortems). */
export interface Timeline {
  readonly sections: readonly TimelineSection[]
}

const cache = new WeakMap<Postmortem, Timeline>()

/** The timeline of a postmortem, computed once and shared by every rule that asks. */
export function getTimeline(postmortem: Postmortem): Timeline {
  let timeline = cache.get(postmortem)
  if (!timeline) {
    timeline = {sections: postmortem.sectionsOf('timeline').map((section) => readSection(section, postmortem))}
    cache.set(postmortem, timeline)
  }
  return timeline
}

/**
 * How many seconds `b` comes after `a` (negative: before), comparing moments
 * when the two are in different zones and wall clocks otherwise; undefined
 * when one has no time. When one of them is a zone slip and only the wall
 * clocks go forward, the wall clocks: the more plausible reading.
 */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number | undefined {
  if (a.seconds === undefined || b.seconds === undefined) return undefined
  // An offset from the start (`T+5m`) and a time of day cannot be compared.
  if (Boolean(a.time?.relative) !== Boolean(b.time?.relative)) return undefined
  return difference(
    {day: a.day, seconds: a.seconds, date: a.date, zone: a.zone, slip: a.zoneSlip},
    {day: b.day, seconds: b.seconds, date: b.date, zone: b.zone, slip: b.zoneSlip}
  )
}

interface Placed {
  readonly day: number
  readonly seconds: number
  readonly date: CalendarDate | undefined
  readonly zone: ZoneFact | undefined
  readonly slip?: boolean
}

/** The longest jump forward over midnight read as the next day, without a window saying more. */
const plausibleNight = 12 * 3600
const secondsPerDay = 86_400
const noon = 12 * 3600
const epoch: CalendarDate = {year: 2000, month: 1, day: 1, alternative: undefined, text: '', start: 0, end: 0}

function readSection(section: Section, postmortem: Postmortem): TimelineSection {
  const lines = readTimelineLines(section, postmortem)
  // Lines before the first entry introduce the timeline, also after a date line (`Date: 2019-12-05`, then `Timezone: CET`).
  const firstEntry = lines.findIndex((line) => line.type === 'entry')
  const intro = [
    ...footnoteLines(section.heading, postmortem),
    ...lines
      .slice(0, firstEntry === -1 ? lines.length : firstEntry)
      .flatMap((line) => (line.type === 'text' ? [line.line] : []))
  ]
  const context = readContext(
    headingTextLine(section.heading, postmortem.source),
    intro,
    summaryLines(postmortem, section),
    () => documentYear(postmortem)
  )
  const placer = new Placer(context, twelveHourClock(lines), numericOrder(lines), mainZone(lines, context))
  const entries: TimelineEntry[] = []
  const markers: DateMarker[] = []
  const mentions: TimeMention[] = []
  for (const line of lines) {
    if (line.type === 'marker') markers.push(placer.marker(line))
    else if (line.type === 'entry') {
      entries.push(placer.entry(line))
      mentions.push(...mentionsIn(line.line, line.stamp?.rest ?? 0))
    } else mentions.push(...mentionsIn(line.line, 0))
  }
  return {section, entries, timed: entries.filter((entry) => entry.time !== undefined), markers, mentions, context}
}

/** Places entries on days: dates written, markers, and midnight crossings. */
class Placer {
  private running: CalendarDate | undefined
  private runningDay: number
  /** A date was written since the last timed entry: no midnight crossing to guess. */
  private dated = false
  private previous: Placed | undefined
  /** The day of the first timed entry. */
  private first: {readonly date: CalendarDate | undefined; readonly day: number} | undefined
  private readonly night: number

  constructor(
    private readonly context: TimelineContext,
    private readonly twelveHour: boolean,
    private readonly order: NumericOrder | undefined,
    private readonly mainZone: Zone | undefined
  ) {
    this.running = context.date?.date
    this.runningDay = this.running ? dayNumber(this.running) : 0
    this.night = nightLimit(context.window)
  }

  marker(line: Extract<TimelineLine, {type: 'marker'}>): DateMarker {
    this.setDate(line.stamp)
    return {
      node: line.node,
      date: line.stamp.date ? this.running : undefined,
      dayNumber: line.stamp.dayNumber,
      position: locate(line.line, line.stamp.start, line.stamp.end)
    }
  }

  entry(line: Extract<TimelineLine, {type: 'entry'}>): TimelineEntry {
    const stamp = line.stamp
    const given = stamp?.date ?? line.columnDate?.date
    const written = given && settleOrder(given, this.order)
    const dateLine = stamp?.date ? line.line : line.columnDate?.line
    let ownDate: DateFact | undefined
    if (written && dateLine) {
      const date = this.withYear(written)
      ownDate = {date, source: 'entry', position: locate(dateLine, written.start, written.end)}
    }
    if (stamp) this.setDate(stamp, ownDate?.date)
    else if (ownDate) this.setOwnDate(ownDate.date)
    if (stamp?.time && !stamp.time.relative && !this.first) {
      this.first = {date: this.running, day: this.runningDay}
    }
    if (stamp?.nextDay && !ownDate) this.dayAfter()
    const ownZone = ownZoneOf(line)
    const zone = ownZone ?? this.context.zone
    const slip = ownZone !== undefined && this.mainZone !== undefined && !sameZone(ownZone.zone, this.mainZone)
    const time = stamp?.time
    if (time?.relative) return this.offsetEntry(line, time)
    let date = this.running
    let day = this.runningDay
    let seconds = time ? secondsOf(time) : undefined
    let afternoon = false
    if (time && seconds !== undefined) {
      const previous = this.previous
      if (previous && !this.dated) {
        const here = {day, seconds, date, zone, slip}
        // `12:30` then `1:00` on a 12-hour clock: the afternoon, when that is
        // the shorter way forward.
        const back = -difference(previous, here)
        if (this.twelveHour && time.hour >= 1 && time.hour < 12 && previous.seconds >= noon && back > 0) {
          const later = {...here, seconds: seconds + noon}
          const forward = difference(previous, later)
          if (forward >= 0 && forward < back) {
            seconds = later.seconds
            afternoon = true
          }
        }
        const delta = difference(previous, {day, seconds, date, zone, slip})
        if (delta < 0 && delta + secondsPerDay <= this.night) {
          day += 1
          date = date ? nextDay(date) : undefined
          this.running = date
          this.runningDay = day
        }
      }
      this.previous = {day, seconds, date, zone, slip}
      this.dated = false
    }
    return entryOf({
      kind: line.kind,
      node: line.node,
      text: line.text,
      time: time && afternoon ? {...time, hour: time.hour + 12} : time,
      unknownTime: stamp?.unknown ?? false,
      endTime: stamp?.endTime,
      timeText: stamp?.time ? oneLine(line.line.text.slice(stamp.start, stamp.end)) : undefined,
      position: stamp ? locate(line.line, stamp.start, stamp.end) : line.line.position,
      afternoon,
      ownDate,
      date,
      ownZone,
      zone,
      day,
      seconds,
      zoneSlip: slip
    })
  }

  /** `T+5m`: an offset from the start, on no day and in no zone, compared by its offset. */
  private offsetEntry(line: Extract<TimelineLine, {type: 'entry'}>, time: ClockTime): TimelineEntry {
    const stamp = line.stamp as Stamp
    return entryOf({
      kind: line.kind,
      node: line.node,
      text: line.text,
      time,
      unknownTime: false,
      endTime: undefined,
      timeText: oneLine(time.text),
      position: locate(line.line, stamp.start, stamp.end),
      afternoon: false,
      ownDate: undefined,
      date: undefined,
      ownZone: undefined,
      zone: undefined,
      day: 0,
      seconds: secondsOf(time),
      zoneSlip: false
    })
  }

  /**
   * A date written without a year, in the year nearest the date before it
   * (the entry or marker before, else the incident's): `Dec 5` before a
   * March incident is in the year before. Else the document's year.
   */
  private withYear(date: CalendarDate): CalendarDate {
    const reference = this.running?.year === undefined ? this.context.date?.date : this.running
    if (reference?.year !== undefined) return nearestYear(date, reference)
    return withYear(date, this.context.year)
  }

  /** A marker or an entry's own date (or `Day 2`) moves the running date. */
  private setDate(stamp: Stamp, own?: CalendarDate): void {
    const base = this.context.date?.date
    if (stamp.date || own) {
      this.setOwnDate(own ?? this.withYear(settleOrder(stamp.date as CalendarDate, this.order)))
    } else if (stamp.dayNumber !== undefined) {
      this.running = base ? nextDay(base, stamp.dayNumber - 1) : undefined
      this.runningDay = this.running ? dayNumber(this.running) : stamp.dayNumber - 1
      this.dated = true
    }
  }

  /**
   * `10:00 (next day)`, `(+1)`: the day after the incident's first day
   * (writers mark every entry of that day so), whatever the clock says.
   */
  private dayAfter(): void {
    const first = this.first ?? {date: this.running, day: this.runningDay}
    this.running = first.date ? nextDay(first.date) : undefined
    this.runningDay = first.day + 1
    this.dated = true
  }

  private setOwnDate(date: CalendarDate): void {
    const running = this.running
    // No year known anywhere: `12-31` then `01-01` is the next day, not 364 days back.
    this.runningDay =
      running && running.year === undefined && date.year === undefined
        ? this.runningDay + daysAround(running, date)
        : dayNumber(date)
    this.running = date
    this.dated = true
  }
}

/** The zone written on the entry, or in its row's `Zone` column. */
function ownZoneOf(line: Extract<TimelineLine, {type: 'entry'}>): ZoneFact | undefined {
  const stamp = line.stamp
  if (stamp?.zone)
    return {zone: stamp.zone, source: 'entry', position: locate(line.line, stamp.zone.start, stamp.zone.end)}
  const column = line.columnZone
  if (!column || !stamp?.time) return undefined
  return {zone: column.zone, source: 'entry', position: locate(column.line, column.zone.start, column.zone.end)}
}

type EntryFields = Omit<TimelineEntry, 'instant'>

/** An entry whose moment is computed when first asked for. */
class Entry implements TimelineEntry {
  declare readonly kind: TimelineEntryKind
  declare readonly node: Node
  declare readonly text: string
  declare readonly time: ClockTime | undefined
  declare readonly unknownTime: boolean
  declare readonly endTime: ClockTime | undefined
  declare readonly timeText: string | undefined
  declare readonly position: Position | undefined
  declare readonly afternoon: boolean
  declare readonly ownDate: DateFact | undefined
  declare readonly date: CalendarDate | undefined
  declare readonly ownZone: ZoneFact | undefined
  declare readonly zone: ZoneFact | undefined
  declare readonly day: number
  declare readonly seconds: number | undefined
  declare readonly zoneSlip: boolean
  #instant: Date | undefined | null = null

  constructor(fields: EntryFields) {
    // Each field set in one order, so that every entry has one shape.
    const self = this as {-readonly [Key in keyof EntryFields]: EntryFields[Key]}
    self.kind = fields.kind
    self.node = fields.node
    self.text = fields.text
    self.time = fields.time
    self.unknownTime = fields.unknownTime
    self.endTime = fields.endTime
    self.timeText = fields.timeText
    self.position = fields.position
    self.afternoon = fields.afternoon
    self.ownDate = fields.ownDate
    self.date = fields.date
    self.ownZone = fields.ownZone
    self.zone = fields.zone
    self.day = fields.day
    self.seconds = fields.seconds
    self.zoneSlip = fields.zoneSlip
  }

  get instant(): Date | undefined {
    if (this.#instant === null) this.#instant = instantOf(this)
    return this.#instant
  }
}

function entryOf(fields: EntryFields): TimelineEntry {
  return new Entry(fields)
}

function instantOf(entry: EntryFields): Date | undefined {
  const {time, date, zone} = entry
  if (!time || !date || date.year === undefined || !zone) return undefined
  return new TZDate(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, zone.zone.timeZone)
}

/**
 * Seconds from `a` to `b`: moments when their zones differ, wall clocks
 * otherwise, and wall clocks too when one is a zone slip and only they go
 * forward (`10:20 PDT` then `10:45 UTC` meant `10:45 PDT`).
 */
function difference(a: Placed, b: Placed): number {
  const wall = (b.day - a.day) * secondsPerDay + b.seconds - a.seconds
  if (!a.zone || !b.zone || sameZone(a.zone.zone, b.zone.zone, a.date?.year ?? b.date?.year)) return wall
  const moment = wall - (offsetSeconds(b) - offsetSeconds(a))
  return (a.slip || b.slip) && moment < 0 && wall >= 0 ? wall : moment
}

/**
 * The zone most times of the timeline are in (their own, or the stated one
 * they take), when more are in it than in any other.
 */
function mainZone(lines: readonly TimelineLine[], context: TimelineContext): Zone | undefined {
  const groups: Array<{zone: Zone; count: number}> = []
  for (const line of lines) {
    if (line.type !== 'entry' || !line.stamp?.time || line.stamp.time.relative) continue
    const zone = line.stamp.zone ?? line.columnZone?.zone ?? context.zone?.zone
    if (!zone) continue
    const group = groups.find((item) => sameZone(item.zone, zone))
    if (group) group.count++
    else groups.push({zone, count: 1})
  }
  const [first, second] = groups.sort((a, b) => b.count - a.count)
  return first && (!second || first.count > second.count) ? first.zone : undefined
}

function offsetSeconds(placed: Placed): number {
  const zone = placed.zone?.zone
  if (!zone) return 0
  if (zone.offset !== undefined) return zone.offset * 60
  const date = placed.date
  const at = new TZDate(date?.year ?? 2024, (date?.month ?? 1) - 1, date?.day ?? 15, 12, 0, 0, 'UTC')
  return tzOffset(zone.timeZone, at) * 60
}

/** The day of a date, counted from `epoch` (`daysBetween` keeps the days of the dates seen). */
function dayNumber(date: CalendarDate): number {
  return daysBetween(epoch, date)
}

/** A window that crosses midnight makes a longer jump over it plausible. */
function nightLimit(window: IncidentWindow | undefined): number {
  if (!window?.crossesMidnight) return plausibleNight
  return Math.max(plausibleNight, Math.min(window.minutes * 60, secondsPerDay))
}

/**
 * A timeline written on a 12-hour clock without AM/PM (`11:30`, `12:15`,
 * `1:00`): no AM/PM anywhere, no hour past 12, no `00:` or `09:` hours.
 */
function twelveHourClock(lines: readonly TimelineLine[]): boolean {
  let times = 0
  for (const line of lines) {
    const time = line.type === 'entry' ? line.stamp?.time : undefined
    if (!time || time.relative) continue
    times++
    if (time.meridiem || time.hour > 12 || time.hour === 0 || time.text.startsWith('0')) return false
  }
  return times > 1
}

/** The way the timeline's numeric dates are written, from those that read one way only. */
function numericOrder(lines: readonly TimelineLine[]): NumericOrder | undefined {
  return numericOrderOf(
    lines.map((line) =>
      line.type === 'text'
        ? undefined
        : (line.stamp?.date ?? (line.type === 'entry' ? line.columnDate?.date : undefined))
    )
  )
}

/** Times in the text of a line after `from` (prose that mentions a time). */
function mentionsIn(line: TextLine, from: number): TimeMention[] {
  const text = line.text.slice(from)
  return findClockTimes(text).map((time) => {
    const zone = readZone(text, time.end, {afterTime: true})
    return {
      time: {...time, start: time.start + from, end: time.end + from},
      zone: zone
        ? {zone, source: 'entry' as const, position: locate(line, zone.start + from, zone.end + from)}
        : undefined,
      position: locate(line, time.start + from, time.end + from)
    }
  })
}
