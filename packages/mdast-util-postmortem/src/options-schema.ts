/**
 * Options declared once. A rule declares each of its options as an
 * `OptionSpec` (made by the builders below); from that one declaration come
 * the check at start-up (`parse`, with the sentences of `options.ts`), the
 * TypeScript type of what a config writes (`OptionsOf`) and of what the rule
 * gets (`ParsedOptions`), the options table of the rule's docs page and the
 * JSON schema editors complete `.remarkrc.json` from
 * (`scripts/options-doc.js` writes both).
 */
import {
  expectBoolean,
  expectInteger,
  expectListOf,
  expectStringArray,
  expectWordLists,
  type WordListChanges
} from './options.js'
import {type Profile, type ProfileId, type ProfileInput, profileIds} from './profiles.js'
import {resolveProfile} from './resolve-profile.js'
import {languages} from './vocabulary.js'

/** A JSON Schema (draft-07) object, as the option specs write them. */
export type JsonSchema = {readonly [keyword: string]: unknown}

/**
 * One option: how it is checked, what it is in JSON Schema, and how the docs
 * show it. `Value` is what the rule gets, `Input` what a config writes.
 */
export interface OptionSpec<Value, Input = Value> {
  /** The docs' type column (Markdown). */
  readonly type: string
  /** The docs' default column (Markdown). */
  readonly defaultText: string
  /** What the option does (Markdown, no final full stop). */
  readonly description: string
  /** What a config may give, for editors (`description` is added). */
  readonly schema: JsonSchema
  /** Check a config's value (`undefined`: not given), throwing an `OptionError` that names `name`. */
  readonly parse: (value: unknown, name: string) => Value
  /** Word lists a team can change, for the docs' table of lists. */
  readonly lists?: readonly WordListDoc[] | undefined
  /** Never set: carries the `Input` type. */
  readonly input?: Input | undefined
}

/** A word list of a `wordListsOption`, as its docs table shows it. */
export interface WordListDoc {
  readonly name: string
  readonly meaning: string
  /** Entries shown in the docs; each is in `words`. */
  readonly examples: readonly string[]
  /** Every built-in entry. */
  readonly words: readonly string[]
}

// biome-ignore lint/suspicious/noExplicitAny: any option, whatever its value and input types.
export type AnyOptionSpec = OptionSpec<any, any>

/** The options a rule declares, by name (besides `profile`). */
export type OptionSpecs = Readonly<Record<string, AnyOptionSpec>>

/** What a rule gets for its declared options once they are checked. */
export type ParsedOptions<Specs extends OptionSpecs> = {
  readonly [Name in keyof Specs]: ReturnType<Specs[Name]['parse']>
}

/** What a config may write for a rule: `profile` and the declared options. */
export type OptionsOf<Specs extends OptionSpecs> = {
  profile?: ProfileId | ProfileInput | undefined
} & {
  [Name in keyof Specs]?: NonNullable<Specs[Name]['input']> | undefined
}

/** `string` items that are not blank, as `expectStringArray` wants them. */
const nonEmptyString: JsonSchema = {type: 'string', pattern: '\\S'}

/** A list of `'a'`, `'b'` for a type column: `Array<'a' | 'b'>`. */
function unionOf(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(' | ')
}

/** `a`, `b` and `c` */
function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

function code(value: unknown): string {
  return '`' + JSON.stringify(value).replace(/"/g, "'") + '`'
}

/** `true` or `false`. */
export function booleanOption(spec: {readonly default: boolean; readonly description: string}): OptionSpec<boolean> {
  return {
    type: '`boolean`',
    defaultText: code(spec.default),
    description: spec.description,
    schema: {type: 'boolean', default: spec.default},
    parse: (value, name) => expectBoolean(value, name, spec.default)
  }
}

/** A whole number of at least `minimum`. */
export function integerOption(spec: {
  readonly minimum: number
  readonly default: number
  /** Said after the default in the docs (`off`). */
  readonly defaultMeans?: string | undefined
  readonly description: string
}): OptionSpec<number> {
  return {
    type: `\`number\` (whole, at least ${spec.minimum})`,
    defaultText: code(spec.default) + (spec.defaultMeans ? ` (${spec.defaultMeans})` : ''),
    description: spec.description,
    schema: {type: 'integer', minimum: spec.minimum, default: spec.default},
    parse: (value, name) => expectInteger(value, name, spec.minimum, spec.default)
  }
}

/** A list of values among `allowed` (default none). */
export function listOfOption<const Value extends string>(
  allowed: readonly Value[],
  spec: {readonly description: string}
): OptionSpec<Value[]> {
  return {
    type: `\`Array<${unionOf(allowed)}>\``,
    defaultText: '`[]`',
    description: spec.description,
    // Not `uniqueItems`: a value given twice counts once.
    schema: {type: 'array', items: {enum: [...allowed]}, default: []},
    parse: (value, name) => expectListOf(value, name, allowed)
  }
}

/**
 * More words for a built-in list (default none). The docs say which words
 * are built in, from the list the code reads: all of them, or `examples`
 * of them and how many there are.
 */
export function wordsOption(spec: {
  readonly description: string
  readonly builtIn: readonly string[]
  readonly examples?: readonly string[] | undefined
}): OptionSpec<string[]> {
  const foreign = spec.examples?.filter((word) => !spec.builtIn.includes(word)) ?? []
  // Our own declaration is wrong, not a user's config: fail loudly.
  if (foreign.length > 0) throw new Error(`Examples not in the built-in list: ${foreign.join(', ')}`)
  const shown = (spec.examples ?? spec.builtIn).map((word) => '`' + word + '`')
  const besides = spec.examples
    ? `besides the ${spec.builtIn.length} built in, such as ${shown.join(', ')}`
    : `besides ${andList(shown)}`
  return {
    type: '`string[]`',
    defaultText: '`[]`',
    description: `${spec.description}, ${besides}`,
    schema: {type: 'array', items: nonEmptyString, default: []},
    parse: (value, name) => expectStringArray(value, name)
  }
}

/**
 * Changes to named word lists: `{list: ['added']}` or `{list: {add, remove}}`
 * (default none). Every list is described, with examples from its entries.
 */
export function wordListsOption<const List extends string>(
  builtIn: Readonly<Record<List, readonly string[]>>,
  spec: {
    readonly description: string
    readonly lists: Readonly<Record<List, {readonly meaning: string; readonly examples: readonly string[]}>>
  }
): OptionSpec<Partial<Record<List, WordListChanges>>, Partial<Record<List, string[] | WordListChanges>>> {
  const names = Object.keys(builtIn) as List[]
  const words: JsonSchema = {type: 'array', items: nonEmptyString}
  const change: JsonSchema = {
    anyOf: [words, {type: 'object', properties: {add: words, remove: words}, additionalProperties: false}]
  }
  return {
    type: '`{[list]: string[] | {add?: string[], remove?: string[]}}`',
    defaultText: '`{}`',
    description: spec.description,
    schema: {
      type: 'object',
      properties: Object.fromEntries(names.map((name) => [name, {...change, description: spec.lists[name].meaning}])),
      additionalProperties: false,
      default: {}
    },
    parse: (value, name) => expectWordLists(value, name, names),
    lists: names.map((name) => ({name, ...spec.lists[name], words: builtIn[name]}))
  }
}

/**
 * An option checked by the rule's own function, for what JSON Schema cannot
 * tell (a timezone): `schema` says as much as it can.
 */
export function customOption<Value, Input>(spec: {
  readonly type: string
  readonly defaultText: string
  readonly description: string
  readonly schema: JsonSchema
  readonly parse: (value: unknown, name: string) => Value
}): OptionSpec<Value, Input> {
  return {...spec}
}

/** The `profile` option every rule (and the preset) takes. */
export const profileOption: OptionSpec<Profile, ProfileId | ProfileInput> = {
  type: `${profileIds.map((id) => `\`'${id}'\``).join(', ')}, or \`{extends?, sections}\` ([profiles](../profiles.md))`,
  defaultText: "`'generic'`",
  description: "the template (the preset's `profile` reaches this rule)",
  schema: profileSchema(),
  parse: (value, name) => resolveProfile(value, name)
}

/** What `resolveProfile` accepts, for editors. */
function profileSchema(): JsonSchema {
  const words: JsonSchema = {type: 'array', items: nonEmptyString}
  const section: JsonSchema = {
    type: 'object',
    properties: {
      id: {
        type: 'string',
        pattern: '^[a-z][a-z0-9-]*$',
        description: 'The section id: a built-in one (`timeline`, `root-cause`, ...) or a new one'
      },
      title: {...nonEmptyString, description: 'The heading text to insert when the section is missing'},
      aliases: {...words, description: 'More heading texts that stand for the section'},
      removeAliases: {...words, description: 'Heading texts of the vocabulary the section must not answer to'},
      required: {type: 'boolean', default: true, description: 'Whether the section must be there'}
    },
    required: ['id'],
    additionalProperties: false
  }
  return {
    anyOf: [
      {enum: [...profileIds]},
      {type: 'null'},
      {
        type: 'object',
        properties: {
          id: {type: 'string', description: 'The id messages name the profile by'},
          name: {type: 'string'},
          extends: {enum: [...profileIds], description: 'A built-in profile whose sections come first'},
          languages: {
            type: 'array',
            items: {enum: [...languages]},
            description: 'The languages whose section names are read (default: every one)'
          },
          sections: {type: 'array', items: section}
        },
        required: ['sections'],
        // Sections of its own, or a base profile's.
        anyOf: [
          {properties: {extends: true}, required: ['extends']},
          {properties: {sections: {type: 'array', minItems: 1}}}
        ],
        additionalProperties: false
      }
    ],
    default: 'generic'
  }
}

/**
 * The JSON schema of one option, with its meaning for editors (`schema`
 * in place of the option's own, such as a `$ref` to a shared definition).
 */
export function optionSchema(spec: AnyOptionSpec, schema: JsonSchema = spec.schema): JsonSchema {
  return {...schema, description: plainText(spec.description), markdownDescription: spec.description}
}

/** Markdown to the plain text an editor shows: code marks and links dropped. */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\][]*)\]\([^()]*\)/g, '$1').replace(/`/g, '')
}
