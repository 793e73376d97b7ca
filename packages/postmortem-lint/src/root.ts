import {statSync} from 'node:fs'
import * as path from 'node:path'

/**
 * The top folder of the git repository `cwd` is in (the folder holding
 * `.git`, a folder or, in a worktree or submodule, a file), or `cwd` when it
 * is in none: GitHub annotations and GitLab reports name files from there,
 * whichever folder the CLI ran in.
 */
export function repositoryRoot(cwd: string): string {
  let folder = path.resolve(cwd)
  for (;;) {
    try {
      statSync(path.join(folder, '.git'))
      return folder
    } catch {}
    const parent = path.dirname(folder)
    if (parent === folder) return path.resolve(cwd)
    folder = parent
  }
}
