/**
 * Times of day as writers put them in timelines: `14:00`, `14:00:05`,
 * `2:15 AM`, `2pm`, `2 p.m.`, `1400 hrs`, and the slips seen in real
 * postmortems (`13:20PM`, `3:AM`, `2: 43 A.M.`, `15.25`).
 */
import {digitAt, wordCharBefore} from './chars.js'

/** A wall-clock time, as written. */
export interface ClockTime {
  /** 0-23, after AM/PM is applied. */
  readonly hour: number
  readonly minute: number
  readonly second: number
  /**
   * An offset from the start of the incident (`T+5m`, `+00:05`), not a time
   * of day: `hour` may pass 23 and the entry has no date or zone.
   */
  readonly relative?: boolean
  /** For an offset: seconds from the start, negative before it. */
  readonly offsetSeconds?: number
  /** The AM/PM the writer gave, if any. */
  readonly meridiem: 'am' | 'pm' | undefined
  /** The text of the time (`2:15 AM`). */
  readonly text: string
  /** Offsets of the text in the string it was read from. */
  readonly start: number
  readonly end: number
}

export interface ClockOptions {
  /** Accept `15.25` (a dot between hours and minutes): only where a time leads an entry. */
  readonly dot?: boolean
  /** The caller knows a time may start here (after `2024-03-05T`): skip the check of the character before. */
  readonly anchored?: boolean
}

const colonTime = /(\d{1,2})(?:[:.] ?)(\d{2})(?::(\d{2}))?(?:\.\d{1,6})?/y
const colonMeridiem = /(\d{1,2}): ?([AaPp])\.? ?[Mm]\.?(?![A-Za-z])/y
const hourMeridiem = /(\d{1,2}) ?([AaPp])\.? ?[Mm]\.?(?![A-Za-z])/y
const militaryTime = /(\d{2})(\d{2})(?: ?(?:hrs|hours|hr|h)\.?(?![A-Za-z])| ?(?=Z(?![\p{L}\p{N}])))/iuy
const hourLetter = /(\d{1,2})h(\d{2})(?![\p{L}\p{N}])/uy
const namedTime = /(?:12 ?)?(noon|midnight)(?![\p{L}\p{N}])/iuy
const relativeTime =
  /T ?([+-]) ?(?:(\d{1,3}):(\d{2})(?::(\d{2}))?|(?:(\d{1,3}) ?h)?(?:(\d{1,4}) ?m(?:in(?:ute)?s?)?)?(?:(\d{1,5}) ?s)?|(\d{1,3})(?![\d:]))(?![\p{L}\p{N}])/iuy
const plusTime = /\+(\d{1,3}):(\d{2})(?::(\d{2}))?(?![\d:])/y
/** `+2 hrs`, `+30 min`, `+1h30m`: an offset with units and no `T`. */
const plusUnits = /\+ ?(?:(\d{1,3}) ?(?:h|hrs?|hours?)\.?)?(?: ?(\d{1,4}) ?(?:m|mins?|minutes?)\.?)?(?![\p{L}\p{N}])/iuy
const meridiemAfter = / ?([AaPp])\.? ?[Mm]\.?(?![A-Za-z])/y
const hoursAfter = / ?(?:hrs|hours|hr|h)\.?(?![A-Za-z])/iy

/**
 * Read a time of day that starts exactly at `at`, or nothing. The character
 * before must not be a letter or digit, and no digit may follow.
 */
export function readClockTime(text: string, at: number, options: ClockOptions = {}): ClockTime | undefined {
  if (!options.anchored && wordCharBefore(text, at)) return undefined
  if (!digitAt(text, at)) return undefined
  return (
    readColonTime(text, at, options) ??
    readMeridiemOnly(text, at) ??
    readHourMinute(militaryTime, text, at) ??
    readHourMinute(hourLetter, text, at)
  )
}

/** `Noon`, `Midnight`, `12 noon`: only where a time leads an entry. */
export function readNamedTime(text: string, at: number): ClockTime | undefined {
  if (wordCharBefore(text, at)) return undefined
  // `12 noon`, `noon`, `midnight`: an ASCII character other than these starts none.
  const code = text.charCodeAt(at)
  if (code < 128 && code !== 49 && (code | 0x20) !== 110 && (code | 0x20) !== 109) return undefined
  namedTime.lastIndex = at
  const match = namedTime.exec(text)
  if (!match) return undefined
  const hour = match[1]?.toLowerCase() === 'noon' ? 12 : 0
  return build(text, at, at + match[0].length, hour, 0, 0, undefined)
}

/**
 * An offset from the start of the incident that leads an entry: `T+5m`,
 * `T+1h30m`, `T+0`, `T-10m`, `T+00:05`, `+00:05`, `+2 hrs`, `+30 min`.
 */
export function readRelativeTime(text: string, at: number): ClockTime | undefined {
  if (wordCharBefore(text, at)) return undefined
  // Each form starts with `T` or `+`: an ASCII character other than these starts none.
  const code = text.charCodeAt(at)
  if (code < 128 && code !== 43 && (code | 0x20) !== 116) return undefined
  relativeTime.lastIndex = at
  const match = relativeTime.exec(text)
  if (match) {
    const [, sign, clockHours, clockMinutes, clockSeconds, hours, minutes, seconds, bare] = match
    let total: number
    if (clockHours !== undefined)
      total = Number(clockHours) * 3600 + Number(clockMinutes) * 60 + Number(clockSeconds ?? 0)
    else if (bare !== undefined) total = Number(bare) * 60
    else if (hours === undefined && minutes === undefined && seconds === undefined) return undefined
    else total = Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)
    return relative(text, at, at + match[0].length, sign === '-' ? -total : total)
  }
  plusUnits.lastIndex = at
  const units = plusUnits.exec(text)
  if (units && (units[1] !== undefined || units[2] !== undefined)) {
    const total = Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60
    return relative(text, at, at + units[0].trimEnd().length, total)
  }
  plusTime.lastIndex = at
  const plus = plusTime.exec(text)
  if (!plus || Number(plus[2]) > 59 || Number(plus[3] ?? 0) > 59) return undefined
  return relative(text, at, at + plus[0].length, Number(plus[1]) * 3600 + Number(plus[2]) * 60 + Number(plus[3] ?? 0))
}

function relative(text: string, start: number, end: number, total: number): ClockTime {
  const size = Math.abs(total)
  return {
    hour: Math.floor(size / 3600),
    minute: Math.floor(size / 60) % 60,
    second: size % 60,
    relative: true,
    meridiem: undefined,
    text: text.slice(start, end),
    start,
    end,
    offsetSeconds: total
  }
}

/** An hour and minutes read by `pattern` at `at` (`10h30`, `1030Z`), with no AM/PM. */
function readHourMinute(pattern: RegExp, text: string, at: number): ClockTime | undefined {
  pattern.lastIndex = at
  const match = pattern.exec(text)
  if (!match) return undefined
  const hour = Number(match[1])
  const minute = Number(match[2])
  if (hour > 24 || minute > 59) return undefined
  return build(text, at, at + match[0].length, hour, minute, 0, undefined)
}

function readColonTime(text: string, at: number, options: ClockOptions): ClockTime | undefined {
  colonTime.lastIndex = at
  const match = colonTime.exec(text)
  if (!match) return undefined
  const written = match[0]
  const dot = written.includes('.') && !written.includes(':')
  if (dot && (!options.dot || written.includes(' '))) return undefined
  let end = at + written.length
  // `12:345`, `1.14.3`, `10:30:4`: not a time.
  if (digitAt(text, end)) return undefined
  if (dot && /\.\d/.test(text.slice(end, end + 2))) return undefined
  const hour = Number(match[1])
  const minute = Number(match[2])
  const second = match[3] === undefined ? 0 : Number(match[3])
  if (minute > 59 || second > 59 || hour > 24) return undefined
  let meridiem: 'am' | 'pm' | undefined
  meridiemAfter.lastIndex = end
  const after = meridiemAfter.exec(text)
  if (after) {
    meridiem = after[1]?.toLowerCase() === 'a' ? 'am' : 'pm'
    end += after[0].length
  } else {
    hoursAfter.lastIndex = end
    const hours = hoursAfter.exec(text)
    if (hours) end += hours[0].length
  }
  return build(text, at, end, hour, minute, second, meridiem)
}

function readMeridiemOnly(text: string, at: number): ClockTime | undefined {
  colonMeridiem.lastIndex = at
  let match = colonMeridiem.exec(text)
  if (!match) {
    hourMeridiem.lastIndex = at
    match = hourMeridiem.exec(text)
    if (!match) return undefined
  }
  const hour = Number(match[1])
  if (hour < 1 || hour > 12) return undefined
  const meridiem = match[2]?.toLowerCase() === 'a' ? 'am' : 'pm'
  return build(text, at, at + match[0].length, hour, 0, 0, meridiem)
}

function build(
  text: string,
  start: number,
  end: number,
  hourWritten: number,
  minute: number,
  second: number,
  meridiem: 'am' | 'pm' | undefined
): ClockTime | undefined {
  let hour = hourWritten
  // `13:20PM` is a 24-hour time with a stray PM; `12 AM` is midnight.
  if (meridiem === 'pm' && hour < 12) hour += 12
  else if (meridiem === 'am' && hour === 12) hour = 0
  if (hour === 24) {
    if (minute > 0 || second > 0) return undefined
    hour = 0
  }
  const written = text.slice(start, end).trimEnd()
  return {hour, minute, second, meridiem, text: written, start, end: start + written.length}
}

/** Minutes since midnight. */
export function minutesOf(time: Pick<ClockTime, 'hour' | 'minute'>): number {
  return time.hour * 60 + time.minute
}

/** Seconds since midnight (for an offset: since the start). */
export function secondsOf(time: Pick<ClockTime, 'hour' | 'minute' | 'second' | 'offsetSeconds'>): number {
  if (time.offsetSeconds !== undefined) return time.offsetSeconds
  return time.hour * 3600 + time.minute * 60 + time.second
}

/**
 * Every time of day in a line of prose (`at 3:17 PM`, `from 14:00`): only
 * the unmistakable forms (with a colon or AM/PM), never `15.25` or `1400`.
 */
export function findClockTimes(text: string): ClockTime[] {
  const found: ClockTime[] = []
  digitRuns.lastIndex = 0
  for (let match = digitRuns.exec(text); match; match = digitRuns.exec(text)) {
    if (match.index > 0 && joinedBefore(text, match.index)) continue
    const time = readColonTime(text, match.index, {}) ?? readMeridiemOnly(text, match.index)
    if (!time) continue
    found.push(time)
    digitRuns.lastIndex = time.end
  }
  return found
}

const digitRuns = /\d+/g
const joinedCharacter = /[\p{L}\p{N}.:/-]/u

/** A letter, digit, `.`, `:`, `/` or `-` before `at`: the digits there are part of something else (`v1.10:30`). */
function joinedBefore(text: string, at: number): boolean {
  const code = text.charCodeAt(at - 1)
  if (code >= 128) return joinedCharacter.test(text.charAt(at - 1))
  // `-`, `.`, `/`, the digits and `:` are one run of codes.
  return (code >= 45 && code <= 58) || ((code | 0x20) >= 97 && (code | 0x20) <= 122)
}
