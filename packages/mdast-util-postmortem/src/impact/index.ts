import type {Position} from 'unist'
import type {Postmortem} from '../model.js'
import {isSpaceAt} from '../normalize.js'
import type {Section} from '../sections.js'
import {
  type QuantityKind,
  type QuantityVocabulary,
  quantityVocabulary,
  readQuantities,
  type VagueAbout
} from './quantities.js'
import {findStatementRanges, type ImpactOrigin} from './statements.js'

export {
  findQuantities,
  findVagueQuantifiers,
  type QuantityKind,
  type QuantityMatch,
  type QuantityVocabulary,
  quantityKinds,
  quantityVocabulary,
  type ReadOptions,
  type VagueAbout,
  type VagueMatch
} from './quantities.js'
export {type ImpactOrigin, sentences} from './statements.js'
export * as impactVocabulary from './vocabulary.js'

/** A quantity of effect stated in the postmortem. */
export interface Quantity {
  readonly kind: QuantityKind
  /** The words that state it, as written (`40% of users`, `2h 15m`). */
  readonly text: string
  /** It counts or shares people affected (users, customers, visitors, accounts). */
  readonly users: boolean
  /** The noun it counts or shares, when the text says. */
  readonly noun: string | undefined
  readonly position: Position | undefined
}

/** A vague quantifier standing in for a number: `some users`, `a significant slowdown`. */
export interface VagueQuantifier {
  /** The quantifier as written. */
  readonly word: string
  /** The noun it qualifies. */
  readonly noun: string
  /** What number it stands for. */
  readonly about: VagueAbout
  /** The place of the quantifier itself. */
  readonly position: Position | undefined
}

/** A piece of the postmortem that states the impact. */
export interface ImpactStatement {
  /** Found in an impact section, a labelled line, a heading such as `Outage duration`, or the summary. */
  readonly origin: ImpactOrigin
  readonly text: string
  readonly position: Position | undefined
  /** The impact or summary section it belongs to, if any. */
  readonly section: Section | undefined
  readonly quantities: readonly Quantity[]
  readonly vague: readonly VagueQuantifier[]
}

/** What a postmortem says about its impact. */
export interface Impact {
  /** The statements of impact, impact sections first. */
  readonly statements: readonly ImpactStatement[]
  /** Every quantity of every statement. */
  readonly quantities: readonly Quantity[]
  /** Every vague quantifier of every statement. */
  readonly vague: readonly VagueQuantifier[]
}

/** A team's additions to the words the impact model reads. */
export interface ImpactOptions {
  /** Extra nouns a count can be of (`casks`, `shipments`). */
  readonly units?: readonly string[] | undefined
  /** Extra vague quantifiers (`a bunch of`, `loads of`). */
  readonly vagueWords?: readonly string[] | undefined
}

const cache = new WeakMap<Postmortem, Map<string, Impact>>()

/**
 * The impact of a postmortem: its statements, their quantities and their
 * vague quantifiers. Computed once per postmortem (and set of extra words)
 * and shared by every rule that asks.
 */
export function getImpact(postmortem: Postmortem, options: ImpactOptions = {}): Impact {
  const key = JSON.stringify([options.units ?? [], options.vagueWords ?? []])
  let byOptions = cache.get(postmortem)
  if (!byOptions) {
    byOptions = new Map()
    cache.set(postmortem, byOptions)
  }
  let impact = byOptions.get(key)
  if (!impact) {
    let vocabulary = vocabularies.get(key)
    if (!vocabulary) {
      vocabulary = quantityVocabulary(options)
      vocabularies.set(key, vocabulary)
    }
    impact = buildImpact(postmortem, vocabulary)
    byOptions.set(key, impact)
  }
  return impact
}

/** Vocabularies by their extra words: a config has one, so this stays small. */
const vocabularies = new Map<string, QuantityVocabulary>()

function buildImpact(postmortem: Postmortem, vocabulary: QuantityVocabulary): Impact {
  const statements: ImpactStatement[] = findStatementRanges(postmortem).map((range) => {
    const {block, from, to} = range
    const text = block.text.slice(from, to)
    // Leading and trailing spaces are not part of what the statement says.
    let start = from
    while (start < to && isSpaceAt(block.text, start)) start++
    let end = to
    while (end > from && isSpaceAt(block.text, end - 1)) end--
    const read = readQuantities(text, vocabulary, {anyNoun: range.origin !== 'summary'})
    const quantities = read.quantities.map((match) => ({
      kind: match.kind,
      text: match.text.replace(/\s+/g, ' '),
      users: match.users,
      noun: match.noun,
      position: block.positionOf(from + match.start, from + match.end)
    }))
    const vague = read.vague.map((match) => ({
      word: match.word,
      noun: match.noun,
      about: match.about,
      position: block.positionOf(from + match.start, from + match.end)
    }))
    return {
      origin: range.origin,
      text: start < end ? block.text.slice(start, end) : '',
      position: block.positionOf(start, end),
      section: range.section,
      quantities,
      vague
    }
  })
  return {
    statements,
    quantities: statements.flatMap((statement) => statement.quantities),
    vague: statements.flatMap((statement) => statement.vague)
  }
}

/**
 * What a team can require the impact to state: how many users (a share or
 * a count of people), how long, a share, a count, a cost, a rate, or an
 * SLO / error-budget figure.
 */
export type ImpactRequirement = 'users' | 'duration' | 'share' | 'count' | 'money' | 'rate' | 'budget'

export const impactRequirements: readonly ImpactRequirement[] = [
  'users',
  'duration',
  'share',
  'count',
  'money',
  'rate',
  'budget'
]

/** Whether a quantity states what `requirement` asks for. */
export function quantityMeets(quantity: Quantity, requirement: ImpactRequirement): boolean {
  if (requirement === 'users') return quantity.users && (quantity.kind === 'share' || quantity.kind === 'count')
  return quantity.kind === requirement
}

/** Whether a vague quantifier stands where the number `requirement` asks for should be. */
export function vagueStandsFor(vague: VagueQuantifier, requirement: ImpactRequirement | 'any'): boolean {
  switch (requirement) {
    case 'any':
      return true
    case 'users':
      return vague.about === 'users'
    case 'duration':
      return vague.about === 'duration'
    case 'share':
    case 'count':
      return vague.about === 'users' || vague.about === 'count'
    default:
      return false
  }
}
