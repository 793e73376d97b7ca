import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

export interface StylishOptions {
  /** ANSI colors (the CLI turns them on for a terminal only). */
  readonly color?: boolean | undefined
  /** Leave out files without messages. */
  readonly quiet?: boolean | undefined
}

/** The report remark prints: a block per file, then a count. */
export function formatStylish(files: readonly VFile[], options: StylishOptions = {}): string {
  const text = reporter([...files], {color: options.color ?? false, quiet: options.quiet ?? false})
  return text === '' || text.endsWith('\n') ? text : text + '\n'
}
