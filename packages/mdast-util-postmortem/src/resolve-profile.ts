import {normalizeLabel} from './normalize.js'
import {
  expectBoolean,
  expectListOf,
  expectOptions,
  expectStringArray,
  isPlainObject,
  listAllowed,
  OptionError,
  show
} from './options.js'
import {type Profile, type ProfileId, profileIds, profiles, type SectionSpec} from './profiles.js'
import {languages, merge, vocabulariesOf} from './vocabulary.js'

const cache = new WeakMap<object, Profile>()

/**
 * Turn the `profile` option (an id, or a team's own section list) into a
 * profile. Fails with an `OptionError` naming the option when it is wrong.
 */
export function resolveProfile(value: unknown, name = 'profile'): Profile {
  if (value === undefined || value === null) return profiles.generic
  if (typeof value === 'string') {
    if (Object.hasOwn(profiles, value)) return profiles[value as ProfileId]
    throw new OptionError(
      `Unexpected value ${show(value)} for \`${name}\`, expected ${listAllowed(profileIds)}, or an object with \`sections\``
    )
  }
  if (!isPlainObject(value)) {
    throw new OptionError(
      `Unexpected value ${show(value)} for \`${name}\`, expected ${listAllowed(profileIds)}, or an object with \`sections\``
    )
  }
  const cached = cache.get(value)
  if (cached) return cached
  const profile = customProfile(value, name)
  cache.set(value, profile)
  return profile
}

function customProfile(value: Record<string, unknown>, name: string): Profile {
  const options = expectOptions(value, ['id', 'name', 'extends', 'languages', 'sections'], name)
  const codes =
    options.languages === undefined ? undefined : expectListOf(options.languages, `${name}.languages`, languages)
  const concepts = merge('titles', vocabulariesOf(codes))
  if (options.extends !== undefined && typeof options.extends !== 'string') {
    throw new OptionError(
      `Unexpected value ${show(options.extends)} for \`${name}.extends\`, expected ${listAllowed(profileIds)}`
    )
  }
  const base = options.extends === undefined ? undefined : resolveProfile(options.extends, `${name}.extends`)
  if (!Array.isArray(options.sections)) {
    throw new OptionError(
      `Unexpected value ${show(options.sections)} for \`${name}.sections\`, expected a list of sections such as \`{"id": "timeline", "title": "Timeline"}\``
    )
  }
  // A base profile's sections keep their own names, in the languages read.
  const sections: SectionSpec[] = base
    ? base.sections.map((section) => (codes ? {...section, aliases: inLanguages(section, concepts)} : section))
    : []
  const seen = new Set<string>()
  options.sections.forEach((input: unknown, index: number) => {
    const where = `${name}.sections[${index}]`
    const inherited = isObjectWithId(input) ? sections.find((item) => item.id === input.id) : undefined
    const section = customSection(input, where, inherited, concepts)
    if (seen.has(section.id)) {
      throw new OptionError(`Unexpected duplicate section id ${show(section.id)} in \`${name}.sections\``)
    }
    seen.add(section.id)
    const at = sections.findIndex((item) => item.id === section.id)
    if (at === -1) sections.push(section)
    else sections[at] = section
  })
  if (sections.length === 0) {
    throw new OptionError(`Unexpected empty list for \`${name}.sections\`, expected at least one section`)
  }
  const id = typeof options.id === 'string' ? options.id : 'custom'
  const hints = codes ? merge('hints', vocabulariesOf(codes)) : undefined
  return {id, name: typeof options.name === 'string' ? options.name : id, sections, concepts, hints}
}

/** A built-in section's names, with the vocabulary's ones kept only in the languages read. */
function inLanguages(section: SectionSpec, concepts: Readonly<Record<string, readonly string[]>>): string[] {
  const everyLanguage = new Set(merge('titles', vocabulariesOf(undefined))[section.id] ?? [])
  const kept = concepts[section.id] ?? []
  return section.aliases.filter((alias) => !everyLanguage.has(alias) || kept.includes(alias))
}

function isObjectWithId(value: unknown): value is {id: string} {
  return isPlainObject(value) && typeof value.id === 'string'
}

function customSection(
  input: unknown,
  where: string,
  base: SectionSpec | undefined,
  concepts: Readonly<Record<string, readonly string[]>>
): SectionSpec {
  if (!isPlainObject(input)) {
    throw new OptionError(`Unexpected value ${show(input)} for \`${where}\`, expected an object with an \`id\``)
  }
  const options = expectOptions(input, ['id', 'title', 'aliases', 'removeAliases', 'required'], where)
  if (typeof options.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(options.id)) {
    throw new OptionError(
      `Unexpected value ${show(options.id)} for \`${where}.id\`, expected a lower-case id such as \`'timeline'\` or \`'root-cause'\``
    )
  }
  if (options.title !== undefined && (typeof options.title !== 'string' || options.title.trim() === '')) {
    throw new OptionError(`Unexpected value ${show(options.title)} for \`${where}.title\`, expected a non-empty string`)
  }
  const aliases = expectStringArray(options.aliases, `${where}.aliases`)
  const removed = new Set(expectStringArray(options.removeAliases, `${where}.removeAliases`).map(normalizeLabel))
  const title = (options.title as string | undefined) ?? base?.title ?? titleFromId(options.id)
  const known = base ? inLanguages(base, concepts) : (concepts[options.id] ?? [])
  return {
    id: options.id,
    title,
    required: expectBoolean(options.required, `${where}.required`, base?.required ?? true),
    aliases: [...new Set([title, ...aliases, ...known])].filter((alias) => !removed.has(normalizeLabel(alias)))
  }
}

function titleFromId(id: string): string {
  const text = id.replace(/-/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
