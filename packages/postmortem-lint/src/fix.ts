import {applyFixes, isPostmortemFix, type PostmortemFix} from 'mdast-util-postmortem'
import {VFile} from 'vfile'

/**
 * How many times fixes are applied and the text linted again, at most: a fix
 * that overlaps one applied first is applied on the next pass, from the new
 * text's messages (ESLint stops at 10 passes too).
 */
export const maxFixPasses = 10

/** A file that fixes changed. */
export interface FixedFile {
  /** The file as last linted: its text is the fixed text, its messages what is left. */
  readonly file: VFile
  /** The text before any fix. */
  readonly original: string
  readonly text: string
  /** How many fixes were applied, over every pass. */
  readonly count: number
}

/** What `fixFiles` did. */
export interface FixResult {
  /** The files, in the order given, each as last linted. */
  readonly files: VFile[]
  /** The files whose text changed, in the same order. */
  readonly fixed: FixedFile[]
  /** Files left as they are because their bytes are not UTF-8 text (which writing them back would change). */
  readonly notText: VFile[]
}

/** Lint files given with their text again, the way the first run did. */
export type Relint = (files: VFile[]) => Promise<VFile[]>

/**
 * Apply every safe fix of every file, lint the fixed text again and repeat,
 * until no safe fix is left, a pass changes nothing, or `maxFixPasses`. The
 * text between fixes is kept byte for byte. Nothing is written here.
 */
export async function fixFiles(files: readonly VFile[], relint: Relint): Promise<FixResult> {
  const states = new Map<VFile, {file: VFile; original: string; text: string; count: number; seen: Set<string>}>()
  const notText: VFile[] = []
  for (const file of files) {
    if (!safeFixes(file).length) continue
    const original = textOf(file)
    if (original === undefined) {
      notText.push(file)
      continue
    }
    states.set(file, {file, original, text: original, count: 0, seen: new Set([original])})
  }
  let pending = [...states.values()]
  for (let pass = 0; pass < maxFixPasses && pending.length > 0; pass++) {
    const next: typeof pending = []
    for (const state of pending) {
      const {text, applied} = applyFixes(state.text, safeFixes(state.file))
      // A text seen before: fixes undo each other; stop with the one linted last.
      if (applied.length === 0 || state.seen.has(text)) continue
      state.seen.add(text)
      state.text = text
      state.count += applied.length
      next.push(state)
    }
    if (next.length === 0) break
    const linted = await relint(
      next.map((state) => new VFile({path: state.file.path, cwd: state.file.cwd, value: state.text}))
    )
    // The engine gives files back sorted by path: find each by its own.
    for (const state of next) {
      const file = linted.find((item) => item.path === state.file.path)
      if (file) state.file = file
    }
    pending = next.filter((state) => safeFixes(state.file).length > 0)
  }
  const fixed: FixedFile[] = []
  const result = files.map((file) => {
    const state = states.get(file)
    if (!state) return file
    if (state.text !== state.original) fixed.push(state)
    return state.file
  })
  return {files: result, fixed, notText}
}

/** The fixes `--fix` applies: those of postmortem rules marked safe. */
export function safeFixes(file: VFile): PostmortemFix[] {
  const fixes: PostmortemFix[] = []
  for (const message of file.messages) {
    const fix = (message as {fix?: unknown}).fix
    if (isPostmortemFix(fix) && fix.safe) fixes.push(fix)
  }
  return fixes
}

/**
 * A file's text, as the rules read it; `undefined` when its bytes are not
 * UTF-8 (read as text and written back, they would change where no fix is).
 */
function textOf(file: VFile): string | undefined {
  const value = file.value
  if (typeof value === 'string') return value
  if (value === undefined || value === null) return undefined
  const text = Buffer.from(value).toString('utf8')
  return Buffer.from(text, 'utf8').equals(Buffer.from(value)) ? text : undefined
}
