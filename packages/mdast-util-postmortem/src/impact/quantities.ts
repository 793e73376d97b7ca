/**
 * Quantities of effect in a piece of text: `40% of users`, `1,200 orders`,
 * `$50,000`, `for 3 hours`, `2h 15m`, `500 req/s`, `p99 latency 4s`,
 * `burned 40% of the error budget`, `half of`, `one in ten`. A date, a time
 * of day, a version, a server name (`web-01`) or an HTTP status code used as
 * the name of an error (`500 errors`) is not a quantity.
 */
import {
  budgetContext,
  calendarWords,
  currencySymbols,
  currencyWords,
  effectWords,
  fractionWords,
  identifierWords,
  magnitudePlurals,
  magnitudes,
  multiplierWords,
  notCounted,
  nounSet,
  numberWords,
  peopleNouns,
  rateContext,
  statusFollowers,
  thingNouns,
  timeNouns,
  timeUnits,
  vagueQuantifiers
} from './vocabulary.js'

/** What a quantity measures. */
export type QuantityKind = 'share' | 'count' | 'money' | 'duration' | 'rate' | 'budget'

/** The kinds of quantity, in the order messages list them. */
export const quantityKinds: readonly QuantityKind[] = ['share', 'count', 'money', 'duration', 'rate', 'budget']

/** A quantity found in a text, by offsets in that text. */
export interface QuantityMatch {
  readonly kind: QuantityKind
  /** Offset of its first character. */
  readonly start: number
  /** Offset after its last character. */
  readonly end: number
  /** The words that state it, as written. */
  readonly text: string
  /** It counts or shares people: users, customers, visitors, accounts. */
  readonly users: boolean
  /** The noun it counts or shares, when the text says (`users`, `orders`). */
  readonly noun: string | undefined
}

/** What a vague quantifier stands for. */
export type VagueAbout = 'users' | 'count' | 'duration' | 'any'

/** A vague quantifier standing in for a number: `some users`, `significant slowdown`. */
export interface VagueMatch {
  /** The quantifier as written (`some`, `a large number of`). */
  readonly word: string
  readonly start: number
  readonly end: number
  /** What it stands for: a number of people, of things, a duration, or anything. */
  readonly about: VagueAbout
  /** The noun it qualifies. */
  readonly noun: string
}

/** The words a reader of quantities knows; see `quantityVocabulary`. */
export interface QuantityVocabulary {
  readonly people: ReadonlySet<string>
  readonly things: ReadonlySet<string>
  /** Vague quantifiers as word sequences, longest first. */
  readonly vague: readonly (readonly string[])[]
}

/** Build the vocabulary, with a team's extra count nouns and vague quantifiers. */
export function quantityVocabulary(
  extra: {units?: readonly string[]; vagueWords?: readonly string[]} = {}
): QuantityVocabulary {
  const vague = [
    ...new Set([...vagueQuantifiers, ...(extra.vagueWords ?? [])].map((word) => word.toLowerCase().trim()))
  ]
    .filter((word) => word !== '')
    .map((word) => word.split(/\s+/))
    .sort((a, b) => b.length - a.length)
  return {people: nounSet(peopleNouns), things: nounSet([...thingNouns, ...(extra.units ?? [])]), vague}
}

/** Options for reading one text. */
export interface ReadOptions {
  /**
   * Count any plural noun after a number (`3 casks`), not only known ones:
   * right inside an impact section, too loose for a summary's background.
   */
  readonly anyNoun?: boolean | undefined
}

type NounMode = 'known' | 'plural' | 'any'

interface Noun {
  readonly word: string
  readonly token: Token
  readonly index: number
}

interface Token {
  readonly kind: 'number' | 'word' | 'symbol'
  readonly text: string
  readonly lower: string
  readonly start: number
  readonly end: number
}

/**
 * Split a text in tokens: numbers (`1,200`, `10:30`, `2021-08-24`), words
 * (`don't`, `re-run`) and the symbols the reader looks at; anything else
 * (spaces, quotes, other signs) separates tokens. The same tokens as the
 * expression `(\d+(?:[.,:/-]\d+)*)|(\p{L}+(?:['’-]\p{L}+)*)|([%$€£¥₹×/+:|.,;!?()[\]~–—-])`
 * gives, scanned by character (no match objects to collect).
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const length = text.length
  let index = 0
  while (index < length) {
    const code = text.charCodeAt(index)
    if (code >= 48 && code <= 57) {
      let end = digitsEnd(text, index + 1)
      // `1,200`, `10:30`, `08/24`, `2021-08-24`, `1.2.3`.
      while (end + 1 < length && isNumberSeparator(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1))) {
        end = digitsEnd(text, end + 2)
      }
      const value = text.slice(index, end)
      tokens.push({kind: 'number', text: value, lower: value, start: index, end})
      index = end
      continue
    }
    let width = letterWidth(text, index, code)
    if (width > 0) {
      let end = index + width
      for (;;) {
        width = letterWidth(text, end, text.charCodeAt(end))
        if (width > 0) {
          end += width
          continue
        }
        // `don't`, `re-run`: an apostrophe or a hyphen between letters.
        const joiner = text.charCodeAt(end)
        if (joiner !== 39 && joiner !== 0x2019 && joiner !== 45) break
        width = letterWidth(text, end + 1, text.charCodeAt(end + 1))
        if (width === 0) break
        end += 1 + width
      }
      const value = text.slice(index, end)
      tokens.push({kind: 'word', text: value, lower: value.toLowerCase(), start: index, end})
      index = end
      continue
    }
    if (symbolCodes.has(code)) {
      const value = text[index] as string
      tokens.push({kind: 'symbol', text: value, lower: value, start: index, end: index + 1})
    }
    index++
  }
  return tokens
}

const symbolCodes = new Set(Array.from('%$€£¥₹×/+:|.,;!?()[]~–—-', (char) => char.charCodeAt(0)))
const letterAt = /\p{L}/uy

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** `.`, `,`, `:`, `/` or `-`: what joins the digits of one number. */
function isNumberSeparator(code: number): boolean {
  return code === 46 || code === 44 || code === 58 || code === 47 || code === 45
}

/** Offset after the run of digits from `index`. */
function digitsEnd(text: string, index: number): number {
  let end = index
  while (end < text.length && isDigit(text.charCodeAt(end))) end++
  return end
}

/** How many code units the letter at `index` takes (2 outside the BMP), 0 if none is there. */
function letterWidth(text: string, index: number, code: number): number {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 1 : 0
  if (Number.isNaN(code)) return 0
  // A low surrogate alone is no letter; a high one may start one.
  if (code >= 0xdc00 && code <= 0xdfff) return 0
  letterAt.lastIndex = index
  if (!letterAt.test(text)) return 0
  return code >= 0xd800 && code <= 0xdbff && letterAt.lastIndex === index + 2 ? 2 : 1
}

const units = new Set(Object.keys(timeUnits))
const spacedUnits = new Set(Object.keys(timeUnits).filter((unit) => unit.length > 1))
const singularTimeUnits = new Set(['second', 'minute', 'hour', 'day', 'week', 'month'])
const calendar = new Set(calendarWords)
const skipWords = new Set(notCounted)
const rates = new Set(rateContext)
const budgets = new Set(budgetContext)
const statuses = new Set(statusFollowers)
const effects = new Set(effectWords)
const times = new Set(timeNouns)
const currencies = new Set(currencyWords)
const identifiers = new Set(identifierWords)
const multipliers = new Set(multiplierWords)
const magnitudeWords = new Set(magnitudePlurals)
/** The words without a hyphen that `Reader.word` reads: any other is no quantity. */
const wordLeads = new Set([
  'a',
  'an',
  'half',
  'no',
  'zero',
  'none',
  ...magnitudePlurals,
  ...multiplierWords,
  ...Object.keys(numberWords)
])
const symbols = new Set(currencySymbols)
const irregularPlurals = new Set(['people', 'staff', 'data', 'children', 'media', 'personnel', 'traffic'])
const determiners = new Set(['the', 'our', 'their', 'its', 'these', 'those', 'all', 'my', 'your', 'his', 'her', 'of'])
const ordinals = new Set(['st', 'nd', 'rd', 'th'])
/** Vague words that tell a size (`significant outage`) rather than a number of something. */
const adjectives = new Set(['significant', 'significantly', 'substantial', 'considerable', 'massive', 'widespread'])
const clockSuffixes = new Set(['am', 'pm', 'a', 'p', 'hrs', 'hours', 'h'])
const durationLeads = new Set([
  'for',
  'about',
  'around',
  'nearly',
  'almost',
  'over',
  'under',
  'than',
  'lasted',
  'lasting',
  'took',
  'within',
  'roughly',
  'approximately',
  'approx',
  'just',
  'half',
  'entire',
  'whole',
  'full',
  'least',
  'most'
])
const latencyWords = new Set([
  'latency',
  'latencies',
  'response',
  'responses',
  'ttfb',
  'p50',
  'p90',
  'p95',
  'p99',
  'p999'
])
const multiplierFollowers = new Set([
  'slower',
  'faster',
  'higher',
  'more',
  'larger',
  'longer',
  'bigger',
  'greater',
  'increase',
  'the',
  'normal',
  'usual'
])

/** Read the quantities of a text, in order. */
export function findQuantities(
  text: string,
  vocabulary: QuantityVocabulary,
  options: ReadOptions = {}
): QuantityMatch[] {
  return new Reader(text, tokenize(text), vocabulary, options).quantities()
}

/** Read the vague quantifiers of a text that stand in for a number, in order. */
export function findVagueQuantifiers(text: string, vocabulary: QuantityVocabulary): VagueMatch[] {
  return vagueQuantifiersOf(text, tokenize(text), vocabulary)
}

/**
 * Both readings of one text (`findQuantities` and `findVagueQuantifiers`),
 * splitting it in tokens once.
 */
export function readQuantities(
  text: string,
  vocabulary: QuantityVocabulary,
  options: ReadOptions = {}
): {quantities: QuantityMatch[]; vague: VagueMatch[]} {
  const tokens = tokenize(text)
  return {
    quantities: new Reader(text, tokens, vocabulary, options).quantities(),
    vague: vagueQuantifiersOf(text, tokens, vocabulary)
  }
}

function vagueQuantifiersOf(text: string, tokens: readonly Token[], vocabulary: QuantityVocabulary): VagueMatch[] {
  const found: VagueMatch[] = []
  const byFirstWord = vagueByFirstWord(vocabulary)
  let index = 0
  while (index < tokens.length) {
    const match = vagueAt(tokens, index, byFirstWord)
    if (match) {
      const first = tokens[index] as Token
      const last = tokens[index + match.length - 1] as Token
      const noun = vagueNoun(tokens, index + match.length, vocabulary, adjectives.has(match.join(' ')))
      if (noun && !excludedVague(tokens, index, match.length)) {
        found.push({word: text.slice(first.start, last.end), start: first.start, end: last.end, ...noun})
        index += match.length
        continue
      }
    }
    index++
  }
  return found
}

/** The vague quantifier (of `byFirstWord`, a vocabulary's) that starts at token `index`, if any. */
function vagueAt(
  tokens: readonly Token[],
  index: number,
  byFirstWord: ReadonlyMap<string, readonly (readonly string[])[]>
): readonly string[] | undefined {
  const first = tokens[index]
  if (first === undefined || first.kind !== 'word') return undefined
  // Only the quantifiers that start with this word, still longest first.
  return byFirstWord.get(first.lower)?.find((words) =>
    words.every((word, offset) => {
      const token = tokens[index + offset]
      return token !== undefined && token.kind === 'word' && token.lower === word && joined(tokens, index, offset)
    })
  )
}

const vagueIndexes = new WeakMap<QuantityVocabulary, ReadonlyMap<string, readonly (readonly string[])[]>>()

/** A vocabulary's vague quantifiers by their first word, in their order. */
function vagueByFirstWord(vocabulary: QuantityVocabulary): ReadonlyMap<string, readonly (readonly string[])[]> {
  let index = vagueIndexes.get(vocabulary)
  if (index) return index
  const map = new Map<string, (readonly string[])[]>()
  for (const words of vocabulary.vague) {
    const first = words[0] as string
    const list = map.get(first)
    if (list) list.push(words)
    else map.set(first, [words])
  }
  index = map
  vagueIndexes.set(vocabulary, index)
  return index
}

/** Tokens `index`..`index + offset` are words in a row, with nothing but spaces between. */
function joined(tokens: readonly Token[], index: number, offset: number): boolean {
  for (let at = index + 1; at <= index + offset; at++) if (tokens[at]?.kind !== 'word') return false
  return true
}

/** `the most`, `at most`, `some 200 users`: not a vague quantifier. */
function excludedVague(tokens: readonly Token[], index: number, length: number): boolean {
  const previous = tokens[index - 1]
  const word = tokens[index]?.lower
  if (word === 'most' && previous?.kind === 'word' && ['the', 'at', 'almost'].includes(previous.lower)) return true
  if (word === 'few' && previous?.kind === 'word' && ['a', 'quite', 'very'].includes(previous.lower)) return true
  const next = tokens[index + length]
  return next !== undefined && (next.kind === 'number' || numberWords[next.lower] !== undefined)
}

/** The noun a vague quantifier qualifies, within a few words, and what it stands for. */
function vagueNoun(
  tokens: readonly Token[],
  index: number,
  vocabulary: QuantityVocabulary,
  adjective: boolean
): {about: VagueAbout; noun: string} | undefined {
  for (let at = index; at < Math.min(tokens.length, index + 4); at++) {
    const token = tokens[at] as Token
    if (token.kind !== 'word') return undefined
    const word = token.lower
    // `significant customer frustration`: the size of something, not a number of customers.
    if (adjective && (vocabulary.people.has(word) || vocabulary.things.has(word) || effects.has(word))) {
      return {about: 'any', noun: token.text}
    }
    if (vocabulary.people.has(word)) return {about: 'users', noun: token.text}
    if (times.has(word)) return {about: 'duration', noun: token.text}
    if (vocabulary.things.has(word)) return {about: 'count', noun: token.text}
    if (effects.has(word)) return {about: 'any', noun: token.text}
  }
  return undefined
}

/** Reads the quantities of one text. */
class Reader {
  private readonly found: QuantityMatch[] = []
  /** Tokens already part of a quantity. */
  private next = 0

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly vocabulary: QuantityVocabulary,
    private readonly options: ReadOptions
  ) {}

  quantities(): QuantityMatch[] {
    for (let index = 0; index < this.tokens.length; index++) {
      if (index < this.next) continue
      const token = this.tokens[index] as Token
      if (token.kind === 'number') this.number(index)
      else if (token.kind === 'word') this.word(index)
      else if (symbols.has(token.text)) this.money(index, index + 1)
    }
    return this.found
  }

  private at(index: number): Token | undefined {
    return this.tokens[index]
  }

  private lower(index: number): string | undefined {
    return this.tokens[index]?.lower
  }

  /** Token `index` follows the one before it with no space. */
  private attached(index: number): boolean {
    const token = this.at(index)
    const previous = this.at(index - 1)
    return token !== undefined && previous !== undefined && previous.end === token.start
  }

  /** Record a quantity from token `first` to token `last`. Readers return whether they found one. */
  private add(kind: QuantityKind, first: number, last: number, noun?: string | undefined, users = false): boolean {
    const start = (this.at(first) as Token).start
    const end = (this.at(last) as Token).end
    this.found.push({kind, start, end, text: this.text.slice(start, end), users, noun})
    this.next = Math.max(this.next, last + 1)
    return true
  }

  /** The number is part of a name: `web-01`, `p99`, `CVE-2021-44228`, `UTC-5`, `#42`. */
  private partOfName(index: number): boolean {
    const start = (this.at(index) as Token).start
    const before = this.text[start - 1]
    if (before === undefined) return false
    if (/[\p{L}\p{N}_#@\\]/u.test(before)) return true
    if ('-.+/'.includes(before)) return /[\p{L}\p{N}_]/u.test(this.text[start - 2] ?? '')
    return false
  }

  private number(index: number): boolean {
    const token = this.at(index) as Token
    if (this.partOfName(index)) {
      this.next = index + 1
      return false
    }
    const shape = numberShape(token.text)
    if (shape === undefined) return false
    // `-1 ENOENT`: a negative number is a value, not a quantity of effect.
    if (this.at(index - 1)?.text === '-' && this.attached(index)) return false
    const previous = this.at(index - 1)
    if (previous?.kind === 'word' && calendar.has(previous.lower)) return false
    // `version 2`, `Node 18`, `Python 3 workers`: the number names a release.
    if (previous?.kind === 'word' && identifiers.has(previous.lower) && this.attachedBySpace(index)) {
      this.next = index + 1
      return false
    }
    const following = this.at(index + 1)
    if (following?.kind === 'word' && calendar.has(following.lower)) return false
    // `$50,000`, `USD 3,000`.
    if (previous && (symbols.has(previous.text) || (previous.kind === 'word' && currencies.has(previous.lower)))) {
      if (previous.kind === 'word' || previous.end >= token.start - 1) {
        return this.money(index - 1, index)
      }
    }
    let value = shape.value
    let after = index + 1
    // A suffix written against the number: `3hrs`, `11th`, `1.2k`, `3x`, `5pm`.
    if (this.attached(after) && this.at(after)?.kind === 'word') {
      const suffix = this.lower(after) as string
      if (ordinals.has(suffix) || suffix === 'am' || suffix === 'pm') return false
      if (suffix === 'x') {
        if (this.at(after + 1)?.kind === 'number' && this.attached(after + 1)) {
          this.next = after + 2
          return false
        }
        return this.add(this.contextKind(index, 'rate'), index, after)
      }
      const magnitude = magnitudes[suffix]
      const countsNext = this.nounAt(after + 1) !== undefined
      if (magnitude !== undefined || ((suffix === 'm' || suffix === 'b') && countsNext)) {
        value *= magnitude ?? (suffix === 'b' ? 1_000_000_000 : 1_000_000)
        after++
      } else if (suffix === 's' && shape.status && this.statusPlural(index, after)) {
        // `HTTP 503s for 2% of requests`: errors of that kind, not seconds.
        this.next = after + 1
        return false
      } else if (units.has(suffix)) {
        return this.duration(index, after, shape.clock)
      } else {
        this.next = after + 1
        return false
      }
    }
    // `40-minute outage`, `3-hour`, `10-fold`: a compound written with a hyphen.
    const compound = this.lower(after + 1)
    if (this.at(after)?.text === '-' && this.attached(after) && this.attached(after + 1) && compound !== undefined) {
      if (compound === 'fold') return this.add(this.contextKind(index, 'rate'), index, after + 1)
      if (spacedUnits.has(compound) && this.at(after + 1)?.kind === 'word') {
        return this.duration(index, after + 1, shape.clock)
      }
    }
    if (shape.clock) {
      // `10:30`, `13:20pm`, `00:00 hours`.
      if (this.attached(after) || clockSuffixes.has(this.lower(after) ?? '')) this.next = after + 1
      return false
    }
    if (shape.fraction) {
      // `3/10 servers`; other slashes are dates (`08/24`).
      const noun = this.nounAt(after, 1)
      return noun ? this.add('share', index, noun.index, noun.token.text, this.vocabulary.people.has(noun.word)) : false
    }
    if (shape.date || shape.version) return false
    return this.after(index, after, value, shape)
  }

  /** `HTTP 500s`, `500s and 502s`, `503s were returned`: status codes in the plural. */
  private statusPlural(first: number, suffix: number): boolean {
    const before = this.lower(first - 1) ?? ''
    const after = this.lower(suffix + 1) ?? ''
    return (
      ['http', 'https', 'status', 'many', 'some', 'the', 'and', 'or'].includes(before) ||
      statuses.has(after) ||
      ['for', 'to', 'from', 'on', 'were', 'are', 'was', 'returned', 'across', 'and', 'or'].includes(after)
    )
  }

  /** Read what follows a number (`value`) that started at `first`; `after` is the next token. */
  private after(first: number, after: number, value: number, shape: NumberShape): boolean {
    let next = after
    const word = this.lower(next)
    if (word === undefined) return this.labelled(first, shape)
    if (word === '%' || word === 'percent' || word === 'pct' || (word === 'per' && this.lower(next + 1) === 'cent')) {
      const end = word === 'per' ? next + 1 : next
      return this.share(first, end, this.contextKind(first, 'share'))
    }
    if (word === '×') return this.add(this.contextKind(first, 'rate'), first, next)
    if (word === 'times' && multiplierFollowers.has(this.lower(next + 1) ?? '')) {
      return this.add(this.contextKind(first, 'rate'), first, next + 1)
    }
    if (currencies.has(word)) return this.add('money', first, next)
    const magnitude = magnitudes[word]
    if (magnitude !== undefined && this.at(next)?.kind === 'word') {
      value *= magnitude
      next++
      if (currencies.has(this.lower(next) ?? '')) return this.add('money', first, next)
    }
    const unit = this.lower(next)
    if (unit !== undefined && spacedUnits.has(unit) && this.at(next)?.kind === 'word') {
      return this.duration(first, next, false)
    }
    if (shape.date) return false
    if (unit === 'of') return this.of(first, next, shape)
    if (unit === 'out' && this.lower(next + 1) === 'of' && this.isNumberAt(next + 2)) {
      return this.outOf(first, next + 2)
    }
    if (unit === 'in' && this.isNumberAt(next + 1)) return this.outOf(first, next + 1)
    if (fractionWords[unit ?? ''] !== undefined && this.lower(next + 1) === 'of') {
      return this.share(first, next, 'share')
    }
    return this.counted(first, next, value, shape)
  }

  /** `3 of 10 servers`, `one of our nodes`, `two of the three regions`. */
  private of(first: number, of: number, shape: NumberShape): boolean {
    let at = of + 1
    while (determiners.has(this.lower(at) ?? '') && at < of + 3) at++
    if (this.isNumberAt(at)) return this.outOf(first, at)
    const noun = this.nounAt(at, 2)
    if (noun && !shape.decimal) {
      const users = this.vocabulary.people.has(noun.word)
      return this.add('count', first, noun.index, noun.token.text, users)
    }
    return false
  }

  /** `one in ten users`, `3 out of 10`: a share; the noun after it, if any. */
  private outOf(first: number, second: number): boolean {
    let last = this.numberEnd(second)
    const noun = this.nounAt(last + 1, 2, 'plural')
    if (noun) last = noun.index
    return this.add('share', first, last, noun?.token.text, noun ? this.vocabulary.people.has(noun.word) : false)
  }

  /** A percentage or fraction ending at token `last`, with what it is a share of. */
  private share(first: number, last: number, kind: QuantityKind): boolean {
    if (kind === 'budget') {
      // `40% of the monthly error budget`: up to the budget word, if it follows.
      for (let index = last + 1; index <= last + 5; index++) {
        const token = this.at(index)
        if (token?.kind !== 'word') break
        if (budgets.has(token.lower)) return this.add(kind, first, index)
      }
      return this.add(kind, first, last)
    }
    let at = last + 1
    if (this.lower(at) === 'of') at++
    while (determiners.has(this.lower(at) ?? '') && at < last + 4) at++
    let noun: Noun | undefined
    // `40% of our active users`; without `of`, only the next word (`40% users`).
    const reach = this.lower(last + 1) === 'of' ? 3 : 1
    for (let index = at; index < at + reach; index++) {
      const token = this.at(index)
      if (token?.kind !== 'word') break
      if (this.vocabulary.people.has(token.lower) || this.vocabulary.things.has(token.lower)) {
        noun = {word: token.lower, token, index}
        // `customer websites`: the last noun of a compound is what is shared.
        const head = this.at(index + 1)
        if (
          head?.kind === 'word' &&
          (this.vocabulary.people.has(head.lower) || this.vocabulary.things.has(head.lower))
        ) {
          noun = {word: head.lower, token: head, index: index + 1}
        }
        break
      }
    }
    noun ??= this.labelNoun(first)
    const users = noun !== undefined && this.vocabulary.people.has(noun.word)
    return this.add(kind, first, noun && noun.index > last ? noun.index : last, noun?.token.text, users)
  }

  /** `1,200 orders`, `12 unique visitors`, `500 errors per second`. */
  private counted(first: number, next: number, value: number, shape: NumberShape): boolean {
    // A year (`in 2019 things broke`) counts only a known noun.
    const year = shape.plain && value >= 1900 && value < 2100
    const noun = this.nounAt(next, 2, year ? 'known' : value === 1 ? 'any' : 'plural')
    if (!noun) return this.labelled(first, shape)
    if (shape.decimal && !Number.isInteger(value)) return false
    const rate = this.rateAfter(noun.index + 1)
    if (rate !== undefined) return this.add('rate', first, rate, noun.token.text)
    if (shape.status && statuses.has(this.lower(next) ?? '')) return false
    if (shape.version) return false
    return this.add('count', first, noun.index, noun.token.text, this.vocabulary.people.has(noun.word))
  }

  /** `Users affected: 1,200`, `Failed orders | 340`: a count labelled before it. */
  private labelled(first: number, shape: NumberShape): boolean {
    if (shape.decimal) return false
    const noun = this.labelNoun(first)
    if (!noun) return false
    return this.add('count', first, this.numberEnd(first), noun.token.text, this.vocabulary.people.has(noun.word))
  }

  /** The known noun of a label right before token `first` (`Users affected:`). */
  private labelNoun(first: number): Noun | undefined {
    const previous = this.at(first - 1)
    if (!previous || (previous.text !== ':' && previous.text !== '|')) return undefined
    for (let index = first - 2; index >= Math.max(0, first - 5); index--) {
      const token = this.at(index) as Token
      if (token.kind !== 'word') return undefined
      if (this.vocabulary.people.has(token.lower) || this.vocabulary.things.has(token.lower)) {
        return {word: token.lower, token, index}
      }
    }
    return undefined
  }

  /** `per second`, `/s`, `a minute`, `every hour` after a count: the index of its last token. */
  private rateAfter(index: number): number | undefined {
    const word = this.lower(index)
    const unit = this.lower(index + 1)
    if (unit === undefined) return undefined
    if ((word === 'per' || word === '/' || word === 'every') && units.has(unit)) return index + 1
    if ((word === 'a' || word === 'an') && singularTimeUnits.has(unit)) return index + 1
    return undefined
  }

  /** A duration from token `first`, whose unit is token `unit`; compact parts (`2h 15m`) join it. */
  private duration(first: number, unit: number, clock: boolean): boolean {
    if (clock) {
      this.next = unit + 1
      return false
    }
    let last = unit
    // `1h50m`, `2h 15m`, `1 hour 30 minutes`.
    while (this.at(last + 1)?.kind === 'number' && units.has(this.lower(last + 2) ?? '')) {
      const number = this.at(last + 1) as Token
      if (number.start > (this.at(last) as Token).end + 1) break
      last += 2
    }
    const rate = this.rateAfter(last + 1)
    if (rate !== undefined) return this.add('rate', first, rate)
    return this.add(this.latencyAround(first, last) ? 'rate' : 'duration', first, last)
  }

  /** `$50,000`, `€1.2k`, `USD 3,000`, `$2 million`: `sign` is the currency, `number` its amount. */
  private money(sign: number, number: number): boolean {
    if (this.at(number)?.kind !== 'number') return false
    let last = number
    const suffix = this.at(last + 1)
    if (
      suffix?.kind === 'word' &&
      (magnitudes[suffix.lower] !== undefined || suffix.lower === 'm' || suffix.lower === 'b')
    ) {
      last++
    }
    return this.add('money', sign, last)
  }

  /** A word: spelled-out numbers, fractions, `an hour`, `hundreds of`, `no customers`. */
  private word(index: number): boolean {
    const token = this.at(index) as Token
    const word = token.lower
    // Most words are none of those read below: no lookups for them.
    if (!wordLeads.has(word) && !word.includes('-')) return false
    if (word === 'a' || word === 'an') return this.article(index)
    if (word === 'half') {
      const next = this.lower(index + 1)
      if ((next === 'an' || next === 'a') && singularTimeUnits.has(this.lower(index + 2) ?? '')) {
        return this.add('duration', index, index + 2)
      }
      if (next === 'of' || next === 'the' || next === 'our') return this.share(index, index, 'share')
      return false
    }
    if (magnitudeWords.has(word) && this.lower(index + 1) === 'of') {
      const noun = this.nounAt(index + 2, 3, 'plural')
      return noun ? this.add('count', index, noun.index, noun.token.text, this.vocabulary.people.has(noun.word)) : false
    }
    if (word === 'no' || word === 'zero' || word === 'none') return this.none(index)
    // `doubled`, `twice the usual`, `tenfold`: a factor.
    if (multipliers.has(word)) return this.add(this.contextKind(index, 'rate'), index, index)
    // `two-day`, `three-fold`: a number word and a unit in one.
    const hyphen = word.indexOf('-')
    const number = hyphen === -1 ? undefined : word.slice(0, hyphen)
    if (number !== undefined && numberWords[number] !== undefined && !word.includes('-', hyphen + 1)) {
      const unit = word.slice(hyphen + 1)
      if (unit === 'fold') return this.add(this.contextKind(index, 'rate'), index, index)
      if (spacedUnits.has(unit)) return this.add(this.latencyAround(index, index) ? 'rate' : 'duration', index, index)
    }
    const value = numberWords[word]
    if (value === undefined) return false
    if (word === 'single' && !['a', 'the', 'one'].includes(this.lower(index - 1) ?? '')) {
      const noun = this.nounAt(index + 1, 0, 'any')
      return noun ? this.add('count', index, noun.index, noun.token.text, this.vocabulary.people.has(noun.word)) : false
    }
    let last = index
    let total = value
    // `twenty five`, `two hundred`, `three thousand`.
    while (this.at(last + 1)?.kind === 'word') {
      const part = this.lower(last + 1) as string
      const more = numberWords[part]
      const magnitude = part === 'k' ? undefined : magnitudes[part]
      if (magnitude !== undefined) total *= magnitude
      else if (more !== undefined && more < 10 && total >= 20 && total % 10 === 0) total += more
      else break
      last++
    }
    return this.after(index, last + 1, total, {
      value: total,
      decimal: false,
      clock: false,
      date: false,
      version: false,
      status: false
    })
  }

  /** `an hour`, `a day`, `a single cask`, `a third of`, `a dozen`. */
  private article(index: number): boolean {
    const next = this.lower(index + 1) ?? ''
    if (singularTimeUnits.has(next) && durationLeads.has(this.lower(index - 1) ?? '')) {
      return this.add('duration', index, index + 1)
    }
    if (next === 'single') {
      const noun = this.nounAt(index + 2, 0, 'any')
      this.next = Math.max(this.next, index + 2)
      return noun ? this.add('count', index, noun.index, noun.token.text, this.vocabulary.people.has(noun.word)) : false
    }
    if (fractionWords[next] !== undefined && this.lower(index + 2) === 'of')
      return this.share(index, index + 1, 'share')
    return next === 'dozen' ? this.word(index + 1) : false
  }

  /** `no customers were affected`, `zero errors`, `none of our users`. */
  private none(index: number): boolean {
    let at = index + 1
    if (this.lower(index) === 'none' && this.lower(at) === 'of') {
      at++
      while (determiners.has(this.lower(at) ?? '') && at < index + 4) at++
    }
    const token = this.at(at)
    if (token?.kind !== 'word') return false
    const users = this.vocabulary.people.has(token.lower)
    const thing = this.lower(index) === 'zero' && (this.vocabulary.things.has(token.lower) || units.has(token.lower))
    if (!users && !thing) return false
    return this.add(units.has(token.lower) ? 'duration' : 'count', index, at, token.text, users)
  }

  /** Whether token `index` starts a number, in digits or words. */
  private isNumberAt(index: number): boolean {
    const token = this.at(index)
    if (!token) return false
    if (token.kind === 'number') return !this.partOfName(index)
    return numberWords[token.lower] !== undefined
  }

  /** The last token of the number starting at `index` (`twenty five`, `10`). */
  private numberEnd(index: number): number {
    let last = index
    while (this.at(last + 1)?.kind === 'word' && numberWords[this.lower(last + 1) as string] !== undefined) last++
    return last
  }

  /**
   * The noun a count counts, at `index` or after up to `adjectives` words
   * (`12 unique visitors`, `three major clients`).
   */
  private nounAt(index: number, adjectives = 2, mode: NounMode = 'known'): Noun | undefined {
    for (let at = index; at <= index + adjectives; at++) {
      const token = this.at(at)
      if (token?.kind !== 'word') return undefined
      const word = token.lower
      if (at > index && !this.attachedBySpace(at)) return undefined
      if (this.vocabulary.people.has(word) || this.vocabulary.things.has(word)) return {word, token, index: at}
      if (mode !== 'known' && this.options.anyNoun && this.plausibleNoun(token, mode === 'plural')) {
        return {word, token, index: at}
      }
      if (skipWords.has(word) || calendar.has(word) || units.has(word)) return undefined
    }
    return undefined
  }

  /** Only spaces (or quotes) between token `index` and the one before. */
  private attachedBySpace(index: number): boolean {
    const token = this.at(index) as Token
    const previous = this.at(index - 1) as Token
    return /^[\s"'“”‘’]*$/u.test(this.text.slice(previous.end, token.start))
  }

  /** A word that reads as the noun a number counts, in an impact section. */
  private plausibleNoun(token: Token, pluralOnly: boolean): boolean {
    const word = token.lower
    if (word.length < 3 || skipWords.has(word) || calendar.has(word) || units.has(word)) return false
    // Lower case: a capitalised word after a number is a name (`14 Ubuntu`).
    if (token.text !== word) return false
    if (irregularPlurals.has(word)) return true
    const plural = word.endsWith('s') && !/(?:ss|us|is)$/.test(word)
    return pluralOnly ? plural : /^\p{L}+$/u.test(word)
  }

  /** `error rate 12%`, `burned 40% of the error budget`: what kind a percentage or multiplier is. */
  private contextKind(index: number, fallback: QuantityKind): QuantityKind {
    let rate = false
    for (let at = index - 1; at >= Math.max(0, index - 6); at--) {
      const token = this.at(at) as Token
      if (token.kind === 'symbol' && '.,;!?'.includes(token.text)) break
      if (budgets.has(token.lower)) return 'budget'
      if (rates.has(token.lower) || latencyWords.has(token.lower) || isPercentileName(this.text, token)) rate = true
    }
    for (let at = index + 1; at <= Math.min(this.tokens.length - 1, index + 6); at++) {
      const token = this.at(at) as Token
      if (token.kind === 'symbol' && '.,;!?'.includes(token.text)) break
      if (budgets.has(token.lower)) return 'budget'
    }
    return rate ? 'rate' : fallback
  }

  /** `p99 latency 4s`, `response time of 3 seconds`, `200ms p95`: a duration (tokens `index`..`last`) that is a latency. */
  private latencyAround(index: number, last: number): boolean {
    for (let at = index - 1; at >= Math.max(0, index - 7); at--) {
      const token = this.at(at) as Token
      if (token.kind === 'symbol' && '.;!?'.includes(token.text)) return false
      if (latencyWords.has(token.lower) || isPercentileName(this.text, token)) return true
    }
    // `200ms p95`.
    const next = this.at(last + 1)
    const percentile = this.at(last + 2)
    if (next === undefined) return false
    return latencyWords.has(next.lower) || (percentile !== undefined && isPercentileName(this.text, percentile))
  }
}

/** `p99`, `P95` written as one word: the tokenizer splits it in `p` and `99`. */
function isPercentileName(text: string, token: Token): boolean {
  if (token.kind !== 'number') return false
  const before = text[token.start - 1]
  return (before === 'p' || before === 'P') && !/\p{L}/u.test(text[token.start - 2] ?? '')
}

/** What a cluster of digits is: a plain number, a time of day, a date, a version. */
interface NumberShape {
  readonly value: number
  readonly decimal: boolean
  readonly clock: boolean
  readonly date: boolean
  readonly version: boolean
  /** Could be an HTTP status code (100-599, written plain). */
  readonly status: boolean
  /** Two numbers with a slash: a fraction or a day and month. */
  readonly fraction?: boolean
  /** Digits only, no separator. */
  readonly plain?: boolean
}

function numberShape(text: string): NumberShape | undefined {
  // Digits only (the tokens are digits and separators): the common case, first.
  if (digitsEnd(text, 0) === text.length) {
    const status = text.length === 3 && text >= '100' && text < '600'
    return {value: Number(text), decimal: false, clock: false, date: false, version: false, status, plain: true}
  }
  const plain = {decimal: false, clock: false, date: false, version: false, status: false}
  if (text.includes(':')) return {...plain, value: 0, clock: true}
  if (text.includes('/')) {
    const parts = text.split('/')
    if (parts.length !== 2) return {...plain, value: 0, date: true}
    const [top, bottom] = parts.map(Number) as [number, number]
    return {...plain, value: bottom === 0 ? 0 : top / bottom, decimal: true, date: true, fraction: true}
  }
  if (text.includes('-')) {
    const parts = text.split('-')
    if (parts.length !== 2 || (parts[0] as string).length === 4) return {...plain, value: 0, date: true}
    return {...plain, value: Number(parts[1]?.replace(/,/g, ''))}
  }
  const dots = text.split('.').length - 1
  if (dots > 1) return {...plain, value: 0, version: true}
  const thousands = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)
  const value = Number(thousands ? text.replace(/,/g, '') : text.replace(',', '.'))
  if (Number.isNaN(value)) return undefined
  const decimal = dots === 1 || (!thousands && text.includes(','))
  const status = !decimal && !thousands && /^[1-5]\d\d$/.test(text)
  return {...plain, value, decimal, status, plain: !decimal && !thousands}
}
