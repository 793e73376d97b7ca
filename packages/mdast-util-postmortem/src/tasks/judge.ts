import type {Task, TaskText} from './items.js'
import {readsAsVerb, type TaggedWord, tagFirstWords} from './tagger.js'
import {
  closedClassWords,
  deferringVerbs,
  inquiryVerbPhrases,
  inquiryVerbs,
  jargonVerbPhrases,
  jargonVerbs,
  ongoingVerbPhrases,
  ongoingVerbs,
  vaguePhrases,
  vagueVerbPhrases,
  vagueVerbs
} from './verbs.js'
import {
  cadence,
  clauseEnd,
  complementWords,
  emptyModifiers,
  frequencyWords,
  genericAcronyms,
  genericWords,
  outcomeWords,
  scopePhrase
} from './words.js'

/**
 * Why a task is not actionable:
 * - `too-short`: fewer words than asked;
 * - `not-a-verb`: it does not start with a verb in the imperative;
 * - `vague`: it names no concrete object ("improve monitoring");
 * - `open-ended`: it never ends ("continue to", "regularly" with no cadence,
 *   "consider", "investigate" with no outcome, an open question).
 */
export type TaskProblemKind = 'too-short' | 'not-a-verb' | 'vague' | 'open-ended'

/** What is wrong with a task. */
export interface TaskProblem {
  readonly kind: TaskProblemKind
  /** The part of the task judged (its label or its body). */
  readonly part: TaskText
  /** What was found, in a few words: "starts with the pronoun `We`". */
  readonly found: string
  /** What would be right: "an imperative verb first, such as `Add …`". */
  readonly expected: string
  /** The word to point at, when the problem is one word of the task. */
  readonly word: string | undefined
}

/** How tasks are judged. */
export interface JudgeOptions {
  /** Verbs (or phrases) that need a concrete object, besides the built-in ones. */
  readonly vagueVerbs?: readonly string[] | undefined
  /** Fewest words a task may have. */
  readonly minWords?: number | undefined
}

const defaultMinWords = 2

/**
 * Judge a task the way postmortem guides ask: it starts with a verb in the
 * imperative, it names what it acts on, and it can be finished. A task with
 * a label (`**Monitoring:** Add an alert`) is fine when either its label or
 * its body is.
 */
export function judgeTask(task: Task, options: JudgeOptions = {}): TaskProblem | undefined {
  const extra = new Set((options.vagueVerbs ?? []).map((verb) => verb.toLowerCase().trim()))
  const minWords = options.minWords ?? defaultMinWords
  const whole = task.details
  if (!task.label) return judgePart(task.body, whole, extra, minWords, task.linked)
  const label = judgePart(task.label, task.label.text, extra, minWords, task.linked)
  if (!label) return undefined
  // `Uptime issue: https://...`: nothing but a reference after the label.
  if (!/\p{L}{2}/u.test(task.body.text.replace(/https?:\/\/\S*/g, ''))) return label
  // A title-case label (`Improved Monitoring:`) would read as names: leave it out.
  const at = whole.indexOf(task.label.text)
  const rest = at === -1 ? whole : whole.slice(at + task.label.text.length)
  const body = judgePart(task.body, rest, extra, minWords, task.linked)
  if (!body) return undefined
  // Both fail: the body is the task, unless it is none and the label is one.
  const bodyIsNoTask = body.kind === 'not-a-verb' || body.kind === 'too-short'
  const labelIsTask = label.kind === 'vague' || label.kind === 'open-ended'
  return bodyIsNoTask && labelIsTask ? label : body
}

function judgePart(
  part: TaskText,
  whole: string,
  extraVague: ReadonlySet<string>,
  minWords: number,
  linked: boolean
): TaskProblem | undefined {
  const text = cleanTask(part.text)
  const sentence = firstSentence(text)
  const words = sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
  const problem = (kind: TaskProblemKind, found: string, expected: string, word?: string): TaskProblem => ({
    kind,
    part,
    found,
    expected,
    word
  })
  if (words.length < minWords) {
    return problem(
      'too-short',
      `has ${words.length} word${words.length === 1 ? '' : 's'}`,
      `at least ${minWords} words saying what to do and to what`
    )
  }
  const lower = sentence.toLowerCase()
  const phrase = vaguePhrases.find((item) => startsWithWords(lower, item) || lower.includes(` ${item} `))
  if (phrase) return problem('vague', `is vague (\`${phrase}\` names no action)`, 'a concrete change to make', phrase)

  const frequency = frequencyWords.find((item) => startsWithWords(lower, item))
  if (frequency && !cadence.test(whole)) {
    return problem('open-ended', `is open-ended (\`${frequency}\` with no cadence)`, cadenceExpected, frequency)
  }
  // Pronouns, articles and connectives need no tagger to tell they are no verb.
  const opening = /^[\p{L}'’]+/u.exec(sentence)?.[0] ?? ''
  const closed = closedClassWords.get(opening.toLowerCase())
  if (closed) return problem('not-a-verb', `starts with ${closed} \`${opening}\``, verbExpected, opening)
  // `Do not use ...`: judge the verb that follows.
  const tagged = tagFirstWords(sentence.replace(/^(?:do not|don['’]t)\s+/i, ''))
  const first = tagged[0]
  if (!first) return undefined
  const verb = subjectFirst(sentence, tagged) ? undefined : (leadingVerb(tagged) ?? framedVerb(sentence, tagged))
  if (!verb) {
    return problem('not-a-verb', `starts with ${describe(first)} \`${first.text}\``, verbExpected, first.text)
  }
  if (sentence.trimEnd().endsWith('?')) {
    return problem('open-ended', 'is an open question', 'the decision, as a task to do')
  }
  const rest = restAfter(sentence, verb.words)
  const main = mainClause(rest)

  if (deferringVerbs.has(verb.lemma)) {
    return problem(
      'open-ended',
      `is open-ended (\`${verb.lemma}\` defers the decision)`,
      'the decision: a task to do, or none',
      verb.text
    )
  }
  if (ongoingVerbs.has(verb.lemma) || ongoingVerbPhrases.has(verb.lemma)) {
    if (!/\d/.test(main)) {
      return problem(
        'open-ended',
        `is open-ended (\`${verb.lemma}\` never ends)`,
        'a task that can be done and closed',
        verb.text
      )
    }
  }
  if (inquiryVerbs.has(verb.lemma) || inquiryVerbPhrases.has(verb.lemma)) {
    if (!outcomeWords.test(rest) && !joinedAction(tagFirstWords(sentence, 10), verb.words)) {
      return problem(
        'open-ended',
        `is open-ended (\`${verb.lemma}\` with no outcome)`,
        'what it delivers, such as `… and document the decision`',
        verb.text
      )
    }
  }
  const frequent = frequencyWords.find((item) => containsWords(main.toLowerCase(), item))
  if (frequent && !cadence.test(whole)) {
    return problem('open-ended', `is open-ended (\`${frequent}\` with no cadence)`, cadenceExpected, frequent)
  }
  const vague = vagueVerbs.has(verb.lemma) || vagueVerbPhrases.has(verb.lemma) || extraVague.has(verb.lemma)
  if (vague) {
    if (!hasComplement(main, rest) && !hasConcreteToken(whole, linked)) {
      return problem(
        'vague',
        `is vague (\`${verb.lemma}\` with no concrete object)`,
        'what exactly changes: the system, check or threshold'
      )
    }
  } else if (main === rest.replace(/[.!]$/, '').trim() && isGenericObject(main) && !hasConcreteToken(whole, linked)) {
    // Only a bare object: with a purpose or a condition after it, the task says more.
    const object = main.trim() || verb.lemma
    return problem('vague', `is vague (\`${object}\` names nothing in particular)`, 'what exactly it acts on')
  }
  return undefined
}

const verbExpected = 'an imperative verb first, such as `Add …` or `Fix …`'
const cadenceExpected = 'how often (`weekly`, `every release`) or a one-off task'

/** The verb a task starts with, in its dictionary form, and how many words it takes. */
interface LeadingVerb {
  readonly lemma: string
  readonly text: string
  readonly words: number
}

function leadingVerb(tagged: readonly TaggedWord[]): LeadingVerb | undefined {
  const [first, second, third] = tagged
  if (!first) return undefined
  const two = second && first.after === '' ? `${first.normal} ${second.normal}` : ''
  const phrases = [vagueVerbPhrases, inquiryVerbPhrases, ongoingVerbPhrases, jargonVerbPhrases]
  if (two && phrases.some((set) => set.has(two))) {
    return {lemma: two, text: `${first.text} ${second?.text}`, words: 2}
  }
  if (third && two === 'keep an' && third.normal === 'eye') return {lemma: 'keep an eye', text: first.text, words: 3}
  if (isImperative(first) || jargonVerbs.has(first.normal)) {
    // `Double-check`, `Re-run`: the tagger splits a hyphenated verb in two.
    if (second && first.tags.has('Hyphenated') && second.tags.has('Hyphenated')) {
      return {lemma: `${first.normal}-${second.normal}`, text: `${first.text}-${second.text}`, words: 2}
    }
    return {lemma: first.normal, text: first.text, words: 1}
  }
  if (second && first.tags.has('Hyphenated') && second.tags.has('Hyphenated')) {
    const joined = `${first.normal}-${second.normal}`
    if (jargonVerbs.has(joined) || isImperative(second))
      return {lemma: joined, text: `${first.text}-${second.text}`, words: 2}
  }
  return undefined
}

/**
 * `Burden on the firewall will be reduced`: a noun and its complement before
 * a modal or a copula are the subject of a statement, not a verb and its object.
 */
function subjectFirst(sentence: string, tagged: readonly TaggedWord[]): boolean {
  if (!tagged[1]?.tags.has('Preposition')) return false
  for (const word of sentence.toLowerCase().split(/\s+/).slice(2, 8)) {
    if (statementVerbs.has(word)) return true
    if (clauseWords.has(word)) return false
  }
  return false
}

// Modals and copulas, and the words that open a clause of their own.
const statementVerbs = new Set('will would should must can could may might shall is are was were be been'.split(' '))
const clauseWords = new Set('that which who so if when to and'.split(' '))

/** A first word the tagger reads as a verb once the task follows a modal. */
function framedVerb(sentence: string, tagged: readonly TaggedWord[]): LeadingVerb | undefined {
  const first = tagged[0]
  if (!first) return undefined
  if (first.tags.has('Pronoun') || first.tags.has('Determiner') || first.tags.has('Preposition')) return undefined
  if (first.tags.has('Adverb') || first.tags.has('Conjunction') || first.tags.has('PastTense')) return undefined
  if (first.tags.has('Gerund') || /^\p{Lu}{2,}$/u.test(first.text)) return undefined
  // `Burden on the firewall`: a verb is followed by its object, not a preposition or a verb.
  const next = tagged[1]
  if (next && ['Preposition', 'Modal', 'Copula', 'Auxiliary'].some((tag) => next.tags.has(tag))) return undefined
  // `Review and improve ...`: two verbs joined; `Uptime and alerting`: two nouns.
  const after = tagged[2]
  if (next?.tags.has('Conjunction') && !(after && isImperative(after))) return undefined
  if (next?.tags.has('PresentTense') && !next.tags.has('Gerund')) return undefined
  return readsAsVerb(sentence) ? {lemma: first.normal, text: first.text, words: 1} : undefined
}

function isImperative(word: TaggedWord): boolean {
  const tags = word.tags
  if (!tags.has('Verb')) return false
  if (tags.has('Gerund') || tags.has('PastTense') || tags.has('Modal') || tags.has('Auxiliary')) return false
  if (tags.has('Copula')) return word.normal === 'be'
  return tags.has('Infinitive') || tags.has('Imperative') || tags.has('PhrasalVerb')
}

/** `Assess scalability and implement upgrades`: an action follows the inquiry. */
function joinedAction(tagged: readonly TaggedWord[], from: number): boolean {
  for (let at = from + 1; at < tagged.length; at++) {
    const word = tagged[at] as TaggedWord
    const before = tagged[at - 1] as TaggedWord
    if (before.normal === 'and' && isImperative(word) && !inquiryVerbs.has(word.normal)) return true
  }
  return false
}

/** How a word that is not a verb reads, for the message. */
function describe(word: TaggedWord): string {
  const tags = word.tags
  if (tags.has('Pronoun')) return 'the pronoun'
  if (tags.has('Determiner')) return 'the determiner'
  if (tags.has('Gerund')) return 'the gerund'
  if (tags.has('PastTense') || tags.has('Participle')) return 'the past tense'
  if (tags.has('Modal')) return 'the modal'
  if (tags.has('Adverb')) return 'the adverb'
  if (tags.has('Preposition') || tags.has('Conjunction')) return 'the connective'
  if (tags.has('Adjective')) return 'the adjective'
  if (tags.has('Noun')) return 'the noun'
  return 'the word'
}

/** Remove what writers put before and after a task's words: emoji, bullets, quotes, `Please`. */
export function cleanTask(text: string): string {
  return text
    .replace(/:[a-z0-9_+-]{1,40}:/g, ' ')
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, ' ')
    .replace(/^[\s\u00a0\u2002\u2003"'“‘*_>•·\u2013\u2014-]+/u, '')
    .replace(/^\[[ xX]\]\s*/, '')
    .replace(/^please\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The first sentence of a task: what it asks for; later ones explain. */
function firstSentence(text: string): string {
  const end = /[.!?](?=\s+\S)/.exec(text)
  return end ? text.slice(0, end.index + 1) : text
}

function restAfter(sentence: string, words: number): string {
  const parts = sentence.split(/\s+/)
  // A hyphenated verb (`Double-check`) is one written word.
  let skip = words
  if (words === 2 && (parts[0] ?? '').includes('-')) skip = 1
  return parts.slice(skip).join(' ')
}

/** The object of the task: what follows the verb up to a purpose, a time or punctuation. */
function mainClause(rest: string): string {
  const end = clauseEnd.exec(` ${rest} `)
  return end ? ` ${rest} `.slice(0, end.index).trim() : rest.trim()
}

/** The vague verb's object is narrowed down: `for the checkout API`, `to include disk alerts`. */
function hasComplement(main: string, rest: string): boolean {
  const words = main.toLowerCase().split(/\s+/)
  const at = words.findIndex((word) => complementWords.has(word))
  if (at !== -1 && words.slice(at + 1).some(isSpecificWord)) return true
  const after = rest.slice(main.length).replace(/^[\s,]+/, '')
  const scope = scopePhrase.exec(after)
  if (scope) {
    const scoped = mainClause(after.slice(scope[0].length))
    return scoped.toLowerCase().split(/\s+/).some(isSpecificWord)
  }
  return false
}

/** Whether every word of the object is general ("monitoring system", "the process"). */
function isGenericObject(main: string): boolean {
  const words = main
    .toLowerCase()
    .split(/[\s/]+/)
    .filter((word) => /\p{L}/u.test(word))
  const content = words.filter((word) => !emptyModifiers.has(word))
  return content.length <= 3 && words.every((word) => !isSpecificWord(word))
}

function isSpecificWord(word: string): boolean {
  const bare = bareWord(word)
  if (bare === '' || !/\p{L}/u.test(bare)) return /\d/.test(bare)
  if (emptyModifiers.has(bare)) return false
  return !bare.split(/[-/]/).every((piece) => genericWords.has(piece) || emptyModifiers.has(piece) || piece === '')
}

/**
 * Something that pins a task down whatever its wording: a number, a link, a
 * quoted message, a file or a name (`ADFS`, `NodeNotReady`, `nginx.conf`).
 */
function hasConcreteToken(text: string, linked: boolean): boolean {
  if (linked || /\d/.test(text) || /https?:\/\//.test(text)) return true
  if (/(?:^|\s)["“][^"“”]{2,80}["”]/.test(text)) return true
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word))
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length
  const titleCase = capitalised * 2 > words.length
  return words.some((word, at) => {
    const bare = bareWord(word)
    if (/\p{L}[._]\p{L}/u.test(bare)) return true
    if (/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(bare)) return !genericAcronyms.has(bare) && !titleCase
    if (/\p{Ll}\p{Lu}/u.test(bare) && /^\p{L}+$/u.test(bare)) return true
    // A capitalised word inside a sentence is a name (`Nginx`, `Puppet`).
    const sentenceStart = at === 0 || /[:.!?]$/.test(words[at - 1] as string)
    return !sentenceStart && !titleCase && /^\p{Lu}\p{Ll}+$/u.test(bare)
  })
}

/** A word without the punctuation around it. */
function bareWord(word: string): string {
  const characters = [...word]
  const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character)
  let start = 0
  let end = characters.length
  while (start < end && !isWordCharacter(characters[start])) start++
  while (end > start && !isWordCharacter(characters[end - 1])) end--
  return characters.slice(start, end).join('')
}

function startsWithWords(text: string, phrase: string): boolean {
  return text === phrase || text.startsWith(`${phrase} `) || text.startsWith(`${phrase},`)
}

function containsWords(text: string, phrase: string): boolean {
  return startsWithWords(text, phrase) || text.includes(` ${phrase} `) || text.endsWith(` ${phrase}`)
}
