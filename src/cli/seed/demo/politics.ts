import { a, b, h2, i, img, ol, p, quote, rel, ul } from './blocks.ts';
import type { DemoArticle } from './types.ts';

export const articles: DemoArticle[] = [
  {
    slug: 'ocotal-council-approves-emergency-water-budget',
    headline: 'San Lorenzo Ocotal council approves emergency water budget after a tense night session',
    dek: 'The 7-4 vote moves 4.2 million pesos into tanker trucks and well repairs, but leaves a promised audit of the town’s water utility for later.',
    label: 'report',
    section: 'politics',
    authors: ['ana-lucia-mendoza', 'rosa-itzel-cruz'],
    tags: ['local-government', 'water', 'drought'],
    dateline: 'SAN LORENZO OCOTAL, Oaxaca',
    hoursAgo: 6,
    updatedHoursAgo: 2,
    image: 'city-hall',
    related: ['valley-wells-run-dry', 'opinion-small-town-budgets'],
    body: [
      p(
        'The town council of San Lorenzo Ocotal voted 7-4 shortly after midnight to move 4.2 million pesos into an emergency water fund, ending a session that began at 6 p.m. and was interrupted twice by residents who filled the chamber carrying empty plastic jugs.',
      ),
      p(
        'The money, most of it taken from a road-paving budget line that had gone unspent, will pay for tanker deliveries to nine neighborhoods and for repairs to two municipal wells that have been out of service for more than three months.',
      ),
      h2('What the money covers'),
      ul(
        '2.6 million pesos for tanker deliveries, capped at three per neighborhood each week',
        '1.1 million pesos to replace the pumps at the Los Sabinos and El Calvario wells',
        '500,000 pesos for leak repairs on the main line from the Tepeyac spring',
      ),
      quote(
        'We are buying time, not solving the problem. Nobody in this room should go home thinking otherwise.',
        'Councilwoman Herminia Bautista, who voted in favor',
      ),
      h2('The audit that wasn’t'),
      p(
        'The four councillors who voted no said the measure should have included an independent audit of the municipal water utility, which residents accuse of favoring hotels and car washes during shortages. Mayor Fidel Aquino Ramos said an audit would be put to a vote “within 30 days.”',
      ),
      p(
        b('Update: '),
        'Hours after the vote, the mayor’s office published the tanker delivery schedule on its social media accounts, one of the main demands residents made during the session.',
      ),
      rel('valley-wells-run-dry'),
    ],
  },
  {
    slug: 'open-contracting-rules-explainer',
    headline: 'What Oaxaca’s new open-contracting rules mean for your town’s spending',
    dek: 'Municipalities must now publish every contract above 250,000 pesos online within 10 working days; here is what that covers, and what it leaves out.',
    label: 'explainer',
    section: 'politics',
    authors: ['camila-herrera'],
    tags: ['transparency', 'local-government'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 130,
    image: 'valley-skyline',
    corrections: [
      {
        kind: 'clarification',
        body: 'This article has been updated to clarify that the 10-day publication deadline counts working days, not calendar days.',
        hoursAgo: 101,
      },
    ],
    body: [
      p(
        'Rules approved by the state congress earlier this year require every municipality in Oaxaca to publish the details of its contracts online. For towns that have never had a website, that is a big change. For residents, it is a new tool, if they know where to look.',
      ),
      h2('What has to be published'),
      ul(
        'The name of the contractor and its tax ID',
        'The amount, the dates and how the contract was awarded: open tender, restricted invitation or direct award',
        'Any amendment that raises the price by more than 10 percent',
        'For public works, the location and a photograph of the finished project',
      ),
      h2('What is left out'),
      p(
        'Contracts below 250,000 pesos are exempt, and so are purchases made through the state’s consolidated buying program. Critics say the threshold invites officials to split large purchases into several smaller ones. The rules prohibit that practice, but enforcement depends on the state auditor, which reviews only a sample of municipalities each year.',
      ),
      h2('How to check your municipality'),
      ol(
        'Find your municipality on the state transparency portal.',
        'Open the “Contracts” tab and filter by year.',
        'If a contract you know about is missing, file a request through the national transparency platform. The municipality has 20 working days to respond.',
      ),
      p(
        'We are tracking compliance in the 20 largest municipalities of the Central Valleys. If you find a contract that looks wrong, ',
        a('tell us', '/about'),
        '.',
      ),
    ],
  },
  {
    slug: 'santa-catarina-recall-petition',
    headline: 'Santa Catarina Tepeyac residents ask state congress to remove their mayor',
    dek: 'Organizers delivered more than 3,100 signatures over an unfinished market and a stalled drainage project; the mayor calls the effort a political maneuver.',
    label: 'report',
    section: 'politics',
    authors: ['ana-lucia-mendoza'],
    tags: ['local-government', 'transparency'],
    dateline: 'PUEBLA, Puebla',
    attribution: 'With reports from El Universal',
    hoursAgo: 52,
    updatedHoursAgo: 30,
    image: 'plaza-rally',
    corrections: [
      {
        kind: 'correction',
        body: 'An earlier version of this article misstated the number of signatures delivered to the state congress. Organizers submitted 3,140 signatures, not 3,410.',
        hoursAgo: 41,
      },
    ],
    body: [
      p(
        'About two hundred residents of Santa Catarina Tepeyac traveled by bus to the state capital to deliver four cardboard boxes holding 3,140 signatures. The petition asks the state congress to open proceedings to remove Mayor Octavio Reséndiz Luna, who took office less than two years ago.',
      ),
      p(
        'Organizers say the mayor has failed to finish a new municipal market and a drainage project in the town’s lower neighborhoods, both of which were announced with public ceremonies in his first months in office.',
      ),
      h2('The unfinished market'),
      p(
        'The market was budgeted at 38 million pesos. Two years later, it has a concrete frame, half a roof and no stalls. Vendors still sell from tarps along the main road, where two were struck by cars last year.',
      ),
      quote(
        'The market will be finished this year. The people behind this petition lost the last election and have not accepted it.',
        'Mayor Octavio Reséndiz Luna, in a written statement',
      ),
      h2('What happens next'),
      p(
        'A congressional committee must first check the signatures against the voter roll and decide whether the petition meets the legal requirements. Removals of sitting mayors are rare, and most petitions end with a negotiated audit rather than a vote.',
      ),
      p(
        b('Update: '),
        'The committee said a day later that it had received the petition and assigned it to a working group, which has 30 days to report.',
      ),
    ],
  },
  {
    slug: 'interview-leonor-zavala-shelter-funding',
    headline: '“Shelters are doing the state’s job”: a federal deputy on funding for migrant care',
    dek: 'Deputy Leonor Zavala, who leads a working group on migration, says church-run shelters need public money without strings that compromise their independence.',
    label: 'interview',
    section: 'politics',
    authors: ['ana-lucia-mendoza'],
    tags: ['migration', 'human-rights'],
    dateline: 'MEXICO CITY',
    hoursAgo: 210,
    image: 'capital-skyline',
    related: ['strong-peso-remittances-explainer'],
    body: [
      p(
        i(
          'Leonor Zavala is a first-term federal deputy from Veracruz and a former shelter volunteer. We spoke in her office in the Chamber of Deputies. This interview has been edited for length and clarity.',
        ),
      ),
      p(b('How many people are the shelters caring for now?')),
      p(
        'On the routes I know best, the Gulf route and the south, numbers go up and down month to month. What doesn’t change is that the shelters are full before anyone else notices a problem. They are the first to see it and the last to get help.',
      ),
      p(b('Your group proposes direct federal grants to shelters. Why not fund them through state agencies?')),
      p(
        'Because every layer adds a delay and a condition. A shelter in a small town cannot wait four months for a transfer, and it cannot agree to share the names of the people it protects. Some conditions would make them less safe, not more accountable.',
      ),
      quote(
        'If the state wants to pay for this work, it has to accept that the shelters decide who walks through the door.',
        'Deputy Leonor Zavala',
      ),
      p(b('What would accountability look like, then?')),
      p(
        'Public reports on how the money is spent, audited every year, with the same rules as any other grant recipient. What we won’t accept is turning shelters into checkpoints.',
      ),
      rel('customary-assemblies-young-voices'),
    ],
  },
  {
    slug: 'opinion-small-town-budgets',
    headline: 'Small towns deserve budgets their residents can actually read',
    dek: 'A 400-page PDF uploaded at midnight is not transparency, and a few simple habits would make municipal spending legible to the people who pay for it.',
    label: 'opinion',
    section: 'politics',
    authors: ['marta-villalobos'],
    tags: ['local-government', 'transparency'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 4,
    image: 'city-hall',
    related: ['open-contracting-rules-explainer'],
    body: [
      p(
        'Every year, dozens of municipalities in the Central Valleys meet their legal obligation to publish a budget. Almost none of them meet their obligation to the people who will live with it.',
      ),
      p(
        'The documents exist. They are scanned, often sideways, sometimes without page numbers, and uploaded to portals that crash on a phone. When San Lorenzo Ocotal’s council found 4.2 million pesos for water trucks last night, most residents learned where that money had been sitting only because a councillor read the line aloud.',
      ),
      h2('Five things every town could publish'),
      ol(
        'A one-page summary of income and spending, in plain language.',
        'A list of every public work, with its cost and a completion date.',
        'Monthly spending against the budget, not just the annual plan.',
        'The salaries of elected officials and department heads.',
        'The date, time and agenda of every council session, a week in advance.',
      ),
      h2('Why it matters'),
      p(
        'None of this requires new laws or new software. It requires a decision that residents are the audience, not the state auditor. Towns that make that decision will find that fewer people show up to council sessions angry, because fewer people will be surprised.',
      ),
      rel('ocotal-council-approves-emergency-water-budget'),
    ],
  },
  {
    slug: 'customary-assemblies-young-voices',
    headline: 'In Oaxaca’s assembly-governed towns, a younger generation asks for a vote',
    dek: 'Hundreds of municipalities choose their authorities through community assemblies, and in San Jerónimo Tlalixco residents under 30 want the rules to count them.',
    label: 'analysis',
    section: 'politics',
    authors: ['rosa-itzel-cruz', 'ana-lucia-mendoza'],
    tags: ['indigenous-communities', 'elections', 'local-government'],
    dateline: 'SAN JERÓNIMO TLALIXCO, Oaxaca',
    hoursAgo: 420,
    updatedHoursAgo: 398,
    image: 'sierra-dawn',
    body: [
      p(
        'In San Jerónimo Tlalixco, nobody campaigns for mayor. Authorities are chosen by the general assembly, which meets in the courtyard of the municipal building and votes by a show of hands. Political parties play no formal role.',
      ),
      p(
        'More than 400 of Oaxaca’s municipalities govern themselves this way, under a system the state recognizes in law. In most of them, the right to speak and vote in the assembly is earned through years of unpaid community service, known as the cargo system.',
      ),
      h2('Service first, then voice'),
      p(
        'That is where a group of residents in their twenties has run into a wall. Many spent years working in Oaxaca city, Mexico City or the United States and sent money home for the town’s fiestas and public works. Under the current rules, that does not count as service.',
      ),
      img('plaza-rally', 'Residents of San Jerónimo Tlalixco wait for the general assembly to begin.'),
      quote(
        'We paid for the new water tank. We are told we have not served. Then what was that?',
        'Eloísa Hernández, 27, a nurse who returned to the town last year',
      ),
      h2('What the courts have said'),
      p(
        'Electoral courts have in recent years ordered several assembly-governed towns to guarantee women’s participation, while insisting that communities keep the right to set their own rules. Whether that reasoning extends to age and migration is an open question, and nobody in Tlalixco seems eager to be the test case.',
      ),
      p(
        'For now, the town’s elders have agreed to discuss the issue at the next assembly. “Discuss,” one of them said, “is not the same as change.”',
      ),
    ],
  },
];
