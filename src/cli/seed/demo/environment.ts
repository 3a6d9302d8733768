import { a, b, freePreviewEnds, h2, i, img, p, quote, rel, ul } from './blocks.ts';
import type { DemoArticle } from './types.ts';

export const articles: DemoArticle[] = [
  {
    slug: 'valley-wells-run-dry',
    headline: 'Wells run dry across the Central Valleys as the dry season drags on',
    dek: 'In at least 14 communities, family wells that once reached water at 12 meters now come up empty at 30, and farmers are selling livestock while they wait for rain.',
    label: 'report',
    section: 'environment',
    authors: ['rosa-itzel-cruz'],
    tags: ['water', 'drought', 'agriculture'],
    dateline: 'SAN LORENZO OCOTAL, Oaxaca',
    hoursAgo: 20,
    updatedHoursAgo: 8,
    image: 'dry-riverbed',
    related: ['interview-hydrologist-aquifers', 'reservoir-percent-full-explainer'],
    body: [
      p(
        'Macario López lowered a bucket into his family’s well on a recent morning and pulled it up with a few centimeters of brown water at the bottom. His grandfather dug the well by hand, and for decades it reached water at about 12 meters. Last month López paid a crew to deepen it to 30. It is dry again.',
      ),
      p(
        'Across at least 14 communities in the Central Valleys, residents and municipal officials describe the same pattern: shallow wells failing, springs slowing to a trickle and tanker trucks arriving less often than promised.',
      ),
      quote(
        'I sold four goats to pay for the drilling. Now I am selling the rest to pay for water.',
        'Macario López, farmer',
      ),
      h2('Deeper and deeper'),
      p(
        'Hydrologists say the problem is not only a late rainy season. The valley’s aquifer has been drawn down for years by farms, towns and a growing number of commercial users, and shallow family wells are the first to feel it.',
      ),
      img(
        'reservoir-low',
        'The reservoir that supplies several valley towns has dropped well below its usual level for this time of year.',
      ),
      h2('Who gets the water'),
      p(
        'In San Lorenzo Ocotal, the town council is due to vote on an emergency budget for tanker deliveries. Residents in outlying neighborhoods say the trucks that do come still reach the town center first. Officials describe the main reservoir as about a third full, a figure that ',
        a('can hide as much as it shows', '/environment/reservoir-percent-full-explainer'),
        '.',
      ),
      p(
        b('Update: '),
        'State civil protection officials said after this article was published that they would send six additional tanker trucks to the valley this week.',
      ),
      rel('interview-hydrologist-aquifers'),
    ],
  },
  {
    slug: 'reservoir-percent-full-explainer',
    headline: 'What “percent full” really tells you about a reservoir',
    dek: 'Reservoir levels are one of the most quoted drought numbers, and one of the most misunderstood.',
    label: 'explainer',
    section: 'environment',
    authors: ['camila-herrera'],
    tags: ['water', 'drought', 'climate'],
    dateline: 'MEXICO CITY',
    hoursAgo: 150,
    image: 'reservoir-low',
    body: [
      p(
        'When officials say a reservoir is “at 30 percent,” they mean the water stored in it is 30 percent of the volume it was designed to hold. That sounds simple. It leaves out a lot.',
      ),
      h2('Full compared to what?'),
      p(
        'The design capacity is usually measured when a dam is built. Over decades, sediment washes in and settles on the bottom, so an older reservoir can hold much less than its official capacity. A dam reported at 50 percent may be holding less water than the number suggests.',
      ),
      h2('Why the same number can mean different things'),
      ul(
        'Not all stored water can be used: some sits below the lowest intake and is known as dead storage.',
        'A reservoir that is 40 percent full before the rainy season is in very different shape from one at 40 percent after it.',
        'Large reservoirs can hide small ones: an average across a region may look fine while the dam serving your town is nearly empty.',
      ),
      h2('Where to find the data'),
      p(
        'The National Water Commission publishes regular figures for the country’s main dams, including their storage compared with the historical average for the same date. That comparison is often more useful than the percentage alone.',
      ),
      p('When we report reservoir levels, we try to give both numbers, and to say which towns depend on that water.'),
    ],
  },
  {
    slug: 'real-de-plata-tailings-dam',
    access: 'paid',
    headline: 'Real de Plata residents challenge a mine’s plan to raise its tailings dam',
    dek: 'The company says the expansion meets every safety standard; residents downstream want an independent review and a public hearing before any permit is granted.',
    label: 'report',
    section: 'environment',
    authors: ['rosa-itzel-cruz', 'daniel-villasenor'],
    tags: ['mining', 'water'],
    dateline: 'REAL DE PLATA, Zacatecas',
    attribution: 'With reports from Reuters',
    hoursAgo: 250,
    updatedHoursAgo: 228,
    image: 'mine-ridge',
    corrections: [
      {
        kind: 'correction',
        body: 'An earlier version of this article misstated the height of the proposed expansion. The company plans to raise the dam wall by 12 meters, not 20.',
        hoursAgo: 236,
      },
    ],
    body: [
      p(
        'Above the town of Real de Plata, a gray wall of compacted waste holds back more than a decade of finely ground rock and water left over from processing silver and zinc ore. The mining company that operates the site, Minera Cerro Alto, wants to make it taller.',
      ),
      p(
        'More than 900 residents have signed a letter asking federal environmental authorities to deny the permit until an independent engineer reviews the design and the company holds a public hearing in town.',
      ),
      freePreviewEnds,
      h2('What the company proposes'),
      p(
        'Minera Cerro Alto plans to raise the dam wall by 12 meters, which it says will extend the life of the mine by about eight years and preserve roughly 600 jobs. In a statement, the company said the design “exceeds national and international safety standards” and that it monitors the structure around the clock.',
      ),
      quote(
        'Our children’s school is 2 kilometers down the arroyo. I want someone who is not paid by the mine to tell me it is safe.',
        'Silvia Arellano, who teaches at the town’s primary school',
      ),
      h2('The permit process'),
      p(
        'Projects of this size require a federal environmental impact assessment. The law allows a public consultation when residents request it, but whether one is held is at the authorities’ discretion.',
      ),
      p(
        'Residents also want the company to publish the results of its groundwater monitoring. Several say their well water has changed color in recent years; the company says its tests show no contamination.',
      ),
      rel('solar-park-ejido-divided'),
    ],
  },
  {
    slug: 'puerto-coralillo-mangroves',
    headline: 'Fishers in Puerto Coralillo are replanting the mangroves that used to feed them',
    dek: 'A cooperative of 40 fishing families has planted 60,000 seedlings in three years, betting that healthy mangroves will bring back crabs, shrimp and fish.',
    label: 'report',
    section: 'environment',
    authors: ['rosa-itzel-cruz'],
    tags: ['climate', 'tourism'],
    dateline: 'PUERTO CORALILLO, Veracruz',
    attribution: 'With reports from El Universal',
    hoursAgo: 610,
    image: 'gulf-coast',
    body: [
      p(
        'Before dawn, while their boats are still tied up, members of the Puerto Coralillo fishing cooperative wade into the lagoon carrying trays of mangrove seedlings. Each one is pushed into the mud by hand and marked with a strip of blue plastic.',
      ),
      p(
        'The lagoon’s mangroves were cleared over two decades for shrimp ponds and a stretch of beach cabins that was never finished. Fishers say catches fell with them.',
      ),
      img('fishing-boats', 'Boats belonging to the Puerto Coralillo cooperative wait for the tide.'),
      h2('Counting the crabs'),
      p(
        'With help from researchers at a state university, the cooperative counts crabs and juvenile fish in replanted and bare patches every three months. The early numbers favor the replanted areas, though the researchers caution that three years is a short time for a mangrove.',
      ),
      quote(
        'My father fished here with a net and came home with enough to sell. I want my son to know what that looks like.',
        'Ramiro Cházaro, cooperative president',
      ),
      p(
        'Survival has been uneven. About two thirds of the first seedlings died in a storm surge. The cooperative now plants in sheltered channels first and moves outward.',
      ),
      h2('Money and patience'),
      p(
        'The planting is paid for by a mix of small grants and fees from visitors who join the cooperative for a morning in the lagoon. Members are not paid for planting days, which means every day in the mud is a day not spent fishing.',
      ),
    ],
  },
  {
    slug: 'solar-park-ejido-divided',
    headline: 'A solar park offers rent to an ejido in the Bajío, and not every member is buying it',
    dek: 'The developer promises 30 years of steady payments for land that has struggled to grow a crop; opponents say the contract gives away too much for too long.',
    label: 'analysis',
    section: 'environment',
    authors: ['tomas-echeverria', 'rosa-itzel-cruz'],
    tags: ['energy', 'agriculture', 'climate'],
    dateline: 'SAN FELIPE DEL LLANO, Guanajuato',
    hoursAgo: 500,
    image: 'solar-park',
    body: [
      p(
        'For most of the last decade, the ejido of San Felipe del Llano has planted sorghum on its communal fields and watched it wither. The wells are deeper every year, and the rain is less reliable.',
      ),
      p(
        'Now a renewable energy developer wants to rent 180 hectares of the ejido’s land for a solar park. The ejido assembly will vote on the contract next month, and the community is split.',
      ),
      h2('The offer'),
      ul(
        'Annual rent per hectare, adjusted for inflation, for 30 years',
        'Priority hiring of ejido members for construction and maintenance',
        'A community fund for the school and the health post',
        'The option for the developer to extend the lease for another 10 years',
      ),
      h2('The objections'),
      p(
        'Opponents do not argue against solar energy. Their concern is the length of the contract, the extension clause and what happens to the land when the panels are removed. Several said they had been shown the contract only in summary.',
      ),
      quote(
        'Thirty years is my whole life as an ejidatario. I want to read every page before I sign my children out of this land.',
        'Bernardo Cisneros, ejido member',
      ),
      p(
        'Supporters point out that the land earns almost nothing now, and that the rent would be the ejido’s most reliable income in decades. Both sides agree on one thing: the assembly needs its own lawyer, not the developer’s.',
      ),
      rel('agave-price-slump-mezcal'),
    ],
  },
  {
    slug: 'interview-hydrologist-aquifers',
    access: 'members',
    headline: '“We are pumping water that fell thousands of years ago”: a hydrologist on the valley’s aquifers',
    dek: 'Inés Salgado has studied groundwater in the Central Valleys for 20 years, and she says the region needs to measure what it uses before it can save it.',
    label: 'interview',
    section: 'environment',
    authors: ['rosa-itzel-cruz'],
    tags: ['water', 'drought', 'climate'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 90,
    image: 'sierra-dawn',
    body: [
      p(
        i(
          'Inés Salgado is a hydrologist at a public research institute in Oaxaca. She spoke with the Gazette in her office, surrounded by well logs going back to the 1970s. The interview has been edited and condensed.',
        ),
      ),
      p(b('People in the valley say the wells are failing because the rain is late. Is that the whole story?')),
      freePreviewEnds,
      p(
        'The rain matters, but it is the smaller part. Much of the water in the deep aquifer is very old. It entered the ground thousands of years ago. We are pumping it much faster than the rain can replace it, and the shallow wells are where you see that first.',
      ),
      p(b('Who is using the most water?')),
      p(
        'Agriculture, by far, and then the cities. But the honest answer is that we don’t know exactly, because many wells have no meter. You cannot manage what you don’t measure.',
      ),
      quote(
        'If you asked me for one policy, it would be this: put a meter on every well above a certain size, and publish the readings.',
        'Inés Salgado, hydrologist',
      ),
      p(b('Is there anything families can do?')),
      p(
        'Rainwater harvesting works, even on a small roof, and it is cheap. Communities that protect their recharge areas, the hillsides where rain soaks in, are buying themselves time. But no household can fix an aquifer alone.',
      ),
      rel('reservoir-percent-full-explainer'),
    ],
  },
];
