/**
 * Linting a large set of files in worker threads. Each worker runs the same
 * engine as the calling thread (`lintInThread`) on its share of the files and
 * sends the files back; they are rebuilt here as `VFile`s with
 * `VFileMessage`s, field by field, so that every report is the same as when
 * one thread lints them all.
 *
 * A worker runs this very module: `new Worker(import.meta.url)`. Built by
 * `tsc`, that is this file; in the bundle, it is the bundle's bin (which
 * stands for `import.meta.url` there and runs the bundled script), whose
 * CLI then does not start (see `isLintWorker`).
 */
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads'
import {OptionError} from 'mdast-util-postmortem'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {type EngineRunOptions, lintInThread, maxShare} from './engine.js'

const marker = 'postmortem-lint worker'

/**
 * Size of a worker's young generation, in MiB. Linting makes many short-lived
 * objects (tokens, trees): a young generation larger than V8's default lets
 * fewer of them be copied and promoted, which halves the time spent in minor
 * garbage collections. Larger sizes gain nothing more and cost memory.
 */
const youngGenerationMb = 64

/** What a worker is started with. */
interface Setup {
  readonly marker: typeof marker
  readonly options: Omit<EngineRunOptions, 'files'>
}

/** A share of files to lint: their absolute paths. */
interface Share {
  readonly files: readonly string[]
}

type Reply = {readonly files: SerializedFile[]} | {readonly error: SerializedCause}

interface SerializedFile {
  /** The file's own fields (`cwd`, `data`, `history`, `value`, ...), less `messages`. */
  readonly fields: Record<string, unknown>
  readonly messages: SerializedMessage[]
}

interface SerializedMessage {
  /** Every field but `cause`, in the message's order. */
  readonly fields: Record<string, unknown>
  readonly cause?: SerializedCause | undefined
}

type SerializedCause =
  | {readonly kind: 'message'; readonly message: SerializedMessage}
  | {
      readonly kind: 'error'
      readonly name: string
      readonly message: string
      readonly stack: string | undefined
      readonly fields: Record<string, unknown>
      readonly cause?: SerializedCause | undefined
    }
  | {readonly kind: 'value'; readonly value: unknown}

/** Whether this thread is a worker of a `WorkerPool` (the CLI must not run in it). */
export function isLintWorker(): boolean {
  return !isMainThread && isSetup(workerData)
}

function isSetup(value: unknown): value is Setup {
  return typeof value === 'object' && value !== null && (value as {marker?: unknown}).marker === marker
}

/**
 * Worker threads that lint files with the same options: `grow` starts them,
 * `lint` hands them the files a share at a time, `close` stops them all.
 */
export class WorkerPool {
  readonly #options: Omit<EngineRunOptions, 'files'>
  readonly #workers: Worker[] = []
  /** The first problem with a worker (one that failed to load or crashed). */
  #failure: {readonly error: unknown} | undefined
  #onFailure: ((error: unknown) => void) | undefined
  #closed = false

  constructor(options: Omit<EngineRunOptions, 'files'>) {
    this.#options = {
      cwd: options.cwd,
      profile: options.profile,
      detectConfig: options.detectConfig,
      detectIgnore: options.detectIgnore,
      configPath: options.configPath
    }
  }

  /** How many workers were started. */
  get size(): number {
    return this.#workers.length
  }

  /** Start workers until there are `size`. */
  grow(size: number): void {
    while (this.#workers.length < size) {
      const setup: Setup = {marker, options: this.#options}
      const worker = new Worker(new URL(import.meta.url), {
        workerData: setup,
        resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb}
      })
      worker.on('error', (error) => this.#fail(error))
      worker.on('exit', (code) => {
        if (!this.#closed) this.#fail(new Error(`A lint worker stopped with exit code ${code} before it was done`))
      })
      this.#workers.push(worker)
    }
  }

  /**
   * Lint `files` (absolute paths, found beforehand) in the workers, a share
   * at a time each.
   * Resolves to the files the engine was given, in no particular order;
   * rejects as `lintInThread` would.
   */
  lint(files: readonly string[]): Promise<VFile[]> {
    // About four shares a worker at least, so that they finish together.
    const size = Math.max(10, Math.min(maxShare, Math.ceil(files.length / (this.#workers.length * 4))))
    const shares: string[][] = []
    for (let start = 0; start < files.length; start += size) shares.push(files.slice(start, start + size))
    const results: VFile[] = []
    let pending = shares.length
    return new Promise((resolve, reject) => {
      let settled = false
      const settle = (error?: {readonly error: unknown}) => {
        if (settled) return
        settled = true
        this.#onFailure = undefined
        if (error) reject(error.error)
        else resolve(results)
      }
      if (this.#failure) return settle(this.#failure)
      if (this.#workers.length === 0) return settle({error: new Error('No lint worker was started')})
      this.#onFailure = (error) => settle({error})
      if (pending === 0) return settle()
      for (const worker of this.#workers) {
        const next = () => {
          const share = shares.shift()
          if (share) worker.postMessage({files: share} satisfies Share)
        }
        worker.on('message', (reply: Reply) => {
          if ('error' in reply) return settle({error: rebuildCause(reply.error)})
          for (const file of reply.files) results.push(rebuildFile(file))
          if (--pending === 0) settle()
          else next()
        })
        next()
      }
    })
  }

  /** Stop every worker. */
  close(): void {
    this.#closed = true
    for (const worker of this.#workers) void worker.terminate()
  }

  #fail(error: unknown): void {
    this.#failure ??= {error}
    this.#onFailure?.(error)
  }
}

/** The worker's side: lint each share it is sent, send the files back. */
function work(setup: Setup): void {
  parentPort?.on('message', async (share: Share) => {
    let reply: Reply
    try {
      const {given} = await lintInThread({...setup.options, files: share.files})
      reply = {files: given.map((file) => serializeFile(file))}
    } catch (error) {
      reply = {error: serializeCause(error)}
    }
    parentPort?.postMessage(reply)
  })
}

if (isLintWorker()) work(workerData as Setup)

function serializeFile(file: VFile): SerializedFile {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(file)) {
    if (key === 'messages') continue
    if (key === 'data') fields[key] = cloneableEntries(value as Record<string, unknown>)
    else if (cloneable(value)) fields[key] = value
  }
  return {fields, messages: file.messages.map((message) => serializeMessage(message))}
}

function rebuildFile(serialized: SerializedFile): VFile {
  const file = new VFile()
  Object.assign(file, serialized.fields)
  file.messages = serialized.messages.map((message) => rebuildMessage(message))
  return file
}

function serializeMessage(message: VFileMessage): SerializedMessage {
  const fields: Record<string, unknown> = {}
  let cause: SerializedCause | undefined
  // `for in`: the fields a message has of its own and those its class declares.
  for (const key in message) {
    const value = (message as unknown as Record<string, unknown>)[key]
    if (key === 'cause') cause = value === undefined ? undefined : serializeCause(value)
    else if (cloneable(value)) fields[key] = value
  }
  return {fields, cause}
}

function rebuildMessage(serialized: SerializedMessage): VFileMessage {
  const message = new VFileMessage('')
  Object.assign(message, serialized.fields)
  if (serialized.cause) message.cause = rebuildCause(serialized.cause)
  return message
}

function serializeCause(value: unknown): SerializedCause {
  // A message, as rules give for a related place (recognised as vfile-reporter does).
  if (typeof value === 'object' && value !== null && 'file' in value && 'fatal' in value && 'reason' in value) {
    return {kind: 'message', message: serializeMessage(value as VFileMessage)}
  }
  if (value instanceof Error) {
    const fields: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(value)) {
      if (key !== 'cause' && key !== 'stack' && key !== 'message' && cloneable(field)) fields[key] = field
    }
    return {
      kind: 'error',
      name: value.name,
      message: value.message,
      stack: value.stack,
      fields,
      cause: value.cause === undefined ? undefined : serializeCause(value.cause)
    }
  }
  return {kind: 'value', value: cloneable(value) ? value : String(value)}
}

function rebuildCause(serialized: SerializedCause): unknown {
  if (serialized.kind === 'message') return rebuildMessage(serialized.message)
  if (serialized.kind === 'value') return serialized.value
  const error = serialized.name === 'OptionError' ? new OptionError(serialized.message) : new Error(serialized.message)
  if (error.name !== serialized.name) {
    Object.defineProperty(error, 'name', {value: serialized.name, writable: true, configurable: true})
  }
  if (serialized.stack !== undefined) error.stack = serialized.stack
  Object.assign(error, serialized.fields)
  if (serialized.cause) {
    // As `new Error(message, {cause})` makes it: not enumerable.
    Object.defineProperty(error, 'cause', {value: rebuildCause(serialized.cause), writable: true, configurable: true})
  }
  return error
}

/** The entries of `data` that survive the trip to another thread. */
function cloneableEntries(data: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) if (cloneable(value)) result[key] = value
  return result
}

/** Whether `value` can be posted to another thread as it is. */
function cloneable(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false
  if (typeof value !== 'object' || value === null) return true
  try {
    structuredClone(value)
    return true
  } catch {
    return false
  }
}
