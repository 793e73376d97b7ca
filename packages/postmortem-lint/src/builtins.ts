/**
 * The plugins this CLI carries itself. A config file that names one of them
 * (`remark-preset-lint-postmortem`, `remark-lint-postmortem-timeline-order`,
 * `remark-lint`, or the same without the `remark-` prefix) gets the CLI's own
 * copy instead of one resolved from the config's folder. That way a project
 * that only installed the CLI, or the pre-commit hook (installed on its own,
 * away from the project), still runs the project's `.remarkrc`, and the
 * preset recognises the rules a config lists after it (it compares plugins,
 * not names). Every other name resolves as in remark.
 */
import remarkLint from 'remark-lint'
import remarkPresetLintPostmortem, {rules} from 'remark-preset-lint-postmortem'
import type {Plugin} from 'unified'

type AnyPlugin = Plugin<never[]>

function builtinPlugins(): Map<string, AnyPlugin> {
  const map = new Map<string, AnyPlugin>()
  const add = (name: string, plugin: unknown) => {
    map.set(name, plugin as AnyPlugin)
    map.set(name.slice('remark-'.length), plugin as AnyPlugin)
  }
  add('remark-preset-lint-postmortem', remarkPresetLintPostmortem)
  add('remark-lint', remarkLint)
  for (const rule of rules) add(`remark-lint-${rule.ruleId}`, rule)
  return map
}

let cached: Map<string, AnyPlugin> | undefined

/** The built-in plugin for a name a config file uses, if there is one. */
export function builtinPlugin(name: string): AnyPlugin | undefined {
  cached ??= builtinPlugins()
  return cached.get(name)
}

/**
 * `configTransform` for unified-engine: swap the names of built-in plugins in
 * a loaded config for the plugins themselves. Lists (`[name, options]` or
 * `name`) and maps (`{name: options}`) are both handled; a map becomes a list
 * in the same order, which the engine treats the same way.
 */
export function useBuiltinPlugins(config: unknown): unknown {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return config
  const {plugins} = config as {plugins?: unknown}
  if (Array.isArray(plugins)) {
    return {...config, plugins: plugins.map((entry: unknown) => swapEntry(entry))}
  }
  if (typeof plugins === 'object' && plugins !== null) {
    return {
      ...config,
      plugins: Object.entries(plugins).map(([name, options]) => [builtinPlugin(name) ?? name, options])
    }
  }
  return config
}

function swapEntry(entry: unknown): unknown {
  if (typeof entry === 'string') return builtinPlugin(entry) ?? entry
  if (Array.isArray(entry) && typeof entry[0] === 'string') {
    const plugin = builtinPlugin(entry[0])
    return plugin ? [plugin, ...entry.slice(1)] : entry
  }
  return entry
}
