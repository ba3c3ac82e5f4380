// The subjects of integration work the corpus writes about, and the portal
// themes each one files under.
export const TOPICS = [
  'residence', 'family', 'language', 'recognition', 'housing', 'health', 'education',
  'labour', 'civic', 'discrimination', 'reception', 'minors', 'citizenship',
] as const;
export type TopicKey = (typeof TOPICS)[number];

/** The theme slug (shared/content.ts THEMES) a topic is filed under first. */
export const TOPIC_THEME: Record<TopicKey, string> = {
  residence: 'social-inclusion',
  family: 'family-reunification',
  language: 'language-learning',
  recognition: 'employment',
  housing: 'housing',
  health: 'health',
  education: 'education',
  labour: 'labour-market-integration',
  civic: 'civic-participation',
  discrimination: 'anti-discrimination',
  reception: 'reception',
  minors: 'youth',
  citizenship: 'citizenship',
};

/** Themes a text on the topic often touches as well. */
export const RELATED_THEMES: Record<TopicKey, readonly string[]> = {
  residence: ['employment', 'citizenship'],
  family: ['women', 'social-inclusion'],
  language: ['education', 'employment'],
  recognition: ['labour-market-integration', 'education'],
  housing: ['social-inclusion', 'refugees'],
  health: ['refugees', 'women'],
  education: ['youth', 'language-learning'],
  labour: ['employment', 'women'],
  civic: ['culture-and-religion', 'social-inclusion'],
  discrimination: ['employment', 'culture-and-religion'],
  reception: ['refugees', 'housing'],
  minors: ['refugees', 'education'],
  citizenship: ['civic-participation', 'language-learning'],
};

/**
 * What each of a topic's six measures is, in the same order in every
 * language's word list, so that sentences put the right verbs to them: one
 * takes part in a service, is granted a document, lodges an application,
 * goes through a procedure, waits for a slot, lives in a facility, is
 * assigned a person, receives money, turns to a body.
 */
export type MeasureKind = 'service' | 'document' | 'application' | 'procedure' | 'slot' | 'facility' | 'person' | 'money' | 'body';
export const MEASURE_KINDS: Record<TopicKey, readonly MeasureKind[]> = {
  residence: ['document', 'procedure', 'document', 'document', 'document', 'slot'],
  family: ['application', 'slot', 'procedure', 'procedure', 'procedure', 'document'],
  language: ['service', 'service', 'service', 'procedure', 'slot', 'service'],
  recognition: ['procedure', 'document', 'service', 'procedure', 'service', 'procedure'],
  housing: ['slot', 'money', 'document', 'slot', 'service', 'money'],
  health: ['procedure', 'document', 'person', 'service', 'service', 'person'],
  education: ['service', 'slot', 'service', 'slot', 'person', 'service'],
  labour: ['service', 'service', 'service', 'document', 'document', 'document'],
  civic: ['service', 'document', 'service', 'service', 'procedure', 'document'],
  discrimination: ['application', 'body', 'service', 'procedure', 'procedure', 'document'],
  reception: ['facility', 'slot', 'application', 'money', 'facility', 'facility'],
  minors: ['person', 'procedure', 'person', 'slot', 'facility', 'document'],
  citizenship: ['application', 'procedure', 'service', 'document', 'money', 'procedure'],
};
