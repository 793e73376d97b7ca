import {PassThrough} from 'node:stream'
import markdownExtensions from 'markdown-extensions'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import remarkStringify from 'remark-stringify'
import {type Plugin, unified} from 'unified'
import {engine} from 'unified-engine'
import type {VFile} from 'vfile'
import {useBuiltinPlugins} from './builtins.js'

/** What to lint and how. */
export interface LintOptions {
  /** Files, folders and globs. */
  readonly files: readonly string[]
  /** Folder that paths, config and ignore files are found from (default: the process's). */
  readonly cwd?: string | undefined
  /**
   * Profile for the preset when no `.remarkrc*` or `remarkConfig` applies to
   * a file (default `'generic'`).
   */
  readonly profile?: string | undefined
  /** Look for `.remarkrc*` and `remarkConfig` (default `true`). */
  readonly detectConfig?: boolean | undefined
  /** Honour `.remarkignore` (default `true`). */
  readonly detectIgnore?: boolean | undefined
}

/** The files that were linted, with their messages. */
export interface LintResult {
  /** The files linted, ignored ones left out. */
  readonly files: VFile[]
  /** How many files the paths and globs found, ignored ones included. */
  readonly found: number
}

/**
 * Lint files the way `remark` does (same config files, ignore files and
 * plugin resolution), with `remark-preset-lint-postmortem` when no config
 * applies. Never writes anything: the caller formats the result.
 */
export function lintFiles(options: LintOptions): Promise<LintResult> {
  const processor = releasingTrees(unified().use(remarkParse).use(remarkStringify))
  const presetOptions = options.profile === undefined ? undefined : {profile: options.profile}
  return new Promise((resolve, reject) => {
    engine(
      {
        processor,
        files: [...options.files],
        cwd: options.cwd ?? process.cwd(),
        extensions: markdownExtensions,
        rcName: '.remarkrc',
        packageField: 'remarkConfig',
        ignoreName: '.remarkignore',
        pluginPrefix: 'remark',
        detectConfig: options.detectConfig ?? true,
        detectIgnore: options.detectIgnore ?? true,
        defaultConfig: {plugins: [[remarkPresetLintPostmortem as Plugin<unknown[]>, presetOptions]]},
        configTransform: useBuiltinPlugins as never,
        // Report nothing, write nothing: the caller formats the files.
        out: false,
        output: false,
        reporter: () => '',
        streamIn: new PassThrough(),
        streamOut: new PassThrough(),
        streamError: new PassThrough()
      },
      (error, _code, context) => {
        if (error) {
          reject(error)
          return
        }
        // Files finish in any order: report them sorted by path.
        const given = (context?.files ?? [])
          .filter((file) => file.data.unifiedEngineGiven)
          .sort((a, b) => comparePaths(a.path, b.path))
        resolve({files: given.filter((file) => !isIgnored(file)), found: given.length})
      }
    )
  })
}

/**
 * The engine keeps each file's tree until every file is transformed (so that
 * plugins may look across files), which holds every tree of a large folder
 * in memory at once. The CLI writes no file and prints no tree, so a file's
 * tree is of no use once its plugins ran: the engine gets an empty root
 * instead, and the tree goes with the first garbage collection.
 */
function releasingTrees<Base extends () => {run: unknown}>(base: Base): Base {
  const make = () => {
    const processor = base()
    const run = (processor.run as RunFunction).bind(processor)
    Object.defineProperty(processor, 'run', {
      value: (tree: Root, file: VFile, done: RunCallback) =>
        run(tree, file, (error, result) => done(error, error ? result : {type: 'root', children: []}))
    })
    return processor
  }
  return make as unknown as Base
}

type RunFunction = (tree: Root, file: VFile, done: RunCallback) => void
type RunCallback = (error: Error | undefined, tree?: Root) => void

/**
 * A file `.remarkignore` lists is skipped, also when it is named (pre-commit
 * and lint-staged name every staged file): the engine marks it with one fatal
 * message, which is not a finding about the document.
 */
function isIgnored(file: VFile): boolean {
  return (
    file.data.unifiedEngineIgnored === true ||
    file.messages.some(
      (message) => message.fatal === true && message.reason.startsWith('Cannot process specified file')
    )
  )
}

function comparePaths(a: string | undefined, b: string | undefined): number {
  const left = a ?? ''
  const right = b ?? ''
  return left < right ? -1 : left > right ? 1 : 0
}
