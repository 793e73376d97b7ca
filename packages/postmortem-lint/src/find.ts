/**
 * Finding the files of a run, as `unified-engine` finds them, without
 * running the engine.
 *
 * The engine finds files well, but then holds every file of a run until all
 * are done, and checks every file of the run each time one is done: its
 * cost per file grows with the number of files in a run (10,000 files take
 * seconds to go through the engine even when nothing is parsed). Large runs
 * are therefore found here, with the same libraries and rules as the engine
 * (`glob` for globs, `.remarkignore` files read with `ignore`, the nearest
 * one applying, `node_modules` skipped in folders, the Markdown extensions
 * in folders), and then linted by the engine in shares of a few hundred
 * files. `test/integration/find.test.ts` holds this to the engine's own
 * search on every case.
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import * as path from 'node:path'
import {glob, hasMagic} from 'glob'
import ignorePackage, {type Ignore} from 'ignore'
import markdownExtensions from 'markdown-extensions'
import {comparePaths, ignoreName} from './engine.js'

// `ignore` is CommonJS whose types declare an ES default export: its
// `module.exports` is the function (as unified-engine reads it too).
const ignore = ignorePackage as unknown as typeof ignorePackage.default

/** What to find. */
export interface FindOptions {
  /** Files, folders and globs, as given on the command line. */
  readonly files: readonly string[]
  readonly cwd: string
  /** Honour `.remarkignore` files. */
  readonly detectIgnore: boolean
}

/** A file the paths and globs found. */
export interface FoundFile {
  /** Path relative to `cwd`, as the engine reports it. */
  readonly path: string
  /**
   * Named (not found in a folder) but listed in `.remarkignore`: the engine
   * gives it a fatal message and lints nothing.
   */
  readonly ignored: boolean
}

const extensions = new Set(markdownExtensions.map((extension) => `.${extension}`))

/**
 * The files the engine would be given for `options.files`, in its order
 * (sorted by path), or `undefined` when something unusual happened (a
 * folder or ignore file that cannot be read): then only the engine knows
 * what it would do, and the caller should let it search.
 */
export async function findFiles(options: FindOptions): Promise<FoundFile[] | undefined> {
  const finder = new Finder(options)
  try {
    const paths: string[] = []
    for (const file of options.files) {
      if (hasMagic(file)) paths.push(...(await glob(file, {cwd: options.cwd})))
      else paths.push(path.relative(options.cwd, path.resolve(options.cwd, file)) || '.')
    }
    const found = await finder.search(
      paths.map((file) => file.split('/').join(path.sep)),
      false
    )
    const seen = new Set<string>()
    return found
      .filter((file) => !seen.has(file.path) && seen.add(file.path))
      .sort((a, b) => comparePaths(a.path, b.path))
  } catch (error) {
    if (error instanceof Unusual) return undefined
    throw error
  }
}

/** Something the engine handles its own way: leave the search to it. */
class Unusual extends Error {}

/** The nearest ignore file of a folder, read with `ignore`. */
interface IgnoreFile {
  readonly folder: string
  readonly rules: Ignore
}

class Finder {
  readonly #cwd: string
  readonly #detectIgnore: boolean
  /** The nearest ignore file of each folder asked about (`null`: none up to the root). */
  readonly #ignoreFiles = new Map<string, Promise<IgnoreFile | null>>()

  constructor(options: FindOptions) {
    this.#cwd = options.cwd
    this.#detectIgnore = options.detectIgnore
  }

  /** The files found in `paths` (relative to `cwd`); `nested`: inside a folder. */
  async search(paths: readonly string[], nested: boolean): Promise<FoundFile[]> {
    return (await Promise.all(paths.map((file) => this.#each(file, nested)))).flat()
  }

  async #each(file: string, nested: boolean): Promise<FoundFile[]> {
    if (nested && path.basename(file) === 'node_modules') return []
    const absolute = path.resolve(this.#cwd, file)
    const [stats, ignored] = await Promise.all([
      stat(absolute).catch((error: NodeJS.ErrnoException) => {
        // A missing file or folder (or a broken link) is kept, unignored, as
        // the engine keeps it: the engine reports it.
        if (error.code === 'ENOENT') return undefined
        throw new Unusual(error.message)
      }),
      this.#isIgnored(absolute)
    ])
    if (!stats) return nested && !extensions.has(path.extname(file)) ? [] : [{path: file, ignored: false}]
    if (ignored && nested) return []
    if (!ignored && stats.isDirectory()) {
      let names: string[]
      try {
        names = await readdir(absolute)
      } catch (error) {
        throw new Unusual((error as Error).message)
      }
      return this.search(
        names.map((name) => path.join(file, name)),
        true
      )
    }
    if (nested && !extensions.has(path.extname(file))) return []
    return [{path: file, ignored}]
  }

  /** Whether the nearest ignore file of `absolute`'s folder lists it. */
  async #isIgnored(absolute: string): Promise<boolean> {
    if (!this.#detectIgnore) return false
    const nearest = await this.#nearest(path.dirname(absolute))
    if (!nearest) return false
    const normal = path.relative(nearest.folder, absolute)
    if (normal === '' || normal === '..' || normal.startsWith(path.sep) || normal.startsWith(`..${path.sep}`)) {
      return false
    }
    return nearest.rules.ignores(normal)
  }

  /** The ignore file in `folder` or the nearest folder above it. */
  #nearest(folder: string): Promise<IgnoreFile | null> {
    let known = this.#ignoreFiles.get(folder)
    if (!known) {
      known = this.#read(folder)
      this.#ignoreFiles.set(folder, known)
    }
    return known
  }

  async #read(folder: string): Promise<IgnoreFile | null> {
    try {
      const text = await readFile(path.join(folder, ignoreName), 'utf8')
      return {folder, rules: ignore().add(text)}
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Unusual((error as Error).message)
    }
    const parent = path.dirname(folder)
    return parent === folder ? null : this.#nearest(parent)
  }
}
