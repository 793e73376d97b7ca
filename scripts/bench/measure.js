// Timing helpers: medians of repeated runs, with short runs batched so that
// a sample is long enough for the clock to be meaningful.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Milliseconds that one call of `fn` takes, averaged over a batch of at least
 * `minimum` ms. No garbage collection is forced between samples: a forced
 * full collection shrinks the young generation, and the next samples then
 * pay for many more scavenges than a linter running steadily does (parsing
 * alone measured 2.6× slower that way). The pipelines take turns, so the
 * garbage one leaves is collected while the next runs, alike for all.
 */
export function sample(fn, estimate, minimum = 100) {
  const repeat = Math.max(1, Math.ceil(minimum / Math.max(estimate, 0.001)))
  const start = performance.now()
  for (let index = 0; index < repeat; index++) fn()
  return (performance.now() - start) / repeat
}

/**
 * Median milliseconds of each function over `runs` samples, the functions
 * taking turns within each round so that drift hits them alike. Each turn
 * starts with a sample that is thrown away: the garbage the function before
 * left is collected during it, so that each kept sample pays for the
 * collection of its own garbage only (a pipeline that makes little garbage
 * would otherwise pay for the one before it). A large input run once per
 * sample (`single`) has no such sample: its own garbage dwarfs the rest.
 */
export function compare(fns, runs, {single = false} = {}) {
  const keys = Object.keys(fns)
  const estimates = {}
  for (const key of keys) {
    // A large input is run once per sample, with no extra warm-up run: the
    // smaller inputs before it have warmed the code up already.
    if (single) {
      estimates[key] = Number.POSITIVE_INFINITY
      continue
    }
    const start = performance.now()
    fns[key]()
    estimates[key] = performance.now() - start
  }
  const samples = Object.fromEntries(keys.map((key) => [key, []]))
  for (let round = 0; round < runs; round++) {
    // Rotate the order each round.
    for (let offset = 0; offset < keys.length; offset++) {
      const key = keys[(round + offset) % keys.length]
      if (!single) sample(fns[key], estimates[key])
      samples[key].push(sample(fns[key], estimates[key]))
    }
  }
  return Object.fromEntries(keys.map((key) => [key, median(samples[key])]))
}

export function formatMs(ms) {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 10) return `${ms.toFixed(0)} ms`
  if (ms >= 1) return `${ms.toFixed(1)} ms`
  return `${ms.toFixed(2)} ms`
}

export function formatUs(us) {
  return us >= 100 ? `${us.toFixed(0)} µs` : `${us.toFixed(1)} µs`
}

/** A Markdown table from a header row and body rows. */
export function table(header, rows) {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => String(row[index]).length)))
  const line = (cells) => `| ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' | ')} |`
  return [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n')
}
