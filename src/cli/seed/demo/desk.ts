import type { DemoArticle } from './types.ts';

/**
 * The newsroom's work in progress, so the web app has something on every list a newcomer opens: a
 * draft still waiting for a figure (the "TK" that blocks publishing), a story a reporter has submitted
 * for edit, and one scheduled for tomorrow morning. None of it reaches readers until it is published.
 */
export interface DemoDeskStory extends Omit<DemoArticle, 'hoursAgo' | 'updatedHoursAgo' | 'corrections' | 'related'> {
  state: 'draft' | 'ready' | 'scheduled';
  /** For a scheduled story: how many hours from the seed it goes live. */
  hoursAhead?: number;
}

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });

export const deskStories: DemoDeskStory[] = [
  {
    state: 'draft',
    slug: 'water-tariffs-new-rates',
    headline: 'Water tariffs: what the new rates mean for households',
    dek: 'The utility’s board approved tiered prices. Families using more than 20 cubic meters a month will pay TK percent more.',
    label: 'explainer',
    section: 'environment',
    authors: ['rosa-itzel-cruz'],
    tags: ['water', 'local-government'],
    dateline: 'SAN MATEO',
    image: 'reservoir-low',
    body: [
      p('The water utility’s board voted on Monday to replace the flat monthly charge with three tiers.'),
      p(
        'A household that uses up to 10 cubic meters a month will pay the same as now. Above that, the price per cubic meter rises to TK pesos, and above 20 cubic meters to TK pesos.',
      ),
      p(
        'The utility says the change will bring in TK million pesos a year, to be spent on fixing leaks that lose a third of the water it pumps.',
      ),
    ],
  },
  {
    state: 'ready',
    slug: 'night-market-returns-to-plaza',
    headline: 'The night market returns to the plaza after four years',
    dek: 'Forty stalls, music and a curfew: the council’s pilot runs every Friday until the rains.',
    label: 'report',
    section: 'culture',
    authors: ['camila-herrera'],
    tags: ['local-government'],
    dateline: 'SAN MATEO',
    image: 'tuesday-market',
    body: [
      p('For the first time since 2022, the central plaza filled with stalls after dark on Friday.'),
      p(
        'The council approved a pilot of twelve Fridays, with stalls closing at 11 p.m. and a municipal crew cleaning up before dawn.',
      ),
      p('“People asked for it at every neighborhood meeting,” said the councillor who proposed it.'),
    ],
  },
  {
    state: 'scheduled',
    hoursAhead: 18,
    slug: 'reservoir-levels-weekly-update',
    headline: 'Reservoir levels: this week’s figures',
    dek: 'The valley’s two reservoirs, week by week, as the dry season goes on.',
    label: 'report',
    section: 'environment',
    authors: ['rosa-itzel-cruz'],
    tags: ['water', 'drought'],
    dateline: 'SAN MATEO',
    image: 'dry-riverbed',
    body: [
      p('The El Cerrito reservoir stood at 31 percent of capacity on Sunday, down two points in a week.'),
      p('The smaller Las Palmas reservoir, which supplies the eastern neighborhoods, was at 18 percent.'),
    ],
  },
];
