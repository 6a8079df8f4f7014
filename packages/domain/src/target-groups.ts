/**
 * The standard target groups (målgrupper): whom an activity or event is meant to reach. A unit's register of
 * target groups is seeded from this list and the chief may edit it; an event evaluation that cannot read the
 * register (or a unit that has emptied it) falls back to this list. The Södertörn owners' survey asked about
 * political leadership, unit managers and staff separately, which is why they are separate groups here.
 * The keys are stable: stored answers and seeded register rows refer to them.
 */
export interface StandardTargetGroup {
  readonly key: string;
  readonly sv: string;
  readonly en: string;
}

export const STANDARD_TARGET_GROUPS: readonly StandardTargetGroup[] = [
  { key: 'ledning', sv: 'Socialchefer och ledning', en: 'Heads of social services and management' },
  { key: 'enhetschefer', sv: 'Enhetschefer', en: 'Unit managers' },
  { key: 'medarbetare', sv: 'Handläggare och medarbetare', en: 'Case workers and staff' },
  { key: 'politiker', sv: 'Politiker', en: 'Politicians' },
  { key: 'brukare', sv: 'Brukare och anhöriga', en: 'Service users and relatives' },
  { key: 'forskare', sv: 'Forskare', en: 'Researchers' },
  { key: 'fou', sv: 'Andra FoU-enheter', en: 'Other R&D units' },
];
