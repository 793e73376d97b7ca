/**
 * The stamp that leads a timeline entry: `14:00 PST:`, `**10:05 AM**:`,
 * `[08:47]`, `2024-03-05 10:30`, `Mar 5, 10:30 UTC —`, `March 5th at 10:30`,
 * `13:15 PST 29 april 2022 -`, `8:20 - 8:24`, `[???]`, or a date or day
 * marker alone (`2019-01-22`, `Day 2`).
 */

import {digitAt} from './chars.js'
import {type ClockTime, readClockTime, readNamedTime, readRelativeTime} from './clock.js'
import {type CalendarDate, readDate, readDayMarker, readMonthDay, skipWeekday} from './dates.js'
import {readZone, type Zone} from './zones.js'

/** What leads a line of the timeline. */
export interface Stamp {
  readonly date: CalendarDate | undefined
  readonly time: ClockTime | undefined
  /** `[???]`, `??:??`: a time the writer did not know. */
  readonly unknown: boolean
  /** The end of a range (`8:20 - 8:24`). */
  readonly endTime: ClockTime | undefined
  readonly zone: Zone | undefined
  /** `Day 2`: the day's number. */
  readonly dayNumber: number | undefined
  /** `10:00 (next day)`, `(+1)`: the time is on the day after the timeline's first day. */
  readonly nextDay: boolean
  /** Offsets of the time through its zone (or of the date or marker when there is no time). */
  readonly start: number
  readonly end: number
  /** Where the entry's own words start. */
  readonly rest: number
}

const leadWords = /(?:at|around|about|approx(?:imately)?\.?|by|on|from|since|circa|ca\.|~) {1,3}/iy
const shortcode = /:[a-z0-9_+-]{1,40}:/y
const numbering = /\d{1,3}[.)](?: |(?=\d{1,2}:\d{2}))/y
const decoration = /[\s>*+•·▪‣◦►▶→\-–—~≈#|([{`'"“”_]/u
const pictograph = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/u
const unknownTime = /(?:\?{2,}(?::\?{2,})?|[?Xx]{2}:[?Xx]{2})/y
const afterDate = / {0,6}(?:,|at|@|T|-|–|—|\|)? {0,6}/iy
const rangeJoin = / {0,3}(?:-|–|—|to|~|until|till) {0,3}/iy
const beforeLateDate = / {0,3}(?:,|on|-|\()? {0,3}/iy
const nextDayNote = /\((?:the )?next day\)|\(\+1 ?(?:d|day)?\)|\+1d(?![\p{L}\p{N}])/iuy
const afterMarker = / {0,3}[-–—,:(]? {0,3}/y
const separators = /[ \t:\-–—|,;.>~=)\]*_!]/
const longestPrefix = 40
const plusOffset = /^\+(?:\d{1,3}:\d{2}| ?\d{1,4} ?(?:h(?:rs?|ours?)?|m(?:ins?|inutes?)?)(?![a-z]))/i

/**
 * Stamps already read from the start of a text, by the text. The outline
 * reads the first line of each list item for a stamp (a timeline entry is
 * no title), then the timeline reads the same line as an entry; an editor
 * re-lints a document whose lines are all the same but one. A stamp and
 * what it holds are read-only, so every reader shares one. Bounded:
 * cleared when full, and a text longer than a line of prose is read afresh.
 */
const stamps = new Map<string, Stamp | null>()
const stampsLimit = 10_000
const longestRemembered = 500

/**
 * Read the stamp that leads `text` (from offset `from`, when the line's
 * words before it belong to another entry), or nothing when no time or date
 * leads it.
 */
export function readStamp(text: string, from = 0): Stamp | undefined {
  if (from !== 0 || text.length > longestRemembered) return readStampAfresh(text, from)
  const known = stamps.get(text)
  if (known !== undefined) return known ?? undefined
  const stamp = readStampAfresh(text, 0)
  if (stamps.size >= stampsLimit) stamps.clear()
  stamps.set(text, stamp ?? null)
  return stamp
}

function readStampAfresh(text: string, from: number): Stamp | undefined {
  let at = skipPrefix(text, from)
  // `T+5m`, `+00:05`: an offset from the start, with no date or zone.
  const offset = readRelativeTime(text, at)
  if (offset) return finish(text, undefined, offset, false, undefined, undefined, undefined, at, offset.end)
  let dayNumber: number | undefined
  const marker = readDayMarker(text, at)
  const start = at
  if (marker) {
    dayNumber = marker.day
    at = follow(afterMarker, text, marker.end)
  }
  const afterWeekday = skipWeekday(text, at)
  let date = readDate(text, afterWeekday)
  // `03-26 23:04`: a month and day without a year counts only before a time.
  const monthDay = date ? undefined : readMonthDay(text, afterWeekday)
  if (date) at = follow(afterDate, text, date.end)
  else if (monthDay) {
    const next = follow(afterDate, text, monthDay.end)
    if (readClockTime(text, next, {dot: true, anchored: true})) {
      date = monthDay
      at = next
    }
  }
  // `Mon 14:00`: a weekday before a time without a date.
  if (!date && afterWeekday > at && readClockTime(text, afterWeekday, {anchored: true})) at = afterWeekday
  const time = readClockTime(text, at, {dot: true, anchored: true}) ?? readNamedTime(text, at)
  if (!time) {
    unknownTime.lastIndex = at
    const first = text.charAt(at)
    const unknown = first === '?' || first === 'X' || first === 'x' ? unknownTime.exec(text) : null
    if (unknown) return finish(text, date, undefined, true, undefined, undefined, dayNumber, at, at + unknown[0].length)
    if (date) return finish(text, date, undefined, false, undefined, undefined, dayNumber, date.start, date.end)
    if (marker) return finish(text, undefined, undefined, false, undefined, undefined, dayNumber, start, marker.end)
    return undefined
  }
  let end = time.end
  let zone = readZone(text, end, {afterTime: true, seconds: time.second > 0 || /:\d{2}:\d{2}/.test(time.text)})
  if (zone) end = closing(text, time.end, zone)
  let endTime: ClockTime | undefined
  const join = follow(rangeJoin, text, end)
  if (join > end) {
    endTime = readClockTime(text, join)
    if (endTime) {
      end = endTime.end
      const endZone = readZone(text, end, {afterTime: true})
      if (endZone) {
        zone ??= endZone
        end = closing(text, endTime.end, endZone)
      }
    }
  }
  // `15.25` counts only when something says it is a time.
  if (time.text.includes('.') && !time.text.includes(':') && !zone && !time.meridiem) {
    if (!/^ {0,3}[-–—:|]/.test(text.slice(end))) return undefined
  }
  if (!date) {
    const late = readDate(text, follow(beforeLateDate, text, end))
    if (late) {
      date = late
      zone ??= readZone(text, late.end)
    }
  }
  return finish(text, date, time, false, endTime, zone, dayNumber, time.start, end)
}

/**
 * `Detection: June 4, 2024, 10:30 AM`, `**Resolved:** 11:45 UTC`, `Issue
 * detected (8:00 PM): ...`: a stamp after a short label (one to four words
 * and a colon, or the stamp in brackets), as templates with a line per
 * phase write their timeline. A label that sums the incident up (`Start:`,
 * `End:`, `Duration:`) gives no entry's time. Only a stamp with a time, or a date
 * alone, counts: `Note: 3 servers` is no stamp.
 */
export function readLabelledStamp(text: string): Stamp | undefined {
  labelLead.lastIndex = 0
  const label = labelLead.exec(text)
  const name = (label?.[1] ?? '').trim()
  if (!label || name.split(/\s+/).length > longestLabelWords || recapLabel.test(name)) return undefined
  const stamp = readStamp(text, label[0].length)
  return stamp && (stamp.time || stamp.date) && !stamp.unknown ? stamp : undefined
}

const labelLead = /^[\s>*+•·▪\-–—]{0,4}(\p{L}[\p{L}\p{M}'’ &/-]{0,39}?)(?:\s?:\s+|\s(?=\())/uy
const longestLabelWords = 4
/**
 * Labels that sum the incident up rather than tell an event (`Start:
 * 10:00`, `End: 11:30`, `Duration: 10:00-11:30`): a recap under the
 * entries, not entries.
 */
const recapLabel =
  /^(?:(?:incident|outage|impact|downtime)\s)?(?:start(?:ed|s)?|end(?:ed|s)?|begin|duration|window|total|period|time ?range|times?)(?:\s(?:time|date|at))?$/i

function finish(
  text: string,
  date: CalendarDate | undefined,
  time: ClockTime | undefined,
  unknown: boolean,
  endTime: ClockTime | undefined,
  zone: Zone | undefined,
  dayNumber: number | undefined,
  start: number,
  end: number
): Stamp | undefined {
  let rest = Math.max(end, date?.end ?? 0, zone?.end ?? 0)
  const next = text.charAt(rest)
  // `10:30abc` is not a stamp; `10:30 -`, `10:30:`, `[10:30]` are.
  if (next !== '' && !separators.test(next) && !pictograph.test(next)) return undefined
  while (rest < text.length && separators.test(text.charAt(rest))) rest++
  let nextDay = false
  if (time && !date) {
    const after = follow(nextDayNote, text, rest)
    if (after > rest) {
      nextDay = true
      rest = after
      while (rest < text.length && separators.test(text.charAt(rest))) rest++
    }
  }
  return {date, time, unknown, endTime, zone, dayNumber, nextDay, start, end, rest}
}

/** The end of a zone, with its closing bracket when it is in brackets (`10:15 AM (UTC)`). */
function closing(text: string, from: number, zone: Zone): number {
  const close = /[([]/.test(text.slice(from, zone.start)) ? /^ ?[)\]]/.exec(text.slice(zone.end)) : null
  return zone.end + (close?.[0].length ?? 0)
}

/** Skip list marks, emphasis, brackets, emoji, shortcodes and `At` before a stamp. */
function skipPrefix(text: string, from: number): number {
  let at = from
  let words = 0
  while (at < text.length && at <= from + longestPrefix) {
    const char = text.charAt(at)
    // `+00:05` is an offset from the start, not a list mark before a time.
    if (decoration.test(char) && !(char === '+' && plusOffset.test(text.slice(at, at + 8)))) {
      at++
      continue
    }
    const point = text.codePointAt(at) ?? 0
    // No ASCII character is a pictograph.
    if (point >= 128 && pictograph.test(String.fromCodePoint(point))) {
      at += point > 0xffff ? 2 : 1
      continue
    }
    // `:fire:` starts with a colon, `1.` with a digit.
    let skipped = char === ':' ? follow(shortcode, text, at) : at
    if (skipped === at && digitAt(text, at)) skipped = follow(numbering, text, at)
    if (skipped > at) {
      at = skipped
      continue
    }
    if (words < 2) {
      const next = follow(leadWords, text, at)
      if (next > at) {
        at = next
        words++
        continue
      }
    }
    break
  }
  return at
}

/** The offset after a sticky pattern matched at `at`, or `at`. */
function follow(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at
  return pattern.test(text) ? pattern.lastIndex : at
}
