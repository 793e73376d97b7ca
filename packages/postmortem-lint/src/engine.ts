import {PassThrough} from 'node:stream'
import markdownExtensions from 'markdown-extensions'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import remarkStringify from 'remark-stringify'
import {type Plugin, unified} from 'unified'
import {type Options as EngineOptions, engine} from 'unified-engine'
import type {VFile} from 'vfile'
import {configTransform} from './config.js'

/** What one engine run lints: the options of `lintFiles` less `jobs`. */
export interface EngineRunOptions {
  /** Files, folders and globs, or files (absolute paths) found before. */
  readonly files: ReadonlyArray<string | VFile>
  readonly cwd: string
  readonly profile?: string | undefined
  readonly detectConfig: boolean
  readonly detectIgnore: boolean
  /** A config file to use for every file instead of the search (absolute). */
  readonly configPath?: string | undefined
}

/** The files an engine run was given (paths found, globs expanded), sorted by path. */
export interface EngineRun {
  /** Every file the paths and globs found, ignored ones and missing ones included. */
  readonly given: VFile[]
}

/**
 * Lint files the way `remark` does (same config files, ignore files and
 * plugin resolution), with `remark-preset-lint-postmortem` when no config
 * applies, in the calling thread.
 */
export function lintInThread(options: EngineRunOptions): Promise<EngineRun> {
  const processor = releasingTrees(unified().use(remarkParse).use(remarkStringify))
  const presetOptions = options.profile === undefined ? undefined : {profile: options.profile}
  return runEngine({
    processor,
    files: [...options.files],
    cwd: options.cwd,
    rcName: '.remarkrc',
    packageField: 'remarkConfig',
    pluginPrefix: 'remark',
    detectConfig: options.detectConfig,
    detectIgnore: options.detectIgnore,
    ...(options.configPath === undefined ? {} : {rcPath: options.configPath}),
    defaultConfig: {plugins: [[remarkPresetLintPostmortem as Plugin<unknown[]>, presetOptions]]},
    configTransform: configTransform({cwd: options.cwd, profile: options.profile}) as never
  })
}

/**
 * The most files in one engine run of a large run. The engine's work per
 * file grows with the number of files in a run (it checks every file of the
 * run each time one is done), and so does what outlives a minor garbage
 * collection: a large run is linted a share at a time.
 */
export const maxShare = 250

/** The ignore file's name, as remark names it. */
export const ignoreName = '.remarkignore'

/**
 * Run the engine with the settings the CLI always uses (Markdown
 * extensions, `.remarkignore`, nothing reported or written) and `settings`.
 */
export function runEngine(settings: EngineOptions): Promise<EngineRun> {
  return new Promise((resolve, reject) => {
    engine(
      {
        ...settings,
        extensions: markdownExtensions,
        ignoreName,
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
        // The files the engine worked on: a file found twice (named, and in
        // a folder or glob also named) is in `context.files` twice, but
        // went through the engine once, as the file set holds it. Files
        // finish in any order: report them sorted by path.
        const given = (context?.fileSet.valueOf() ?? [])
          .filter((file) => file.data.unifiedEngineGiven)
          .sort((a, b) => comparePaths(a.path, b.path))
        resolve({given})
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
export function isIgnored(file: VFile): boolean {
  return (
    file.data.unifiedEngineIgnored === true ||
    file.messages.some(
      (message) => message.fatal === true && message.reason.startsWith('Cannot process specified file')
    )
  )
}

export function comparePaths(a: string | undefined, b: string | undefined): number {
  const left = a ?? ''
  const right = b ?? ''
  return left < right ? -1 : left > right ? 1 : 0
}
