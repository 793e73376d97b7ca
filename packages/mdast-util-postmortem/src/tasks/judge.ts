import type {Task, TaskText} from './items.js'
import {readsAsVerb, type TaggedWord, tagFirstWords} from './tagger.js'
import {buildTaskVocabulary, closedClassWords, defaultTaskVocabulary, type TaskVocabulary, verbLists} from './verbs.js'
import {
  cadence,
  clauseEnd,
  complementWords,
  emptyModifiers,
  frequencyWords,
  genericAcronyms,
  genericWords,
  scopePhrase
} from './words.js'

/**
 * Why a task is not actionable:
 * - `too-short`: fewer words than asked;
 * - `not-a-verb`: it does not start with a verb in the imperative (a
 *   pronoun, a noun, a past tense, a subject and its verb: `Script needs …`);
 * - `vague`: it names no concrete object ("improve monitoring", "for certain
 *   users");
 * - `wish`: it names no action at all ("be more careful", "communicate
 *   better");
 * - `no-mechanism`: a goal ("prevent …", "reduce …") or a standing policy
 *   ("ensure …", "always …") that does not say how it is reached or enforced;
 * - `open-ended`: it never ends ("continue to", "regularly" with no cadence,
 *   "consider", "investigate" with no deliverable, an open question).
 */
export type TaskProblemKind = 'too-short' | 'not-a-verb' | 'vague' | 'wish' | 'no-mechanism' | 'open-ended'

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
  /** The word lists (see `buildTaskVocabulary`); the built-in ones by default. */
  readonly vocabulary?: TaskVocabulary | undefined
}

const defaultMinWords = 2

/** What one judgement needs. */
interface Judging {
  readonly words: TaskVocabulary
  readonly minWords: number
  readonly linked: boolean
}

/**
 * Judge a task the way postmortem guides ask: it starts with a verb in the
 * imperative, it names what it acts on, and it can be finished. A task with
 * a label (`**Monitoring:** Add an alert`) is fine when either its label or
 * its body is.
 */
export function judgeTask(task: Task, options: JudgeOptions = {}): TaskProblem | undefined {
  // The same tasks come back on every keystroke in an editor: judged once per wording.
  const base = options.vocabulary ?? defaultTaskVocabulary
  let known = judged.get(base)
  if (!known) {
    known = new Map()
    judged.set(base, known)
  }
  const key = [
    options.vagueVerbs?.join('\u0002') ?? '',
    options.minWords ?? defaultMinWords,
    task.linked,
    task.label?.text ?? '\u0001',
    task.body.text,
    task.details
  ].join('\u0000')
  let verdict = known.get(key)
  if (verdict === undefined) {
    const problem = judgeAfresh(task, options)
    verdict = problem ? {...problem, part: problem.part === task.label ? 'label' : 'body'} : null
    if (known.size >= judgedLimit) known.clear()
    known.set(key, verdict)
  }
  if (verdict === null) return undefined
  return {...verdict, part: verdict.part === 'label' && task.label ? task.label : task.body}
}

/** Verdicts by wording, per vocabulary: the part is told as `label` or `body`, to be the task's own. */
const judged = new WeakMap<TaskVocabulary, Map<string, (Omit<TaskProblem, 'part'> & {part: 'label' | 'body'}) | null>>()
const judgedLimit = 20_000

function judgeAfresh(task: Task, options: JudgeOptions): TaskProblem | undefined {
  let words = options.vocabulary ?? defaultTaskVocabulary
  if (options.vagueVerbs && options.vagueVerbs.length > 0) {
    words = {...words, vagueVerbs: new Set([...words.vagueVerbs, ...buildExtra(options.vagueVerbs)])}
  }
  const judging: Judging = {words, minWords: options.minWords ?? defaultMinWords, linked: task.linked}
  const whole = task.details
  if (!task.label) return judgePart(task.body, whole, judging)
  // `Uptime issue: https://...`: nothing but a reference after the label.
  if (!/\p{L}{2}/u.test(task.body.text.replace(/https?:\/\/\S*/g, ''))) {
    return judgePart(task.label, task.label.text, judging)
  }
  // A title-case label (`Improved Monitoring:`) would read as names: leave it out.
  const at = whole.indexOf(task.label.text)
  const rest = at === -1 ? whole : whole.slice(at + task.label.text.length)
  const body = judgePart(task.body, rest, judging)
  if (!body) return undefined
  // The body is the task; when it is no task at all (`**Add an alert**: on
  // checkout errors`), the label may be.
  if (body.kind !== 'not-a-verb' && body.kind !== 'too-short') return body
  const label = judgePart(task.label, task.label.text, judging)
  if (!label) return undefined
  return label.kind !== 'not-a-verb' && label.kind !== 'too-short' ? label : body
}

function buildExtra(verbs: readonly string[]): ReadonlySet<string> {
  return buildTaskVocabulary({vagueVerbs: {add: verbs}}).vagueVerbs
}

function judgePart(part: TaskText, whole: string, judging: Judging): TaskProblem | undefined {
  const {words: vocabulary, minWords, linked} = judging
  const text = cleanTask(part.text)
  let sentence = firstSentence(text)
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
  const wish = firstContained(lower, vocabulary.wishes)
  if (wish) return problem('wish', `is a wish (\`${wish}\` names no action)`, wishExpected, wish)

  const frequency = frequencyWords.find((item) => startsWithWords(lower, item))
  if (frequency && !cadence.test(whole)) {
    return problem('open-ended', `is open-ended (\`${frequency}\` with no cadence)`, cadenceExpected, frequency)
  }
  // `Always run …`, `Never deploy …`: a standing policy, then the task it asks for.
  const opening = /^[\p{L}'’]+/u.exec(sentence)?.[0] ?? ''
  if (vocabulary.policyVerbs.has(opening.toLowerCase()) && tagFirstWords(opening)[0]?.tags.has('Adverb')) {
    if (!hasMechanism(lower.split(/\s+/).slice(1).map(bareWord), whole, vocabulary, true)) {
      return problem(
        'no-mechanism',
        `is a standing policy (\`${opening.toLowerCase()}\` with nothing that enforces it)`,
        policyExpected,
        opening
      )
    }
    sentence = sentence.slice(opening.length).trim()
  }
  // Pronouns, articles and connectives need no tagger to tell they are no verb.
  const start = /^[\p{L}'’]+/u.exec(sentence)?.[0] ?? ''
  const closed = closedClassWords.get(start.toLowerCase())
  if (closed) return problem('not-a-verb', `starts with ${closed} \`${start}\``, verbExpected, start)
  // `Do not use ...`: judge the verb that follows.
  const tagged = tagFirstWords(sentence.replace(/^(?:do not|don['’]t)\s+/i, ''))
  const first = tagged[0]
  if (!first) return undefined
  const finite = finiteAfterSubject(tagged, vocabulary)
  if (finite) {
    const subject = tagged
      .slice(0, tagged.indexOf(finite))
      .map((word) => word.text)
      .join(' ')
    return problem(
      'not-a-verb',
      `starts with the subject \`${subject}\` of \`${finite.text}\` (a statement, not a task)`,
      verbExpected,
      first.text
    )
  }
  const verb = subjectFirst(sentence, tagged)
    ? undefined
    : (leadingVerb(tagged, vocabulary) ?? framedVerb(sentence, tagged, vocabulary))
  if (!verb) {
    return problem('not-a-verb', `starts with ${describe(first)} \`${first.text}\``, verbExpected, first.text)
  }
  if (sentence.trimEnd().endsWith('?')) {
    return problem('open-ended', 'is an open question', 'the decision, as a task to do')
  }
  const rest = restAfter(sentence, verb.words)
  const main = mainClause(rest)
  const restWords = rest.toLowerCase().split(/\s+/).filter(Boolean).map(bareWord)

  if (vocabulary.deferringVerbs.has(verb.lemma)) {
    return problem(
      'open-ended',
      `is open-ended (\`${verb.lemma}\` defers the decision)`,
      'the decision: a task to do, or none',
      verb.text
    )
  }
  // `Monitor … until it is above 99.9% for 30 days`: a number bounds it.
  if (vocabulary.ongoingVerbs.has(verb.lemma) && !/\d/.test(rest)) {
    return problem(
      'open-ended',
      `is open-ended (\`${verb.lemma}\` never ends)`,
      'a task that can be done and closed',
      verb.text
    )
  }
  if (vocabulary.inquiryVerbs.has(verb.lemma)) {
    if (!hasAny(rest, vocabulary.deliverables) && !joinedAction(tagFirstWords(sentence, 10), verb.words, vocabulary)) {
      return problem(
        'open-ended',
        `is open-ended (\`${verb.lemma}\` with no deliverable)`,
        'what it delivers: a decision, a write-up, a ticket (`… and write up the decision`)',
        verb.text
      )
    }
  }
  const frequent = frequencyWords.find((item) => containsWords(main.toLowerCase(), item))
  if (frequent && !cadence.test(whole)) {
    return problem('open-ended', `is open-ended (\`${frequent}\` with no cadence)`, cadenceExpected, frequent)
  }
  if (vocabulary.policyVerbs.has(verb.lemma) && !hasMechanism(restWords, whole, vocabulary, true)) {
    return problem(
      'no-mechanism',
      `is a standing policy (\`${verb.lemma}\` with nothing that enforces it)`,
      policyExpected,
      verb.text
    )
  }
  if (
    vocabulary.goalVerbs.has(verb.lemma) &&
    !hasMechanism(restWords, whole, vocabulary, false) &&
    !joinedAction(tagFirstWords(sentence, 10), verb.words, vocabulary) &&
    !hasConcreteToken(rest, linked)
  ) {
    return problem('no-mechanism', `is a goal (\`${verb.lemma}\` with no mechanism)`, goalExpected, verb.text)
  }
  // `Communicate better`, `Test more thoroughly`: a manner and no object.
  const manner = wishManner(restWords, vocabulary)
  if (manner) {
    const phrase = `${verb.lemma} ${manner}`
    return problem('wish', `is a wish (\`${phrase}\` names no action)`, wishExpected, verb.text)
  }
  if (vocabulary.vagueVerbs.has(verb.lemma)) {
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
  const unspecific = unspecificPhrase(main, vocabulary)
  if (unspecific && !hasConcreteToken(whole, linked)) {
    return problem(
      'vague',
      `is vague (\`${unspecific}\` specifies nothing)`,
      'which ones exactly: name them',
      unspecific.split(' ')[0]
    )
  }
  return undefined
}

const verbExpected = 'an imperative verb first, such as `Add …` or `Fix …`'
const cadenceExpected = 'how often (`weekly`, `every release`) or a one-off task'
const wishExpected = 'a concrete change to make'
const policyExpected = 'what enforces it: a check, a test or an alert (`… with a CI check`)'
const goalExpected = 'how: the change that does it (`… by adding …`, `… with …`)'

/** The verb a task starts with, in its dictionary form, and how many words it takes. */
interface LeadingVerb {
  readonly lemma: string
  readonly text: string
  readonly words: number
}

function leadingVerb(tagged: readonly TaggedWord[], vocabulary: TaskVocabulary): LeadingVerb | undefined {
  const [first, second, third] = tagged
  if (!first) return undefined
  const two = second && first.after === '' ? `${first.normal} ${second.normal}` : ''
  const three = two && third && second?.after === '' ? `${two} ${third.normal}` : ''
  if (three && isListedVerb(three, vocabulary)) {
    return {lemma: three, text: `${first.text} ${second?.text} ${third?.text}`, words: 3}
  }
  if (two && isListedVerb(two, vocabulary)) {
    return {lemma: two, text: `${first.text} ${second?.text}`, words: 2}
  }
  if (
    isImperative(first) ||
    isListedVerb(first.normal, vocabulary) ||
    isDerivedVerb(first.normal, tagged, vocabulary)
  ) {
    // `Double-check`, `Re-run`: the tagger splits a hyphenated verb in two.
    if (second && first.tags.has('Hyphenated') && second.tags.has('Hyphenated')) {
      return {lemma: `${first.normal}-${second.normal}`, text: `${first.text}-${second.text}`, words: 2}
    }
    return {lemma: first.normal, text: first.text, words: 1}
  }
  if (second && first.tags.has('Hyphenated') && second.tags.has('Hyphenated')) {
    const joined = `${first.normal}-${second.normal}`
    if (isListedVerb(joined, vocabulary) || isImperative(second))
      return {lemma: joined, text: `${first.text}-${second.text}`, words: 2}
  }
  return undefined
}

function isListedVerb(words: string, vocabulary: TaskVocabulary): boolean {
  return verbLists.some((list) => vocabulary[list].has(words))
}

/**
 * `Deprovision`, `Reprovision`, `Unpin`: a prefix of undoing or repeating
 * before a verb the lists or the tagger know.
 */
function isDerivedVerb(word: string, tagged: readonly TaggedWord[], vocabulary: TaskVocabulary): boolean {
  const derived = /^(?:re|de|un|pre)-?(\p{L}{3,})$/u.exec(word)
  if (!derived) return false
  const stem = derived[1] as string
  if (isListedVerb(stem, vocabulary)) return true
  const rest = tagged
    .slice(1)
    .map((item) => item.text)
    .join(' ')
  return readsAsVerb(`${stem} ${rest}`)
}

// Words that make the first word a subject: modals, auxiliaries, copulas and
// common finite verbs (`Script needs to be updated`, `Backup was taken`).
const finiteWords = new Set(
  'will would should must can could may might shall need needs needed is are was were has had does did gets got requires required seems remains went became'.split(
    ' '
  )
)
// After a two-word subject (`Load balancer needs …`) only the clearest signs count.
const modalWords = new Set('will would should must can could may might shall needs requires'.split(' '))

/**
 * The finite verb after the first word (or the first two, when they make one
 * noun): the task is a statement about its first word.
 */
function finiteAfterSubject(tagged: readonly TaggedWord[], vocabulary: TaskVocabulary): TaggedWord | undefined {
  const [first, second, third] = tagged
  if (!first || !second || first.after !== '') return undefined
  if (finiteWords.has(second.normal) || (second.tags.has('Copula') && second.normal !== 'be')) return second
  if (!third || second.after !== '' || !modalWords.has(third.normal)) return undefined
  // `Ensure backups will be restored`: a verb that takes a clause, then its subject.
  if (vocabulary.policyVerbs.has(first.normal) || clauseVerbs.has(first.normal)) return undefined
  if (!second.tags.has('Noun') || second.tags.has('Pronoun') || isImperative(first)) return undefined
  return third
}

const clauseVerbs = new Set('verify confirm check validate assert test prove document decide determine make'.split(' '))

/**
 * What reaches a goal or enforces a policy: `by …`, `with …`, `via …`
 * followed by a word of substance, or (for a policy) a word that names an
 * enforcement (`a CI check`, `an alert`).
 */
function hasMechanism(words: readonly string[], whole: string, vocabulary: TaskVocabulary, policy: boolean): boolean {
  const at = words.findIndex((word, index) => index > 0 && vocabulary.mechanismWords.has(word))
  if (at !== -1 && words.slice(at + 1).some((word) => /\p{L}{3}/u.test(word) && !emptyModifiers.has(word))) return true
  if (!policy) return false
  return hasAny(whole, vocabulary.mechanisms)
}

/** Whether a text holds one of the words or phrases, as whole words. */
function hasAny(text: string, list: ReadonlySet<string>): boolean {
  const words = ` ${text.toLowerCase().split(/\s+/).map(bareWord).filter(Boolean).join(' ')} `
  for (const item of list) if (words.includes(` ${item} `)) return true
  return false
}

/** `Communicate better`, `Test more thoroughly with the team`: a manner, then nothing it acts on. */
function wishManner(words: readonly string[], vocabulary: TaskVocabulary): string | undefined {
  let at = 0
  if (words[at] === 'more' || words[at] === 'much') at++
  const adverb = words[at]
  if (!adverb || !vocabulary.wishAdverbs.has(adverb)) return undefined
  const next = words[at + 1]
  if (next !== undefined && next !== 'and' && !complementWords.has(next)) return undefined
  return words.slice(0, at + 1).join(' ')
}

const phraseEnd = new Set([...complementWords, 'and', 'or', 'to', 'that', 'which'])

/** `certain users`, `proper validation`: a qualifier that specifies nothing, and what it qualifies. */
function unspecificPhrase(main: string, vocabulary: TaskVocabulary): string | undefined {
  const words = main.split(/\s+/).map(bareWord).filter(Boolean)
  const at = words.findIndex((word) => vocabulary.unspecificWords.has(word.toLowerCase()))
  if (at === -1) return undefined
  let end = at + 1
  while (end < words.length && end < at + 4 && !phraseEnd.has((words[end] as string).toLowerCase())) end++
  return words.slice(at, end).join(' ')
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
function framedVerb(
  sentence: string,
  tagged: readonly TaggedWord[],
  vocabulary: TaskVocabulary
): LeadingVerb | undefined {
  const first = tagged[0]
  if (!first) return undefined
  // `Roll back the release`, `Spin up a replica`: a verb and its particle.
  const next = tagged[1]
  if (next && first.after === '' && particles.has(next.normal) && !first.tags.has('Pronoun') && readsAsVerb(sentence)) {
    return {lemma: `${first.normal} ${next.normal}`, text: `${first.text} ${next.text}`, words: 2}
  }
  if (first.tags.has('Pronoun') || first.tags.has('Determiner') || first.tags.has('Preposition')) return undefined
  if (first.tags.has('Adverb') || first.tags.has('Conjunction') || first.tags.has('PastTense')) return undefined
  if (first.tags.has('Gerund') || /^\p{Lu}{2,}$/u.test(first.text)) return undefined
  // `Burden on the firewall`: a verb is followed by its object, not a preposition or a verb.
  if (next && ['Preposition', 'Modal', 'Copula', 'Auxiliary'].some((tag) => next.tags.has(tag))) return undefined
  // `Review and improve ...`: two verbs joined; `Uptime and alerting`: two nouns.
  const after = tagged[2]
  if (next?.tags.has('Conjunction') && !(after && (isImperative(after) || isListedVerb(after.normal, vocabulary))))
    return undefined
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

const particles = new Set(['up', 'down', 'back', 'out', 'off', 'over'])

/** `Assess scalability and implement upgrades`: an action follows the inquiry or the goal. */
function joinedAction(tagged: readonly TaggedWord[], from: number, vocabulary: TaskVocabulary): boolean {
  for (let at = from + 1; at < tagged.length; at++) {
    const word = tagged[at] as TaggedWord
    const before = tagged[at - 1] as TaggedWord
    if (before.normal !== 'and' || vocabulary.inquiryVerbs.has(word.normal)) continue
    if (vocabulary.goalVerbs.has(word.normal) || vocabulary.vagueVerbs.has(word.normal)) continue
    if (isImperative(word) || vocabulary.opsVerbs.has(word.normal)) return true
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
    // A field label (`Owner:`) is not one.
    const sentenceStart = at === 0 || /[:.!?]$/.test(words[at - 1] as string)
    return !sentenceStart && !titleCase && !word.endsWith(':') && /^\p{Lu}\p{Ll}+$/u.test(bare)
  })
}

/** A word without the punctuation around it (what is before its first letter or digit and after its last). */
function bareWord(word: string): string {
  let start = 0
  let end = word.length
  while (start < end) {
    const size = pointSize(word, start)
    if (isWordPoint(word, start, size)) break
    start += size
  }
  while (end > start) {
    const size = pointSizeBefore(word, end)
    if (isWordPoint(word, end - size, size)) break
    end -= size
  }
  return start === 0 && end === word.length ? word : word.slice(start, end)
}

const wordPoint = /[\p{L}\p{N}]/u

/** Whether the code point of `size` units at `at` is a letter or a digit. */
function isWordPoint(word: string, at: number, size: number): boolean {
  const code = word.charCodeAt(at)
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122)
  return wordPoint.test(word.slice(at, at + size))
}

/** Code units of the code point at `at`: two for a surrogate pair. */
function pointSize(word: string, at: number): number {
  const code = word.charCodeAt(at)
  if (code < 0xd800 || code > 0xdbff) return 1
  const next = word.charCodeAt(at + 1)
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1
}

/** Code units of the code point that ends at `end`. */
function pointSizeBefore(word: string, end: number): number {
  const code = word.charCodeAt(end - 1)
  if (code < 0xdc00 || code > 0xdfff || end < 2) return 1
  const before = word.charCodeAt(end - 2)
  return before >= 0xd800 && before <= 0xdbff ? 2 : 1
}

/** `phrase` opens `text`, then a space, a comma or the end. */
function startsWithWords(text: string, phrase: string): boolean {
  if (!text.startsWith(phrase)) return false
  const next = text.charCodeAt(phrase.length)
  return Number.isNaN(next) || next === space || next === comma
}

const space = 32
const comma = 44

/** `phrase` as whole words of `text`: opening it (see `startsWithWords`), or after a space, then a space or the end. */
function containsWords(text: string, phrase: string): boolean {
  if (startsWithWords(text, phrase)) return true
  if (phrase === '') return text.includes('  ') || text.endsWith(' ')
  for (let at = text.indexOf(phrase, 1); at !== -1; at = text.indexOf(phrase, at + 1)) {
    if (text.charCodeAt(at - 1) !== space) continue
    const next = text.charCodeAt(at + phrase.length)
    if (Number.isNaN(next) || next === space) return true
  }
  return false
}

/** The first phrase of a list, in its order, that `text` holds as whole words. */
function firstContained(text: string, phrases: ReadonlySet<string>): string | undefined {
  for (const phrase of phrases) if (containsWords(text, phrase)) return phrase
  return undefined
}
