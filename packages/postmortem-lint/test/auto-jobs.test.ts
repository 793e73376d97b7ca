import {autoJobs, maxAutoJobs, minCoresForWorkers} from 'postmortem-lint'
import {describe, expect, it} from 'vitest'

// `--jobs auto`: worker threads only where they were measured to pay off.
describe('autoJobs', () => {
  it('starts no worker on one or two cores', () => {
    expect(minCoresForWorkers).toBe(3)
    expect(autoJobs(1)).toBe(1)
    expect(autoJobs(2)).toBe(1)
  })

  it('is one per core from three cores, at most eight', () => {
    expect(autoJobs(3)).toBe(3)
    expect(autoJobs(4)).toBe(4)
    expect(autoJobs(8)).toBe(8)
    expect(autoJobs(64)).toBe(maxAutoJobs)
    expect(maxAutoJobs).toBe(8)
  })
})
