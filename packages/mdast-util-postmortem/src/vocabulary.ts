/**
 * The concepts a postmortem section can stand for, with the heading texts
 * writers use for them. Texts are written as people write them; they are
 * normalized (see `normalizeLabel`) before matching.
 */
export const conceptAliases: Readonly<Record<string, readonly string[]>> = {
  summary: [
    'summary',
    'issue summary',
    'incident summary',
    'executive summary',
    'overview',
    'incident overview',
    'what happened',
    'tl;dr',
    'tldr',
    'abstract',
    'incident description',
    'description'
  ],
  impact: [
    'impact',
    'user impact',
    'customer impact',
    'business impact',
    'impact assessment',
    'what was impacted',
    'who was affected',
    'blast radius'
  ],
  timeline: [
    'timeline',
    'timeline of events',
    'incident timeline',
    'chronology',
    'sequence of events',
    'timeline of the incident',
    'events timeline'
  ],
  'root-cause': [
    'root cause',
    'root cause analysis',
    'rca',
    'cause',
    'contributing factors',
    'five whys',
    '5 whys',
    'what caused the incident',
    'why it happened'
  ],
  resolution: [
    'resolution',
    'resolution and recovery',
    'recovery',
    'mitigation',
    'remediation',
    'the fix',
    'fix',
    'how it was fixed',
    'how we fixed it'
  ],
  'action-items': [
    'action items',
    'action item',
    'follow-ups',
    'follow-up tasks',
    'follow-up actions',
    'corrective actions',
    'corrective measures',
    'preventative measures',
    'preventive measures',
    'corrective and preventative measures',
    'preventative actions',
    'next steps',
    'tasks',
    'task list',
    'todo',
    'to-do',
    'prevention',
    'improvements',
    'action plan',
    'what we are doing about it',
    'what were doing about it',
    'future prevention',
    'future measures',
    'preventative steps'
  ],
  'lessons-learned': [
    'lessons learned',
    'lessons',
    'takeaways',
    'what went well',
    'what went wrong',
    'what went poorly',
    'what went badly',
    'where we got lucky',
    'where did we get lucky',
    'how did we do'
  ],
  detection: ['detection', 'how was it detected', 'how we detected it'],
  trigger: ['trigger', 'triggers'],
  response: ['response', 'incident response'],
  leadup: ['leadup', 'lead up', 'lead-up'],
  fault: ['fault'],
  responders: ['responders', 'attendees', 'staff present', 'people involved'],
  messaging: ['messaging', 'internal messaging', 'external messaging', 'communication', 'communications']
}
