/**
 * What the CLI does to a config file the engine loads (`.remarkrc*`, a
 * `remarkConfig` field, or `--config`): reject a field remark does not know
 * (`"plugin"` for `"plugins"` would otherwise lint with nothing; `"$schema"`,
 * for editors, is fine), swap the
 * names of built-in plugins for the plugins themselves, and make sure the
 * postmortem rules run.
 *
 * A project's usual remark config (`remark-preset-lint-recommended`, say)
 * runs no postmortem rule: linting with it alone would report "no issues
 * found" for any postmortem. The CLI is run to lint postmortems, so when the
 * config that applies to a file runs no `postmortem-*` rule, the preset is
 * added to it (with `--profile`), the config's own plugins still run, and the
 * file is marked so that the CLI says so once on stderr.
 */
import * as path from 'node:path'
import {listAllowed, OptionError} from 'mdast-util-postmortem'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import type {Plugin, Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'
import {useBuiltinPlugins} from './builtins.js'

/** The fields a remark config may have. */
const configFields = ['plugins', 'settings'] as const
/** Fields for editors, which remark ignores: the JSON schema of the file. */
const editorFields: readonly string[] = ['$schema']

declare module 'vfile' {
  interface DataMap {
    /** The config the preset was added to (relative to the run's folder, with `/`). */
    postmortemLintAddedPreset: string
  }
}

export interface ConfigTransformOptions {
  readonly cwd: string
  /** The profile of the preset when it is added. */
  readonly profile?: string | undefined
}

/** The `configTransform` of an engine run. */
export function configTransform(options: ConfigTransformOptions): (config: unknown, filePath: string) => unknown {
  return (config, filePath) => {
    if (typeof config === 'object' && config !== null && !Array.isArray(config)) {
      for (const key of Object.keys(config)) {
        if (!(configFields as readonly string[]).includes(key) && !editorFields.includes(key)) {
          throw new OptionError(`Unexpected field \`${key}\`, expected ${listAllowed(configFields)}`)
        }
      }
    }
    const swapped = useBuiltinPlugins(config) as {plugins?: unknown; settings?: unknown}
    const plugins = swapped.plugins ?? []
    const name = path.relative(options.cwd, filePath).split(path.sep).join('/')
    const guard = [ensurePostmortemRules, {config: name, profile: options.profile}]
    // A map of plugins became a list above; anything else the engine rejects itself.
    return Array.isArray(plugins) ? {...swapped, plugins: [...plugins, guard]} : swapped
  }
}

interface GuardOptions {
  readonly config: string
  readonly profile: string | undefined
}

/**
 * Attached after the config's plugins (and the plugins they attached), so
 * it sees whether one of them runs a postmortem rule: each rule, whichever
 * copy of the package it comes from, and the preset note the rules they
 * attach in the processor's `postmortemRules`.
 */
const ensurePostmortemRules: Plugin<[GuardOptions]> = function (this: Processor, options: GuardOptions) {
  if ((this.data('postmortemRules') ?? []).length > 0) return undefined
  this.use(remarkPresetLintPostmortem, options.profile === undefined ? undefined : {profile: options.profile})
  const mark: Transformer = (_tree, file: VFile) => {
    file.data.postmortemLintAddedPreset = options.config
  }
  return mark
}

/** The configs the preset was added to in a run, each once, in path order. */
export function configsWithAddedPreset(files: readonly VFile[]): string[] {
  const names = new Set<string>()
  for (const file of files) {
    const name = file.data.postmortemLintAddedPreset
    if (typeof name === 'string') names.add(name)
  }
  return [...names].sort()
}
