/**
 * Calendar dates as writers put them around timelines: `2024-03-05`,
 * `03/30/17`, `Mar 5, 2024`, `March 5th`, `29 april 2022`,
 * `Sunday, May 13th, 2023`, and day markers (`Day 2`).
 */
import {addDays, differenceInCalendarDays, format, isExists} from 'date-fns'

/** A calendar date named in the text. */
export interface CalendarDate {
  /** Unknown when the writer left it out (`March 5th`). */
  readonly year: number | undefined
  /** 1-12. */
  readonly month: number
  readonly day: number
  /** A numeric date that reads both ways (`03-10-2017`): the day-first reading. */
  readonly alternative: CalendarDate | undefined
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
const weekday = /(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,? {1,3}/iy
const dayMarker = /Day {0,2}(\d{1,2})(?![\d:])/iy

const monthNumbers: Readonly<Record<string, number>> = {
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
}

/** Read a date that starts exactly at `at`, or nothing. */
export function readDate(text: string, at: number): CalendarDate | undefined {
  if (at > 0 && /[\p{L}\p{N}]/u.test(text.charAt(at - 1))) return undefined
  for (const read of [readIso, readNumeric, readMonthFirst, readDayFirst]) {
    const date = read(text, at)
    if (date) return date
  }
  return undefined
}

/** Skip a weekday before a date (`Sunday, `): the offset after it. */
export function skipWeekday(text: string, at: number): number {
  weekday.lastIndex = at
  const match = weekday.exec(text)
  return match ? at + match[0].length : at
}

/** `Day 2` at `at`: the day's number. */
export function readDayMarker(text: string, at: number): {day: number; end: number} | undefined {
  dayMarker.lastIndex = at
  const match = dayMarker.exec(text)
  if (!match || Number(match[1]) < 1) return undefined
  return {day: Number(match[1]), end: at + match[0].length}
}

/** Every date in a line of text. */
export function findDates(text: string): CalendarDate[] {
  const found: CalendarDate[] = []
  const starts = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu
  for (let match = starts.exec(text); match; match = starts.exec(text)) {
    const date = readDate(text, match.index)
    if (!date) continue
    found.push(date)
    starts.lastIndex = date.end
  }
  return found
}

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
  const first = Number(match[1])
  const second = Number(match[3])
  const year = fullYear(match[4])
  if (year === undefined) return undefined
  // Month first unless that cannot be (`30-03-2017`); when both can be,
  // keep the day-first reading as an alternative.
  if (first > 12) return make(match[0], at, year, second, first)
  const monthFirstReading = make(match[0], at, year, first, second)
  if (!monthFirstReading || second > 12 || first === second) return monthFirstReading
  const dayFirstReading = make(match[0], at, year, second, first)
  return dayFirstReading ? {...monthFirstReading, alternative: dayFirstReading} : monthFirstReading
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
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return differenceInCalendarDays(toDay(b), toDay(a))
}

/** `2024-06-05`, or `06-05` when the year is unknown. */
export function isoDate(date: Pick<CalendarDate, 'year' | 'month' | 'day'>): string {
  return format(toDay(date), date.year === undefined ? 'MM-dd' : 'yyyy-MM-dd')
}

/** `5 June 2024`, or `5 June` when the year is unknown. */
export function longDate(date: Pick<CalendarDate, 'year' | 'month' | 'day'>): string {
  return format(toDay(date), date.year === undefined ? 'd MMMM' : 'd MMMM yyyy')
}
