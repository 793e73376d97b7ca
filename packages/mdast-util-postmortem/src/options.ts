/**
 * Option validation shared by every rule: a wrong option fails at once with a
 * sentence naming the option and what is allowed.
 */
export class OptionError extends Error {
  override name = 'OptionError'
}

/** Format a value the way it would be written in a config file. */
export function show(value: unknown): string {
  if (typeof value === 'string') return '`' + JSON.stringify(value) + '`'
  if (value === undefined) return '`undefined`'
  try {
    return '`' + JSON.stringify(value) + '`'
  } catch {
    return '`' + String(value) + '`'
  }
}

/** `'a'`, `'b'`, or `'c'` */
export function listAllowed(values: readonly unknown[]): string {
  const shown = values.map((value) => (typeof value === 'string' ? "`'" + value + "'`" : show(value)))
  if (shown.length < 2) return shown.join('')
  return shown.slice(0, -1).join(', ') + ', or ' + shown.at(-1)
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Check an options value is an object with only known keys (or nullish, which
 * means defaults). Returns the object, or an empty one.
 */
export function expectOptions(value: unknown, allowed: readonly string[], owner: string): Record<string, unknown> {
  if (value === undefined || value === null || value === true) return {}
  if (!isPlainObject(value)) {
    throw new OptionError(`Unexpected value ${show(value)} for the options of \`${owner}\`, expected an object`)
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new OptionError(
        `Unexpected option \`${key}\` for \`${owner}\`, expected ${allowed.length > 0 ? listAllowed(allowed) : 'no options'}`
      )
    }
  }
  return value
}

export function expectBoolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') {
    throw new OptionError(`Unexpected value ${show(value)} for \`${name}\`, expected \`true\` or \`false\``)
  }
  return value
}

export function expectOneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new OptionError(`Unexpected value ${show(value)} for \`${name}\`, expected ${listAllowed(allowed)}`)
  }
  return value as T
}

export function expectInteger(value: unknown, name: string, min: number, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new OptionError(`Unexpected value ${show(value)} for \`${name}\`, expected a whole number of at least ${min}`)
  }
  return value
}

export function expectStringArray(value: unknown, name: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    throw new OptionError(`Unexpected value ${show(value)} for \`${name}\`, expected a list of non-empty strings`)
  }
  return value as string[]
}

/** A list of values each among `allowed` (duplicates dropped), or `[]`. */
export function expectListOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T[] {
  if (value === undefined) return []
  const expected = listAllowed(allowed)
  if (!Array.isArray(value)) {
    throw new OptionError(`Unexpected value ${show(value)} for \`${name}\`, expected a list of ${expected}`)
  }
  for (const item of value) {
    if (!allowed.includes(item as T)) {
      throw new OptionError(`Unexpected value ${show(item)} in \`${name}\`, expected ${expected}`)
    }
  }
  return [...new Set(value as T[])]
}

/** What a team changes in a word list: entries to add and entries to remove. */
export interface WordListChanges {
  readonly add?: readonly string[]
  readonly remove?: readonly string[]
}

/**
 * Changes to named word lists: `{goalVerbs: {add: ['curb'], remove:
 * ['limit']}}`; a plain list (`{goalVerbs: ['curb']}`) adds.
 */
export function expectWordLists<K extends string>(
  value: unknown,
  name: string,
  lists: readonly K[]
): Partial<Record<K, WordListChanges>> {
  if (value === undefined) return {}
  if (!isPlainObject(value)) {
    throw new OptionError(`Unexpected value ${show(value)} for \`${name}\`, expected an object of word lists`)
  }
  const changes: Partial<Record<K, WordListChanges>> = {}
  for (const [key, change] of Object.entries(value)) {
    if (!lists.includes(key as K)) {
      throw new OptionError(`Unexpected list \`${key}\` in \`${name}\`, expected ${listAllowed(lists)}`)
    }
    const where = `${name}.${key}`
    if (Array.isArray(change)) {
      changes[key as K] = {add: expectStringArray(change, where)}
      continue
    }
    if (!isPlainObject(change) || Object.keys(change).some((item) => item !== 'add' && item !== 'remove')) {
      throw new OptionError(
        `Unexpected value ${show(change)} for \`${where}\`, expected a list of words or \`{add, remove}\` lists`
      )
    }
    changes[key as K] = {
      add: expectStringArray(change.add, `${where}.add`),
      remove: expectStringArray(change.remove, `${where}.remove`)
    }
  }
  return changes
}
