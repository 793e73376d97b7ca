/**
 * Word lists for judging follow-up tasks, kept as data in `vocabulary.json`
 * (one list per class of word, entries lowercase, a phrase is words joined by
 * a space). The part-of-speech tagger decides whether a task starts with a
 * verb; these lists cover what it cannot know: operations verbs it reads as
 * nouns (`Backfill the table`, `Roll back`), and the verbs postmortem guides
 * single out because they need something more to be a task. A team adds or
 * removes entries through the rule's `vocabulary` option.
 */
import type {WordListChanges} from '../options.js'
import data from './vocabulary.json' with {type: 'json'}

/**
 * The word lists:
 * - `opsVerbs`: imperatives of operations work the tagger reads as nouns;
 * - `vagueVerbs`: verbs that promise a better state ("improve"): they need a
 *   concrete object;
 * - `goalVerbs`: verbs that name an aim ("prevent", "reduce"): they need the
 *   mechanism (`by …`, `with …`) or a concrete object;
 * - `policyVerbs`: standing policies ("ensure", "always"): they need what
 *   enforces them (a check, a test, an alert, `by …`);
 * - `inquiryVerbs`: exploration ("investigate", "look into"): it needs a
 *   deliverable (a decision, a write-up, a ticket);
 * - `ongoingVerbs`: activities that never end ("continue", "maintain");
 * - `deferringVerbs`: "consider": no commitment;
 * - `wishes`: phrases that name no action ("be more careful");
 * - `wishAdverbs`: a verb with one of these and no object is a wish
 *   ("communicate better", "test thoroughly");
 * - `unspecificWords`: qualifiers that specify nothing ("certain users",
 *   "proper validation");
 * - `deliverables`: what an inquiry can deliver;
 * - `mechanisms`: what can enforce a policy ("a CI check", "an alert");
 * - `mechanismWords`: words that introduce the mechanism of a goal or a
 *   policy ("by", "with", "via").
 */
export type TaskVocabularyKey = (typeof taskVocabularyKeys)[number]

/** Every word list, by name. */
export type TaskVocabulary = Readonly<Record<TaskVocabularyKey, ReadonlySet<string>>>

/**
 * The names of the word lists, for options and docs: the keys of
 * `vocabulary.json`, in its order. Written out rather than taken from the
 * JSON's type, which the published declarations could then only import
 * without the `type: 'json'` attribute that Node-style TypeScript projects
 * require.
 */
/** The lists whose entries are verbs a task may start with. */
export const verbLists = [
  'opsVerbs',
  'vagueVerbs',
  'goalVerbs',
  'policyVerbs',
  'inquiryVerbs',
  'ongoingVerbs',
  'deferringVerbs'
] as const

export const taskVocabularyKeys = [
  ...verbLists,
  'wishes',
  'wishAdverbs',
  'unspecificWords',
  'deliverables',
  'mechanisms',
  'mechanismWords'
] as const

// The JSON has each list, and no list these names leave out.
const builtinLists: Readonly<Record<TaskVocabularyKey, readonly string[]>> = data
const onlyTheseLists: Exclude<keyof typeof data, TaskVocabularyKey> extends never ? true : never = true
void onlyTheseLists

/** The built-in lists. */
export const defaultTaskVocabulary: TaskVocabulary = buildTaskVocabulary({})

/** The lists with a team's changes applied (entries are compared lowercase). */
export function buildTaskVocabulary(
  changes: Readonly<Partial<Record<TaskVocabularyKey, WordListChanges>>>
): TaskVocabulary {
  const lists = {} as Record<TaskVocabularyKey, ReadonlySet<string>>
  for (const key of taskVocabularyKeys) {
    const change = changes[key]
    const list = new Set(builtinLists[key].map(normalWord))
    for (const word of change?.add ?? []) list.add(normalWord(word))
    for (const word of change?.remove ?? []) list.delete(normalWord(word))
    lists[key] = list
  }
  return lists
}

function normalWord(word: string): string {
  return word.toLowerCase().trim().replace(/\s+/g, ' ')
}

/** Words that open a statement, never an imperative, with how the message names them. */
export const closedClassWords: ReadonlyMap<string, string> = new Map([
  ...['we', 'i', 'you', 'they', 'it', 'he', 'she', 'there'].map((word) => [word, 'the pronoun'] as const),
  ...['the', 'a', 'an', 'our', 'their', 'its', 'this', 'these', 'those', 'all', 'every', 'each'].map(
    (word) => [word, 'the determiner'] as const
  ),
  ...[
    'before',
    'after',
    'if',
    'when',
    'while',
    'to',
    'once',
    'since',
    'because',
    'rather',
    'instead',
    'also',
    'finally',
    'then'
  ].map((word) => [word, 'the connective'] as const)
])
