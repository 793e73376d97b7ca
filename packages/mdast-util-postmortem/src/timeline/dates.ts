/**
 * Calendar dates as writers put them around timelines: `2024-03-05`,
 * `03/30/17`, `Mar 5, 2024`, `March 5th`, `29 april 2022`,
 * `Sunday, May 13th, 2023`, and day markers (`Day 2`).
 */
import {addDays, differenceInCalendarDays, format, isExists} from 'date-fns'
import {lookupTable} from '../normalize.js'
import {digitAt, lowerCodeAt, wordCharBefore, wordPointBefore} from './chars.js'

/** Which number of a numeric date is the month. */
export type NumericOrder = 'month-first' | 'day-first'

/** A calendar date named in the text. */
export interface CalendarDate {
  /** Unknown when the writer left it out (`March 5th`). */
  readonly year: number | undefined
  /** 1-12. */
  readonly month: number
  readonly day: number
  /** A numeric date that reads both ways (`03-10-2017`): the day-first reading. */
  readonly alternative: CalendarDate | undefined
  /** A numeric date (`03-26`, `26/03/2024`): which way it was read, `either` when it reads both ways. */
  readonly numeric?: NumericOrder | 'either'
  /** The text as written, and its offsets in the string it was read from. */
  readonly text: string
  readonly start: number
  readonly end: number
}

const months =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?'
const monthFirst = new RegExp(
  `(${months})\\.?,? {1,3}(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d)(?:,? {1,3}(\\d{4}|'?\\d{2}(?=,))(?!\\d|:\\d))?`,
  'iy'
)
const dayFirst = new RegExp(
  `(\\d{1,2})(?:st|nd|rd|th)? {1,3}(?:of {1,3})?(${months})\\.?(?![a-z])(?:,? {1,3}(\\d{4})(?!\\d|:\\d))?`,
  'iy'
)
const iso = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/y
const numeric = /(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d|:\d)/y
// `03-26 23:04`, `03/26 23:04`: a month and day without a year, only where a time follows.
const monthDay = /(\d{1,2})([-/])(\d{1,2})(?=,? {1,3}\d{1,2}[:.h]?\d{2}(?!\d)|T\d{2}:?\d{2})/y
const weekday = /(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,? {1,3}/iy
const dayMarker = /Day {0,2}(\d{1,2})(?![\d:])/iy

const monthNumbers: Readonly<Record<string, number | undefined>> = lookupTable({
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12
})

/** Read a date that starts exactly at `at`, or nothing. */
export function readDate(text: string, at: number): CalendarDate | undefined {
  if (wordCharBefore(text, at)) return undefined
  // A numeric date or `5 March` starts with a digit, `March 5` with a month's
  // name: only the readers that can match are tried, in the same order.
  if (digitAt(text, at)) {
    let digits = 1
    while (digits < 5 && digitAt(text, at + digits)) digits++
    const next = text.charAt(at + digits)
    const separated = next === '-' || next === '/' || next === '.'
    // `2024-03-05`: four digits and a separator.
    if (digits === 4) return separated ? readIso(text, at) : undefined
    if (digits > 2) return undefined
    // `03/05/2024`; else `5 March`, `5th of March`.
    if (separated) return readNumeric(text, at)
    return next === ' ' || ordinalInitials.has(lowerCodeAt(text, at + digits)) ? readDayFirst(text, at) : undefined
  }
  return monthInitials.has(lowerCodeAt(text, at)) ? readMonthFirst(text, at) : undefined
}

/** The first letters of `st`, `nd`, `rd`, `th`, lowercase. */
const ordinalInitials: ReadonlySet<number> = new Set([...'snrt'].map((letter) => letter.charCodeAt(0)))

/** The first letters of the months' names (`j` for `Jan`, `June`, `July`), lowercase. */
const monthInitials: ReadonlySet<number> = new Set([...'jfmasond'].map((letter) => letter.charCodeAt(0)))

/**
 * A month and day without a year that leads a timeline stamp (`03-26 23:04`,
 * `03/26 10:30`): month first unless that cannot be (`26/03`), with the
 * day-first reading kept when both can be.
 */
export function readMonthDay(text: string, at: number): CalendarDate | undefined {
  if (wordCharBefore(text, at) || !digitAt(text, at)) return undefined
  monthDay.lastIndex = at
  const match = monthDay.exec(text)
  if (!match) return undefined
  return readBothWays(match[0], at, undefined, Number(match[1]), Number(match[3]))
}

/** Skip a weekday before a date (`Sunday, `): the offset after it. */
export function skipWeekday(text: string, at: number): number {
  if (!weekdayInitials.has(lowerCodeAt(text, at))) return at
  weekday.lastIndex = at
  return weekday.test(text) ? weekday.lastIndex : at
}

/** The first letters of the weekdays' names, lowercase. */
const weekdayInitials: ReadonlySet<number> = new Set([...'mtwfs'].map((letter) => letter.charCodeAt(0)))

/** `Day 2` at `at`: the day's number. */
export function readDayMarker(text: string, at: number): {day: number; end: number} | undefined {
  if (lowerCodeAt(text, at) !== 100) return undefined
  dayMarker.lastIndex = at
  const match = dayMarker.exec(text)
  if (!match || Number(match[1]) < 1) return undefined
  return {day: Number(match[1]), end: at + match[0].length}
}

/**
 * Where a date may start: a run of digits or a month's name. The pattern
 * leaves the character before to `wordPointBefore` (a lookbehind in the
 * pattern costs more at every offset than the test costs at each
 * candidate); inside a run of digits, a digit is before.
 */
const dateStarts = /\d+|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/gi

/**
 * Every date has a digit, and the longest text before its first one is a
 * month's name, a dot, a comma and three spaces (`September., 5`).
 */
const longestBeforeDigit = 'September'.length + 5

/** Every date in a line of text. */
export function findDates(text: string): CalendarDate[] {
  const found: CalendarDate[] = []
  const digit = text.search(anyDigit)
  if (digit === -1) return found
  // A date starts with a digit or a month's name, with no letter or digit
  // before it: only there is one tried.
  dateStarts.lastIndex = Math.max(0, digit - longestBeforeDigit)
  for (let match = dateStarts.exec(text); match; match = dateStarts.exec(text)) {
    if (wordPointBefore(text, match.index)) continue
    const date = readDate(text, match.index)
    if (!date) continue
    found.push(date)
    dateStarts.lastIndex = date.end
  }
  return found
}

const anyDigit = /\d/

function readIso(text: string, at: number): CalendarDate | undefined {
  iso.lastIndex = at
  const match = iso.exec(text)
  if (!match) return undefined
  return make(match[0], at, fullYear(match[1]), Number(match[3]), Number(match[4]))
}

function readNumeric(text: string, at: number): CalendarDate | undefined {
  numeric.lastIndex = at
  const match = numeric.exec(text)
  if (!match) return undefined
  const year = fullYear(match[4])
  if (year === undefined) return undefined
  const first = Number(match[1])
  const second = Number(match[3])
  // `5.3.2024`: dates written with dots put the day first (German, Russian,
  // Scandinavian writing), unless the second number cannot be a month.
  if (match[2] === '.' && second <= 12) return numericDate(make(match[0], at, year, second, first, true), 'day-first')
  return readBothWays(match[0], at, year, first, second)
}

/**
 * Month first unless that cannot be (`30-03-2017`); when both can be, keep
 * the day-first reading as an alternative.
 */
function readBothWays(
  written: string,
  at: number,
  year: number | undefined,
  first: number,
  second: number
): CalendarDate | undefined {
  if (first > 12) return numericDate(make(written, at, year, second, first, true), 'day-first')
  const monthFirstReading = make(written, at, year, first, second, true)
  if (!monthFirstReading || first === second) return monthFirstReading && {...monthFirstReading, numeric: 'either'}
  if (second > 12) return numericDate(monthFirstReading, 'month-first')
  const dayFirstReading = make(written, at, year, second, first, true)
  if (!dayFirstReading) return numericDate(monthFirstReading, 'month-first')
  return {...monthFirstReading, alternative: numericDate(dayFirstReading, 'day-first'), numeric: 'either'}
}

function numericDate(date: CalendarDate | undefined, numeric: NumericOrder): CalendarDate | undefined {
  return date ? {...date, numeric} : undefined
}

/**
 * The reading of a date that reads both ways in the order the rest of the
 * timeline settles (`12-05` among `03-26` entries is 5 December).
 */
export function settleOrder(date: CalendarDate, order: NumericOrder | undefined): CalendarDate {
  if (date.numeric !== 'either' || !date.alternative || order === undefined) return date
  const chosen = order === 'month-first' ? date : date.alternative
  return {...chosen, alternative: undefined, numeric: order}
}

/** The order of the numeric dates that read one way only, when they agree. */
export function numericOrderOf(dates: ReadonlyArray<CalendarDate | undefined>): NumericOrder | undefined {
  const orders = new Set(
    dates.flatMap((date) => (date?.numeric === 'month-first' || date?.numeric === 'day-first' ? [date.numeric] : []))
  )
  return orders.size === 1 ? [...orders][0] : undefined
}

function readMonthFirst(text: string, at: number): CalendarDate | undefined {
  monthFirst.lastIndex = at
  const match = monthFirst.exec(text)
  if (!match || match[1] === 'may') return undefined
  return make(match[0], at, fullYear(match[3]), monthNumber(match[1]), Number(match[2]), true)
}

function readDayFirst(text: string, at: number): CalendarDate | undefined {
  dayFirst.lastIndex = at
  const match = dayFirst.exec(text)
  if (!match || match[2] === 'may') return undefined
  return make(match[0], at, fullYear(match[3]), monthNumber(match[2]), Number(match[1]), true)
}

function monthNumber(name: string | undefined): number {
  return monthNumbers[(name ?? '').slice(0, 3).toLowerCase()] ?? 0
}

function fullYear(written: string | undefined): number | undefined {
  if (written === undefined) return undefined
  const digits = written.replace("'", '')
  const year = digits.length === 2 ? 2000 + Number(digits) : Number(digits)
  return year >= 1970 && year <= 2099 ? year : undefined
}

function make(
  written: string,
  at: number,
  year: number | undefined,
  month: number,
  day: number,
  yearOptional = false
): CalendarDate | undefined {
  if (year === undefined && !yearOptional) return undefined
  // A date without a year is checked in a leap year, so `February 29` passes.
  if (!isExists(year ?? 2024, month - 1, day)) return undefined
  return {year, month, day, alternative: undefined, text: written, start: at, end: at + written.length}
}

/** The date with the year filled in when the writer left it out. */
export function withYear(date: CalendarDate, year: number | undefined): CalendarDate {
  if (date.year !== undefined || year === undefined || !isExists(year, date.month - 1, date.day)) return date
  return {...date, year, alternative: date.alternative ? withYear(date.alternative, year) : undefined}
}

/**
 * The date with the year that puts it nearest `reference` when the writer
 * left the year out: `Dec 5` before a March 2019 incident is in 2018,
 * `Jan 2` after `Dec 30, 2024` in 2025.
 */
export function nearestYear(date: CalendarDate, reference: CalendarDate | undefined): CalendarDate {
  if (date.year !== undefined || reference?.year === undefined) return date
  let best: CalendarDate = date
  let distance = Number.POSITIVE_INFINITY
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    const candidate = withYear(date, year)
    if (candidate.year === undefined) continue
    const days = Math.abs(daysBetween(reference, candidate))
    // Ties (half a year away) go to the reference's own year.
    if (days < distance || (days === distance && year === reference.year)) {
      best = candidate
      distance = days
    }
  }
  return best
}

/**
 * Whole days from `a` to `b` when neither has a year: the shorter way round
 * the year (`12-31` to `01-01` is one day).
 */
export function daysAround(a: CalendarDate, b: CalendarDate): number {
  const from = withYear(a, 2024)
  const [days = 0] = [2023, 2024, 2025]
    .map((year) => withYear(b, year))
    .filter((date) => date.year !== undefined)
    .map((date) => daysBetween(from, date))
    .sort((x, y) => Math.abs(x) - Math.abs(y))
  return days
}

/** The local calendar day of a date, for date-fns arithmetic (2024 when the year is unknown). */
export function toDay(date: Pick<CalendarDate, 'year' | 'month' | 'day'>): Date {
  return new Date(date.year ?? 2024, date.month - 1, date.day)
}

/** The day after (or `days` after) a date. */
export function nextDay(date: CalendarDate, days = 1): CalendarDate {
  const next = addDays(toDay(date), days)
  return {
    ...date,
    year: date.year === undefined ? undefined : next.getFullYear(),
    month: next.getMonth() + 1,
    day: next.getDate(),
    alternative: undefined
  }
}

/** Whole days from `a` to `b`. */
export function daysBetween(
  a: Pick<CalendarDate, 'year' | 'month' | 'day'>,
  b: Pick<CalendarDate, 'year' | 'month' | 'day'>
): number {
  return dayIndex(b) - dayIndex(a)
}

const origin = new Date(2000, 0, 1)

/**
 * Calendar days from 1 January 2000 to a date, by date-fns (whole days, so
 * two of them subtract to the days between), kept by date: a timeline has
 * few dates and many entries.
 */
function dayIndex(date: Pick<CalendarDate, 'year' | 'month' | 'day'>): number {
  const year = date.year ?? 2024
  const key = year * 10_000 + date.month * 100 + date.day
  let index = dayIndexes.get(key)
  if (index === undefined) {
    index = differenceInCalendarDays(toDay(date), origin)
    if (dayIndexes.size >= dayIndexLimit) dayIndexes.clear()
    dayIndexes.set(key, index)
  }
  return index
}

const dayIndexes = new Map<number, number>()
const dayIndexLimit = 10_000

/** `2024-06-05`, or `06-05` when the year is unknown. */
export function isoDate(date: Pick<CalendarDate, 'year' | 'month' | 'day'>): string {
  return format(toDay(date), date.year === undefined ? 'MM-dd' : 'yyyy-MM-dd')
}

/** `5 June 2024`, or `5 June` when the year is unknown. */
export function longDate(date: Pick<CalendarDate, 'year' | 'month' | 'day'>): string {
  return format(toDay(date), date.year === undefined ? 'd MMMM' : 'd MMMM yyyy')
}
