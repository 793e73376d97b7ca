/**
 * Timezones as writers name them: `UTC`, `GMT`, `Z`, abbreviations (`PST`,
 * `CEST`, `WAT`), offsets (`+01:00`, `UTC+1`, `GMT-5`), IANA names
 * (`Europe/Paris`), long names (`Pacific Time`, `Greenwich Mean Time`) and a
 * city's time (`Kigali time`).
 */
import {TZDate, tzOffset} from '@date-fns/tz'
import {isSpaceAt} from '../normalize.js'
import {wordCharBefore, wordPointBefore} from './chars.js'

/** A timezone named in the text. */
export interface Zone {
  /** As written: `PST`, `UTC+1`, `Kigali time`. */
  readonly text: string
  /** Offsets of the text in the string it was read from. */
  readonly start: number
  readonly end: number
  /** The zone for calendar arithmetic: an IANA name or an offset (`+01:00`). */
  readonly timeZone: string
  /**
   * The UTC offset in minutes the name stands for when it names standard or
   * daylight time (`PST`: -480, `PDT`: -420); undefined for `Pacific Time`,
   * `Europe/Paris` or an offset.
   */
  readonly offset: number | undefined
  /** For an abbreviation used for more than one zone, the zones it may mean. */
  readonly readings: readonly ZoneReading[] | undefined
}

/** One zone an ambiguous abbreviation may mean: `India`, `Asia/Kolkata`. */
export interface ZoneReading {
  readonly place: string
  readonly timeZone: string
}

interface KnownZone {
  readonly timeZone: string
  readonly offset?: number
  /** The standard form is also used all year somewhere (`MST` in Arizona). */
  readonly yearRound?: boolean
  readonly readings?: readonly ZoneReading[]
}

const usCentral: ZoneReading = {place: 'US Central', timeZone: 'America/Chicago'}
const cuba: ZoneReading = {place: 'Cuba', timeZone: 'America/Havana'}

const utc: KnownZone = {timeZone: 'UTC', offset: 0}

/** Abbreviations, with the zone whose rules they follow. */
const abbreviations: ReadonlyMap<string, KnownZone> = new Map<string, KnownZone>([
  ['UTC', utc],
  ['GMT', utc],
  ['UT', utc],
  ['PST', {timeZone: 'America/Los_Angeles', offset: -480}],
  ['PDT', {timeZone: 'America/Los_Angeles', offset: -420}],
  ['PT', {timeZone: 'America/Los_Angeles'}],
  ['MST', {timeZone: 'America/Denver', offset: -420, yearRound: true}],
  ['MDT', {timeZone: 'America/Denver', offset: -360}],
  ['MT', {timeZone: 'America/Denver'}],
  [
    'CST',
    {
      timeZone: 'America/Chicago',
      offset: -360,
      readings: [usCentral, {place: 'China', timeZone: 'Asia/Shanghai'}, cuba]
    }
  ],
  ['CDT', {timeZone: 'America/Chicago', offset: -300, readings: [usCentral, cuba]}],
  ['CT', {timeZone: 'America/Chicago'}],
  ['EST', {timeZone: 'America/New_York', offset: -300}],
  ['EDT', {timeZone: 'America/New_York', offset: -240}],
  ['ET', {timeZone: 'America/New_York'}],
  ['AKST', {timeZone: 'America/Anchorage', offset: -540}],
  ['AKDT', {timeZone: 'America/Anchorage', offset: -480}],
  ['HST', {timeZone: 'Pacific/Honolulu', offset: -600}],
  [
    'AST',
    {
      timeZone: 'America/Halifax',
      offset: -240,
      readings: [
        {place: 'Atlantic', timeZone: 'America/Halifax'},
        {place: 'Arabia', timeZone: 'Asia/Riyadh'}
      ]
    }
  ],
  ['ADT', {timeZone: 'America/Halifax', offset: -180}],
  ['NST', {timeZone: 'America/St_Johns', offset: -210}],
  ['NDT', {timeZone: 'America/St_Johns', offset: -150}],
  ['BRT', {timeZone: 'America/Sao_Paulo', offset: -180}],
  ['ART', {timeZone: 'America/Argentina/Buenos_Aires', offset: -180}],
  ['BST', {timeZone: 'Europe/London', offset: 60}],
  ['WET', {timeZone: 'Europe/Lisbon', offset: 0}],
  ['WEST', {timeZone: 'Europe/Lisbon', offset: 60}],
  ['CET', {timeZone: 'Europe/Paris', offset: 60}],
  ['CEST', {timeZone: 'Europe/Paris', offset: 120}],
  ['MET', {timeZone: 'Europe/Paris', offset: 60}],
  ['MEST', {timeZone: 'Europe/Paris', offset: 120}],
  ['EET', {timeZone: 'Europe/Athens', offset: 120}],
  ['EEST', {timeZone: 'Europe/Athens', offset: 180}],
  ['MSK', {timeZone: 'Europe/Moscow', offset: 180}],
  ['WAT', {timeZone: 'Africa/Lagos', offset: 60}],
  ['CAT', {timeZone: 'Africa/Maputo', offset: 120}],
  ['EAT', {timeZone: 'Africa/Nairobi', offset: 180}],
  ['SAST', {timeZone: 'Africa/Johannesburg', offset: 120}],
  ['GST', {timeZone: 'Asia/Dubai', offset: 240}],
  ['PKT', {timeZone: 'Asia/Karachi', offset: 300}],
  [
    'IST',
    {
      timeZone: 'Asia/Kolkata',
      offset: 330,
      readings: [
        {place: 'India', timeZone: 'Asia/Kolkata'},
        {place: 'Israel', timeZone: 'Asia/Jerusalem'},
        {place: 'Ireland', timeZone: 'Europe/Dublin'}
      ]
    }
  ],
  ['NPT', {timeZone: 'Asia/Kathmandu', offset: 345}],
  ['ICT', {timeZone: 'Asia/Bangkok', offset: 420}],
  ['WIB', {timeZone: 'Asia/Jakarta', offset: 420}],
  ['SGT', {timeZone: 'Asia/Singapore', offset: 480}],
  ['HKT', {timeZone: 'Asia/Hong_Kong', offset: 480}],
  ['PHT', {timeZone: 'Asia/Manila', offset: 480}],
  ['JST', {timeZone: 'Asia/Tokyo', offset: 540}],
  ['KST', {timeZone: 'Asia/Seoul', offset: 540}],
  ['AWST', {timeZone: 'Australia/Perth', offset: 480}],
  ['ACST', {timeZone: 'Australia/Adelaide', offset: 570}],
  ['ACDT', {timeZone: 'Australia/Adelaide', offset: 630}],
  ['AEST', {timeZone: 'Australia/Sydney', offset: 600, yearRound: true}],
  ['AEDT', {timeZone: 'Australia/Sydney', offset: 660}],
  ['NZST', {timeZone: 'Pacific/Auckland', offset: 720}],
  ['NZDT', {timeZone: 'Pacific/Auckland', offset: 780}]
])

/** London's winter time, proposed instead of `BST` in January (`GMT` itself reads as UTC). */
const londonWinter: readonly [string, KnownZone] = ['GMT', {timeZone: 'Europe/London', offset: 0}]

/** Long names, lowercase, without the final `time`. */
const names: ReadonlyMap<string, string> = new Map([
  ['pacific', 'PT'],
  ['pacific standard', 'PST'],
  ['pacific daylight', 'PDT'],
  ['mountain', 'MT'],
  ['mountain standard', 'MST'],
  ['mountain daylight', 'MDT'],
  ['central', 'CT'],
  ['central standard', 'CST'],
  ['central daylight', 'CDT'],
  ['eastern', 'ET'],
  ['eastern standard', 'EST'],
  ['eastern daylight', 'EDT'],
  ['alaska', 'AKST'],
  ['hawaii', 'HST'],
  ['greenwich mean', 'GMT'],
  ['greenwich', 'GMT'],
  ['coordinated universal', 'UTC'],
  ['universal', 'UTC'],
  ['zulu', 'UTC'],
  ['british summer', 'BST'],
  ['western european', 'WET'],
  ['western european summer', 'WEST'],
  ['central european', 'CET'],
  ['central european standard', 'CET'],
  ['central european summer', 'CEST'],
  ['eastern european', 'EET'],
  ['eastern european summer', 'EEST'],
  ['moscow standard', 'MSK'],
  ['west africa', 'WAT'],
  ['west african', 'WAT'],
  ['central africa', 'CAT'],
  ['central african', 'CAT'],
  ['east africa', 'EAT'],
  ['east african', 'EAT'],
  ['south africa standard', 'SAST'],
  ['south african standard', 'SAST'],
  ['india standard', 'IST'],
  ['indian standard', 'IST'],
  ['japan standard', 'JST'],
  ['korea standard', 'KST'],
  ['singapore', 'SGT'],
  ['australian eastern standard', 'AEST'],
  ['australian eastern daylight', 'AEDT']
])

/** The long name to propose for each abbreviation named by a long name. */
const longNames: ReadonlyMap<string, string> = new Map(
  [...names]
    .filter(([name]) => name.split(' ').length > 1 || name === 'greenwich mean')
    .map(([name, abbr]) => [abbr, `${name.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase())} Time`])
)

/** IANA names this runtime knows, and their cities (`kigali` → `Africa/Kigali`). */
const ianaNames: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'))
const cities: ReadonlyMap<string, string> = new Map(
  [...ianaNames]
    .filter((name) => !name.startsWith('Antarctica/'))
    .map((name) => [(name.split('/').at(-1) ?? name).replaceAll('_', ' ').toLowerCase(), name])
)

/** The time zone of an offset (`+02:00`), as `offsetZone` names it. */
const offsetName = /^[+-]\d{2}:\d{2}$/

const legacyZones = new Map<string, string | undefined>()

/** The zone an older name of the zone database stands for, when Intl knows it. */
function legacyZone(name: string): string | undefined {
  if (legacyZones.has(name)) return legacyZones.get(name)
  let zone: string | undefined
  try {
    zone = new Intl.DateTimeFormat('en-US', {timeZone: name}).resolvedOptions().timeZone
  } catch {
    zone = undefined
  }
  legacyZones.set(name, zone)
  return zone
}

/**
 * Whether `offset` (`UTC-7`, `+02:00`) only restates `named` (`PT`, `CEST`):
 * it is one of the offsets `named` has in winter or summer.
 */
export function restatesZone(named: Zone, offset: Zone, year = 2024): boolean {
  if (!offsetName.test(offset.timeZone) || offsetName.test(named.timeZone)) return false
  if (offset.offset === undefined) return false
  const key = `${named.timeZone} ${offset.offset} ${year}`
  let restates = restated.get(key)
  if (restates === undefined) {
    const minutes = offset.offset
    restates = [0, 6].some(
      (month) => tzOffset(named.timeZone, new TZDate(year, month, 15, 12, 0, 0, 'UTC')) === minutes
    )
    if (restated.size >= restatedLimit) restated.clear()
    restated.set(key, restates)
  }
  return restates
}

/** Whether an offset restates a zone, by zone, offset and year: a document names few. */
const restated = new Map<string, boolean>()
const restatedLimit = 1000

const prefixedOffset = /(?:UTC|GMT|UT) ?([+\-−–])(\d{1,2})(?::?(\d{2}))?(?!:?\d)/y
const bareOffset = /([+\-−])(\d{2}):?(\d{2})(?!\d)/y
// `utc` and `gmt` in lower case too: no word of prose is spelt so.
const utcWord = /(?:UTC|GMT|UT|utc|gmt)(?![\p{L}\p{N}])/uy
const zulu = /Z(?![\p{L}\p{N}])/uy
const longName = /([A-Za-z]+(?: [A-Za-z]+){0,3}) [Tt]ime(?![A-Za-z])/y
const iana = /[A-Z][A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?/y
const abbreviation = /[A-Z]{2,5}(?![\p{L}\p{N}])/uy

export interface ZoneReadOptions {
  /** The zone directly follows a time: `10:30Z`, `10:30+01:00` and `10:30 +01:00` count. */
  readonly afterTime?: boolean
  /** The time has seconds, as ISO 8601 times do: `10:30:00-05:00` is an offset, `10:30-11:00` a range. */
  readonly seconds?: boolean
}

/**
 * Read a timezone that starts at `at` (after up to two spaces, maybe in
 * parentheses or brackets), or nothing.
 */
export function readZone(text: string, at: number, options: ZoneReadOptions = {}): Zone | undefined {
  const zone = readZoneAt(text, at, options)
  if (zone || !options.afterTime) return zone
  // `11:00 AM, UTC)`: a zone after a comma, when nothing but punctuation follows it.
  comma.lastIndex = at
  if (!comma.test(text)) return undefined
  const late = readZoneAt(text, comma.lastIndex, {})
  return late && endOfStatement.test(text.slice(late.end, late.end + 3)) ? late : undefined
}

const comma = /, ?/y
const endOfStatement = /^(?:$|[)\].,;:]| [-–—(])/

function readZoneAt(text: string, at: number, options: ZoneReadOptions): Zone | undefined {
  // Up to two spaces, then maybe `(` or `[` and a space (` {0,2}([([]) ?`).
  let start = at
  while (start < at + 2 && text.charCodeAt(start) === 32) start++
  const bracket = text.charAt(start)
  const open = bracket === '(' || bracket === '['
  if (open) start += text.charCodeAt(start + 1) === 32 ? 2 : 1
  const touching = options.afterTime === true && start === at
  if (!touching && wordCharBefore(text, start)) return undefined
  // `10:30Z` and `10:30 Z`: a lone `Z` counts right after a time.
  const zuluAllowed = options.afterTime === true && start - at <= 1 && !open
  const zone = readZoneText(text, start, zuluAllowed) ?? bareOffsetAt(text, at, start, options)
  if (!zone) return undefined
  if (open) {
    const close = bracket === '(' ? ')' : ']'
    // `(UTC)`, `(Kigali time)`, `[UTC]`: the bracket must close on the zone.
    let after = zone.end
    while (after < text.length && isSpaceAt(text, after)) after++
    if (text.charAt(after) !== close) return undefined
  }
  return zone
}

/** The first zone inside `text` whose reading is certain enough (see `findZones`). */
function readZoneText(text: string, at: number, touching: boolean): Zone | undefined {
  // Every name and prefixed offset starts with an ASCII letter.
  const code = text.charCodeAt(at) | 0x20
  if (code < 97 || code > 122) return undefined
  prefixedOffset.lastIndex = at
  const prefixed = prefixedOffset.exec(text)
  if (prefixed) return offsetZone(at, prefixed[0], prefixed[1], prefixed[2], prefixed[3])
  utcWord.lastIndex = at
  const word = utcWord.exec(text)
  if (word) return known(at, word[0], 'UTC')
  if (touching) {
    zulu.lastIndex = at
    if (zulu.exec(text)) return known(at, 'Z', 'UTC')
  }
  longName.lastIndex = at
  const long = longName.exec(text)
  if (long) {
    const phrase = (long[1] ?? '').toLowerCase()
    const abbr = names.get(phrase)
    if (abbr) return known(at, long[0], abbr)
    const city = cities.get(phrase)
    if (city) return zoneOf(at, long[0], {timeZone: city})
  }
  iana.lastIndex = at
  const named = iana.exec(text)
  if (named && ianaNames.has(named[0])) return zoneOf(at, named[0], {timeZone: named[0]})
  // `US/Pacific`, `Asia/Calcutta`: older names of the zone database that Intl still knows.
  const alias = named ? legacyZone(named[0]) : undefined
  if (named && alias) return zoneOf(at, named[0], {timeZone: alias})
  abbreviation.lastIndex = at
  const abbr = abbreviation.exec(text)
  if (abbr && abbreviations.has(abbr[0])) return pairAt(text, at, abbr[0]) ?? known(at, abbr[0], abbr[0])
  return undefined
}

/**
 * `PST/PDT`, `CET/CEST`: the standard and daylight names of one zone,
 * whichever the date needs, so never wrong for a date (like `PT`).
 */
function pairAt(text: string, at: number, first: string): Zone | undefined {
  const zone = abbreviations.get(first)
  pairSecond.lastIndex = at + first.length
  const second = pairSecond.exec(text)?.[1]
  const other = second === undefined ? undefined : abbreviations.get(second)
  if (!zone || !other || second === first || other.timeZone !== zone.timeZone || zone.readings) return undefined
  return zoneOf(at, text.slice(at, pairSecond.lastIndex), {timeZone: zone.timeZone})
}

const pairSecond = / ?\/ ?([A-Z]{2,5})(?![\p{L}\p{N}])/uy

/**
 * `+01:00` after a time: touching it or after one space; a minus only
 * touching a time with seconds, since `10:30-11:00` is a range.
 */
function bareOffsetAt(text: string, at: number, start: number, options: ZoneReadOptions): Zone | undefined {
  if (!options.afterTime || start - at > 1) return undefined
  bareOffset.lastIndex = start
  const bare = bareOffset.exec(text)
  if (!bare) return undefined
  if (bare[1] !== '+' && !(start === at && options.seconds)) return undefined
  return offsetZone(start, bare[0], bare[1], bare[2], bare[3])
}

function known(at: number, written: string, abbr: string): Zone | undefined {
  const zone = abbreviations.get(abbr)
  return zone ? zoneOf(at, written, zone) : undefined
}

function zoneOf(at: number, written: string, zone: KnownZone): Zone {
  return {
    text: written,
    start: at,
    end: at + written.length,
    timeZone: zone.timeZone,
    offset: zone.offset,
    readings: zone.readings
  }
}

function offsetZone(
  at: number,
  written: string,
  sign: string | undefined,
  hours: string | undefined,
  minutes: string | undefined
): Zone | undefined {
  const hour = Number(hours)
  const minute = minutes === undefined ? 0 : Number(minutes)
  if (hour > 14 || minute > 59) return undefined
  const negative = sign !== '+'
  const total = (negative ? -1 : 1) * (hour * 60 + minute)
  if (total === 0) return zoneOf(at, written, utc)
  const timeZone = `${negative ? '-' : '+'}${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
  return zoneOf(at, written, {timeZone, offset: total})
}

/**
 * Every timezone named in `text`. With `anywhere`, any zone name counts (a
 * heading such as `Timeline (UTC)`, a line such as `All times in PST`);
 * otherwise only a zone in parentheses or after `time(s) in`, as a summary
 * names one (the zone after a time is read with the time).
 */
export function findZones(text: string, anywhere: boolean): Zone[] {
  const found: Zone[] = []
  // A lead (`All times`, `Timezone:`, `TZ:`) has `time` or `tz` in it: without one, only brackets can state a zone.
  const leads = anywhere || /tim|tz/i.test(text)
  if (!leads) {
    for (let at = text.indexOf('('); at !== -1; ) {
      const zone = wordPointBefore(text, at) ? undefined : readZone(text, at)
      if (zone) found.push(zone)
      at = text.indexOf('(', zone ? zone.end : at + 1)
    }
    return found
  }
  // Where `tim` and `tz` are: a lead has one of them in the 40 characters before its zone.
  const hints = anywhere ? [] : leadHints(text)
  let hint = 0
  // A zone starts a word (an ASCII letter: every name does) or is in brackets.
  zoneStarts.lastIndex = 0
  for (let match = zoneStarts.exec(text); match; match = zoneStarts.exec(text)) {
    const at = match.index
    if (wordPointBefore(text, at)) continue
    if (!anywhere && match[0] !== '(') {
      const from = Math.max(0, at - 40)
      while (hint < hints.length && (hints[hint] as number) < from) hint++
      // After a lead, which ends in a space.
      const near = hint < hints.length && (hints[hint] as number) < at
      if (!(near && text.charCodeAt(at - 1) === 32 && ledZone(text.slice(from, at)))) continue
    }
    const zone = readZone(text, at)
    if (!zone) continue
    found.push(zone)
    zoneStarts.lastIndex = zone.end
  }
  return found
}

/** The offsets of `tim` and `tz` (any case) in a text. */
function leadHints(text: string): number[] {
  const found: number[] = []
  leadHint.lastIndex = 0
  for (let match = leadHint.exec(text); match; match = leadHint.exec(text)) found.push(match.index)
  return found
}

const leadHint = /tim|tz/gi

/**
 * Where a zone may start: an ASCII letter or a bracket with no ASCII letter
 * or digit before it (`wordPointBefore` tells of any other letter).
 */
const zoneStarts = /(?<![A-Za-z0-9])[A-Za-z(]/g

/**
 * `All times in `, `All times `, `times are in `, `times are given in `,
 * `Timezone: `, `TZ: ` before a zone in prose.
 */
const zoneLead =
  /\b(?:(?:all )?(?:times?|timestamps?)(?: (?:below|above|here|used|in this (?:document|report|timeline)))?(?: (?:are|is))?(?: (?:given|shown|listed|written|expressed|reported|stated))?(?: in)?:?|time ?zones?(?: is| used)?:?|tz:?) $/i
/** `times ` alone says nothing: `at times UTC` is no statement. */
const bareLead = /\b(?:times?|timestamps?) $/i

/** A lead before a zone in prose, more than `times ` alone (unless `All times `). */
function ledZone(before: string): boolean {
  return zoneLead.test(before) && (!bareLead.test(before) || /\ball (?:times?|timestamps?) $/i.test(before))
}

/** Offsets of two zones agree in winter and summer: `GMT` and `UTC`, `EAT` and `Africa/Nairobi`. */
export function sameZone(a: Zone, b: Zone, year = 2024): boolean {
  if (a.timeZone === b.timeZone) return true
  const key = `${a.timeZone} ${b.timeZone} ${year}`
  let same = sameCache.get(key)
  if (same === undefined) {
    same = [0, 6].every((month) => {
      const at = new TZDate(year, month, 15, 12, 0, 0, 'UTC')
      return tzOffset(a.timeZone, at) === tzOffset(b.timeZone, at)
    })
    sameCache.set(key, same)
  }
  return same
}

const sameCache = new Map<string, boolean>()

/** A calendar date and a wall time, for the check of an abbreviation. */
export interface WallTime {
  readonly year: number
  /** 1-12. */
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
}

/**
 * The abbreviation the zone should have at that wall time when the written
 * one is wrong for it (`PST` on 5 June: `PDT`; `BST` in January: `GMT`), or
 * undefined when it is right or cannot be told (ambiguous abbreviations,
 * generic names, offsets).
 */
export function expectedZoneName(zone: Zone, wall: WallTime): string | undefined {
  const known = abbreviations.get(zone.text) ?? knownByName(zone.text)
  if (zone.offset === undefined || zone.readings || !known || known.timeZone === 'UTC') return undefined
  const key = `${zone.text} ${wall.year}-${wall.month}-${wall.day}T${wall.hour}`
  let expected = expectedCache.get(key)
  if (expected === undefined) {
    const at = new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, 0, zone.timeZone)
    const actual = tzOffset(zone.timeZone, at)
    expected = ''
    if (actual !== zone.offset && !(known.yearRound && zone.offset < actual)) {
      expected = siblingName(zone, actual) ?? ''
    }
    expectedCache.set(key, expected)
  }
  return expected === '' ? undefined : expected
}

const expectedCache = new Map<string, string>()

function knownByName(text: string): KnownZone | undefined {
  const abbr = names.get(text.toLowerCase().replace(/ time$/, ''))
  return abbr ? abbreviations.get(abbr) : undefined
}

/** `PDT` for `PST` at -420, written the way the writer wrote the zone. */
function siblingName(zone: Zone, offset: number): string | undefined {
  const long = !abbreviations.has(zone.text)
  for (const [abbr, known] of [...abbreviations, londonWinter]) {
    if (known.timeZone !== zone.timeZone || known.offset !== offset) continue
    return long ? longNames.get(abbr) : abbr
  }
  return undefined
}

/** A zone's name for messages: the text as written, spaces tidied. */
export function zoneLabel(zone: Zone): string {
  return zone.text.replace(/\s+/g, ' ')
}
