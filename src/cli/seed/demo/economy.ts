import { b, h2, i, img, ol, p, quote, rel, ul } from './blocks.ts';
import type { DemoArticle } from './types.ts';

export const articles: DemoArticle[] = [
  {
    slug: 'monterrey-suppliers-welder-shortage',
    headline: 'Monterrey’s small suppliers ride the factory boom, but can’t find enough welders',
    dek: 'Machine shops that feed the region’s new plants say orders are up sharply, while hiring and electricity connections have become the bottlenecks.',
    label: 'report',
    section: 'economy',
    authors: ['tomas-echeverria'],
    tags: ['trade', 'energy'],
    dateline: 'MONTERREY, Nuevo León',
    attribution: 'With reports from Reuters',
    hoursAgo: 30,
    image: 'industrial-park',
    body: [
      p(
        'Rogelio Cantú’s machine shop in the municipality of Apodaca has 23 employees, eleven lathes and a waiting list. Orders for brackets, jigs and replacement parts from the new assembly plants north of the city have roughly doubled in a year, he says. His staff has grown by three.',
      ),
      p(
        '“I could hire ten welders tomorrow,” Cantú said, standing beside a half-finished steel frame. “I could hire them if they existed.”',
      ),
      quote(
        'The big plants come with their own engineers. What they need from us is speed, and speed is people.',
        'Rogelio Cantú, owner of Maquinados Cantú',
      ),
      h2('Waiting for power'),
      p(
        'Shop owners interviewed for this article described the same second problem: electricity. Several said they had waited more than a year for a higher-capacity connection, and two had bought diesel generators to run night shifts in the meantime.',
      ),
      p(
        'Business groups in Nuevo León have asked federal authorities to speed up transmission projects in the state. Officials have said new lines are planned, but have not given firm dates.',
      ),
      h2('Training on the shop floor'),
      p(
        'Some owners have stopped waiting for technical schools. Cantú now pays two senior welders a bonus to train apprentices on Saturdays, and keeps the apprentices on salary while they learn. Half of his last group left for larger plants within a year.',
      ),
      img('cargo-trucks', 'Trucks carrying parts leave the industrial corridor north of Monterrey.'),
    ],
  },
  {
    slug: 'strong-peso-remittances-explainer',
    access: 'members',
    headline: 'Why a strong peso can leave remittance families with less',
    dek: 'When the dollar buys fewer pesos, money sent home from the United States stretches less far at the market, and here is how the math works.',
    label: 'explainer',
    section: 'economy',
    authors: ['camila-herrera', 'tomas-echeverria'],
    tags: ['migration', 'trade'],
    dateline: 'MEXICO CITY',
    hoursAgo: 300,
    image: 'capital-skyline',
    corrections: [
      {
        kind: 'correction',
        body: 'An earlier version of this article contained an arithmetic error. At 17 pesos per dollar, a 300-dollar transfer is worth 5,100 pesos, not 5,400.',
        hoursAgo: 282,
      },
    ],
    body: [
      p(
        'A “strong” peso sounds like good news, and for many people it is: imported goods get cheaper and dollar debts get easier to pay. But millions of Mexican households live partly on money sent by relatives in the United States, and for them a strong peso works like a pay cut.',
      ),
      h2('The basic arithmetic'),
      p(
        'Remittances are earned in dollars and spent in pesos. The exchange rate decides how many pesos each dollar turns into. Take a family that receives 300 dollars a month:',
      ),
      ul(
        'At 20 pesos per dollar, the transfer is worth 6,000 pesos.',
        'At 17 pesos per dollar, the same transfer is worth 5,100 pesos.',
        'That is 900 pesos less a month, before any rise in local prices.',
      ),
      h2('Who feels it most'),
      p(
        'The effect is largest in states where remittances make up a big share of household income, and in rural towns where prices for food and building materials are not much lower than in cities. Families also lose when the fees charged by transfer services stay fixed in dollars.',
      ),
      h2('What families do'),
      p(
        'Economists who study remittances say senders often make up part of the difference by sending more dollars, if their own jobs allow it. Others delay building projects, the single biggest use of remittance savings in many towns, until the rate moves back.',
      ),
    ],
  },
  {
    slug: 'market-vendors-qr-payments',
    headline: 'At the Tuesday market, vendors weigh QR codes against cash and caution',
    dek: 'A push toward digital payments has reached the stalls of San Lorenzo Ocotal, where vendors worry about fees, phone signal and who is watching.',
    label: 'report',
    section: 'economy',
    authors: ['tomas-echeverria'],
    tags: ['trade', 'agriculture'],
    dateline: 'SAN LORENZO OCOTAL, Oaxaca',
    hoursAgo: 76,
    image: 'tuesday-market',
    body: [
      p(
        'At the chile stall her mother ran for thirty years, Guadalupe Matías keeps a laminated QR code taped to a crate, next to the scale. In two months, she says, eleven customers have used it. Everyone else paid in cash.',
      ),
      p(
        'Matías is one of roughly 60 vendors at the Tuesday market who signed up for digital payments after a bank and the municipality set up a registration table in the plaza. Most of the others have not.',
      ),
      quote(
        'Tourists ask for it. The señoras who buy from me every week want to pay in coins, and so do I.',
        'Guadalupe Matías, chile vendor',
      ),
      h2('Fees and fears'),
      p(
        'Vendors gave three reasons for hesitating: a weak phone signal in the covered part of the market, worries about fees once promotional periods end, and a widespread belief that digital payments will draw the attention of tax authorities.',
      ),
      img('textile-stall', 'A weaver’s stall at the Tuesday market displays a payment code beside the price tags.'),
      p(
        'The municipal treasurer, Arturo Chávez Olmedo, said the program had nothing to do with tax enforcement. “We want vendors to sell to visitors who don’t carry cash,” he said. “That’s all.”',
      ),
      h2('Who is signing up'),
      p(
        'The vendors most likely to adopt the codes sell crafts, mezcal and prepared food, the goods visitors buy. Produce sellers, whose customers are mostly local, remain almost entirely in cash.',
      ),
      rel('strong-peso-remittances-explainer'),
    ],
  },
  {
    slug: 'agave-price-slump-mezcal',
    // A story for chosen tiers: its invitation names them ("for Supporter and Patron subscribers").
    access: 'tiers',
    tiers: ['supporter', 'patron'],
    headline: 'Agave prices have fallen by half, and small mezcal makers are rethinking what to plant',
    dek: 'After years of scarcity, a glut of maguey has pushed prices down and left growers who planted during the boom with fields they cannot sell.',
    label: 'analysis',
    section: 'economy',
    authors: ['tomas-echeverria', 'rosa-itzel-cruz'],
    tags: ['agriculture', 'trade'],
    dateline: 'SANTA ANA DEL MAGUEY, Oaxaca',
    hoursAgo: 560,
    image: 'agave-rows',
    related: ['interview-coffee-cooperative-manager', 'opinion-corner-store-paperwork'],
    body: [
      p(
        'Five years ago, growers in Santa Ana del Maguey were selling espadín agave by the kilo at prices they still describe with a kind of disbelief. Brokers from larger distilleries drove up the dirt roads with cash. Families turned corn fields and hillsides into rows of maguey.',
      ),
      p(
        'Agave takes six to eight years to mature. The plants put in during the boom are now ready, all at once, and the price has fallen by roughly half from its peak, according to growers and buyers in the area.',
      ),
      h2('From boom to glut'),
      p(
        'The pattern is familiar to anyone who has watched coffee or avocado markets: high prices draw new planting, and by the time the plants mature, everyone has them. The difference with agave is the long wait, which makes the cycle slow to start and slow to correct.',
      ),
      ul(
        'Some growers are leaving mature plants in the ground, hoping prices recover before the agave spoils.',
        'Others are distilling their own mezcal instead of selling the plants, trading a price problem for a marketing one.',
        'A few are replanting with corn, beans and squash, the milpa their parents grew.',
      ),
      h2('Where the margin goes'),
      p(
        'Bottled mezcal prices in cities and abroad have not fallen nearly as far as the price of raw agave. Growers say the difference shows who holds the power in the chain.',
      ),
      quote(
        'When the agave was expensive, the bottle was expensive. Now the agave is cheap, and the bottle is still expensive. Tell me who is winning.',
        'Felipe Santiago Ruiz, grower and small-batch distiller',
      ),
      p(
        'Cooperatives that own their own stills and brands have held up best, which is pushing more growers to talk about pooling their harvests. Whether they can agree on a price, and a name, is another matter.',
      ),
    ],
  },
  {
    slug: 'interview-coffee-cooperative-manager',
    headline: '“We sell trust, not just coffee”: a Sierra Norte cooperative manager on surviving price swings',
    dek: 'Yolanda Pérez Bautista has run a 340-member coffee cooperative for nine years, through rust outbreaks, record prices and a pandemic.',
    label: 'interview',
    section: 'economy',
    authors: ['tomas-echeverria'],
    tags: ['agriculture', 'trade', 'indigenous-communities'],
    dateline: 'SAN MIGUEL NUBLADO, Oaxaca',
    hoursAgo: 700,
    image: 'coffee-harvest',
    body: [
      p(
        i(
          'Yolanda Pérez Bautista manages Cooperativa Nube Verde, which buys, processes and exports coffee from 340 member families in the Sierra Norte. This interview was conducted in Spanish and has been translated, edited and condensed.',
        ),
      ),
      p(b('Coffee prices have been very high. Is that good news for your members?')),
      p(
        'It is good news for members who still have coffee. Many lost plants to rust ten years ago and never replanted. High prices also bring the coyotes, the independent buyers, who show up with cash and pay a little more than we can on the day. Then they disappear when the price falls.',
      ),
      p(b('How do you keep members selling to the cooperative?')),
      p(
        'We pay a second payment at the end of the season from our export earnings, and we keep the accounts open. Any member can come and see what we paid and what we received. That is what we sell, really: trust, not just coffee.',
      ),
      quote(
        'The buyer who pays more today will not be here when your plants get sick. We will.',
        'Yolanda Pérez Bautista',
      ),
      p(b('What worries you most about the next five years?')),
      p(
        'Young people. The average age of our members is over 55. If the children don’t see that coffee can pay for a life, they will go, and the plants will go with them.',
      ),
    ],
  },
  {
    slug: 'opinion-corner-store-paperwork',
    headline: 'The corner store can pay more, if the tax office makes it simpler to stay legal',
    dek: 'Higher minimum wages are fair, but small shops need paperwork they can manage without hiring an accountant they cannot afford.',
    label: 'opinion',
    section: 'economy',
    authors: ['tomas-echeverria'],
    tags: ['trade', 'local-government'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 880,
    image: 'tuesday-market',
    corrections: [
      {
        kind: 'clarification',
        body: 'This column has been updated to note that the author’s family runs a small grocery store in the Central Valleys, a fact disclosed to editors before publication.',
        hoursAgo: 861,
      },
    ],
    body: [
      p(
        'The minimum wage in Mexico has risen faster in recent years than at any time in a generation. That is a good thing. A full day of work should pay for a family’s food, and for a long time it did not.',
      ),
      p(
        'But for the thousands of corner stores, tortilla shops and small workshops in the Central Valleys, paying more is the easy part. The hard part is paying formally: registering workers, calculating contributions and filing monthly returns in a system built for companies with payroll departments.',
      ),
      p(
        'Many owners I have spoken to would rather pay a fair wage in cash than risk a fine for a mistake on a form they do not understand. That leaves their workers without health coverage or a pension, which is the opposite of what wage policy is meant to achieve.',
      ),
      h2('Three fixes'),
      ol(
        'A single monthly payment for businesses with fewer than five workers, covering taxes and social security together.',
        'Free filing help at municipal offices, staffed by the tax authority, one day a week.',
        'A grace period without fines for the first year after a business registers its workers.',
      ),
      p(
        'None of this is radical. Versions of each idea have been tried in Mexico and elsewhere. What has been missing is the recognition that the smallest employers are not evading the system. Most of them simply cannot find the door.',
      ),
      p(
        i(
          'Tomás Echeverría is the Gazette’s economy reporter. His family runs a small grocery store in the Central Valleys.',
        ),
      ),
    ],
  },
];
