import { b, h2, i, img, ol, p, quote, rel, ul } from './blocks.ts';
import type { DemoArticle } from './types.ts';

export const articles: DemoArticle[] = [
  {
    slug: 'truckers-lift-puebla-oaxaca-blockade',
    headline: 'Truckers lift 30-hour blockade on the Puebla–Oaxaca highway after security talks',
    dek: 'Transport operators agreed to reopen the road after federal and state officials promised more patrols on a stretch where drivers say robberies have become routine.',
    label: 'report',
    section: 'security',
    authors: ['daniel-villasenor'],
    tags: ['public-safety', 'trade'],
    dateline: 'PUEBLA, Puebla',
    attribution: 'With reports from El Universal',
    hoursAgo: 2,
    updatedHoursAgo: 1,
    image: 'cargo-trucks',
    related: ['extortion-calls-tortilla-shops', 'police-forces-explainer'],
    body: [
      p(
        'Truck drivers lifted a blockade on the federal highway between Puebla and Oaxaca early this morning, 30 hours after parking more than 300 rigs across both directions to protest a wave of cargo robberies.',
      ),
      p(
        'The protest ended after representatives of three transport associations met with state security officials and a federal delegation at a toll plaza that had been turned into a negotiating room, with folding chairs and a whiteboard.',
      ),
      h2('What was agreed'),
      ul(
        'Round-the-clock patrols on a 70-kilometer stretch where most of the robberies were reported',
        'A joint phone line for drivers to report incidents in real time',
        'A follow-up meeting in 15 days to review robbery figures',
      ),
      quote(
        'We have heard promises before. We are going back to work, and we are counting.',
        'Alfredo Morales Zepeda, spokesman for one of the transport associations',
      ),
      p(
        'Drivers described armed men stopping trucks at night with fake checkpoints or by blocking the road with a car. Several said they no longer report robberies because it takes a full day at the prosecutor’s office and rarely leads to an arrest.',
      ),
      h2('Stranded'),
      p(
        'Thousands of travelers were caught in the blockade. Bus companies canceled routes, and residents of nearby towns walked along the shoulder selling water, tortas and phone charging from car batteries.',
      ),
      rel('extortion-calls-tortilla-shops'),
    ],
  },
  {
    slug: 'search-collective-trains-volunteers',
    headline: 'A mothers’ search collective trains new volunteers in the basics of forensic work',
    dek: 'In Ciudad Alameda, relatives of the disappeared are teaching newcomers how to read the ground, document a find and protect evidence until authorities arrive.',
    label: 'report',
    section: 'security',
    authors: ['daniel-villasenor', 'rosa-itzel-cruz'],
    tags: ['human-rights', 'public-safety'],
    dateline: 'CIUDAD ALAMEDA, Nuevo León',
    hoursAgo: 100,
    image: 'sierra-dawn',
    body: [
      p(
        'The course takes place on Saturdays in the back room of a parish hall. On the table: trowels, metal rods, a box of latex gloves, a camera and a stack of printed forms. Most of the 18 people in the room are women. Most are there because someone they love is missing.',
      ),
      p(
        'The collective, founded six years ago by Consuelo Ibarra after her son did not come home from work, now has more than 90 members. It runs the course three times a year.',
      ),
      quote(
        'Nobody wants to learn this. But if we are the ones who find them, we have to do it so that the evidence counts.',
        'Consuelo Ibarra, founder of the collective',
      ),
      h2('The course'),
      ol(
        'How to recognize signs of disturbed ground, from soil color to changes in vegetation',
        'How to mark and photograph a possible site without touching it',
        'How to fill in the chain-of-custody form and who must sign it',
        'How to call authorities, and what to do if they do not come',
      ),
      img(
        'dry-riverbed',
        'Members of the collective practice marking a site during a field session. Their faces are not shown at their request.',
      ),
      h2('The authorities’ response'),
      p(
        'The state prosecutor’s office said in a statement that it coordinates searches with families and has expanded its forensic staff. Members of the collective say response times still vary widely, and that on several occasions they waited overnight at a site for investigators to arrive.',
      ),
    ],
  },
  {
    slug: 'police-forces-explainer',
    headline: 'Municipal police, state police, National Guard: who does what',
    dek: 'Mexico has several layers of police with overlapping duties, and knowing which one to call, and which one investigates, can save time.',
    label: 'explainer',
    section: 'security',
    authors: ['daniel-villasenor'],
    tags: ['public-safety'],
    dateline: 'MEXICO CITY',
    hoursAgo: 400,
    image: 'capital-skyline',
    body: [
      p(
        'When something goes wrong in Mexico, the first question is often who will respond. The answer depends on where you are, what happened and which agencies have a presence in your town.',
      ),
      h2('Municipal police'),
      p(
        'Municipalities are responsible for day-to-day public safety under the constitution. Their police patrol streets, respond to emergency calls and enforce local rules. Many small towns have only a handful of officers, and some have none of their own and rely on the state.',
      ),
      h2('State police'),
      p(
        'Each state has its own police force, which patrols state highways, supports municipalities and can take over local policing by agreement. State police usually respond to more serious incidents and to towns without a functioning local force.',
      ),
      h2('The National Guard'),
      p(
        'The National Guard is a federal force created in 2019. It patrols federal highways, airports and other federal areas, and is deployed to regions the federal government considers a priority.',
      ),
      h2('Who investigates'),
      p(
        'Police who respond to a crime generally do not investigate it. Investigations are led by prosecutors’ offices, state or federal depending on the crime, with their own investigative police. That is why victims must file a complaint with the prosecutor, not just tell the officer at the scene.',
      ),
    ],
  },
  {
    slug: 'extortion-calls-tortilla-shops',
    headline: 'Phone extortion hits the tortilla shops of a Puebla town, and owners are comparing notes',
    dek: 'In Santa Catarina Tepeyac, business owners have built an informal network to warn each other about calls, and to decide together not to pay.',
    label: 'analysis',
    section: 'security',
    authors: ['daniel-villasenor', 'tomas-echeverria'],
    tags: ['public-safety', 'trade'],
    dateline: 'SANTA CATARINA TEPEYAC, Puebla',
    hoursAgo: 170,
    image: 'tuesday-market',
    body: [
      p(
        'The first call came on a busy morning. The voice knew the name of the shop, the name of the owner’s daughter and what time the tortilla machine was switched on. It asked for 5,000 pesos a week.',
      ),
      p(
        'The owner, who asked not to be named for her safety, is one of at least nine tortilla shop owners in Santa Catarina Tepeyac who have received similar calls in recent months, according to a messaging group that the owners now use to share warnings.',
      ),
      h2('How the calls work'),
      ul(
        'Callers use details that can be found online or by watching a business for a day.',
        'Many calls come from outside the state, and some from inside prisons.',
        'Threats are often not followed by any action, but owners have no way to know which ones are real.',
      ),
      quote(
        'The call costs them nothing. Paying costs us everything, and then they call again.',
        'A tortilla shop owner in Santa Catarina Tepeyac',
      ),
      h2('What helped'),
      p(
        'Owners in the group say sharing information has been the most useful step. When one shop receives a call, others are warned within minutes and can hang up on the same script. Several have reported calls to the national anti-extortion hotline, which they say helped them understand the pattern even when it did not lead to arrests.',
      ),
      p(
        'Not every case ends with a hang-up. Two shops closed for a week after threats that named their employees. Both reopened, and neither paid.',
      ),
      rel('police-forces-explainer'),
    ],
  },
  {
    slug: 'interview-former-prosecutor-backlog',
    headline: '“Most cases die on a desk, not in court”: a former prosecutor on the investigation backlog',
    dek: 'Gabriela Ortega spent 11 years as a state prosecutor, and she says the problem is not a lack of laws but a lack of investigators, time and follow-through.',
    label: 'interview',
    section: 'security',
    authors: ['daniel-villasenor'],
    tags: ['public-safety', 'human-rights', 'transparency'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 520,
    image: 'city-hall',
    corrections: [
      {
        kind: 'correction',
        body: 'An earlier version of this article incorrectly said Gabriela Ortega served as a state prosecutor for 14 years. She served for 11 years.',
        hoursAgo: 497,
      },
    ],
    body: [
      p(
        i(
          'Gabriela Ortega worked as a prosecutor in southern Mexico for 11 years before leaving to teach criminal procedure. She spoke to the Gazette about why so few crimes reach a judge. The interview has been condensed and edited.',
        ),
      ),
      p(b('What happens to a typical complaint after it is filed?')),
      p(
        'It gets a number and goes into a pile. At my busiest, I had more than 400 open files. An investigator might be assigned to thirty of them. The rest wait, and every week that passes, witnesses move, cameras record over their footage, phones get replaced.',
      ),
      p(b('Is the answer more prosecutors?')),
      p(
        'More investigators, first. And analysts who can connect cases. Ten robberies on the same road are treated as ten separate files, handled by ten different people who never speak to each other.',
      ),
      quote(
        'Most cases don’t die in court. They die on a desk, quietly, and nobody is ever told.',
        'Gabriela Ortega, former state prosecutor',
      ),
      p(b('What should victims know?')),
      p(
        'Ask for your file number, write down the name of the prosecutor assigned, and go back. It is unfair that victims have to push, but files with someone pushing them move.',
      ),
    ],
  },
  {
    slug: 'mixteca-reporter-placed-under-protection',
    headline: 'Mixteca radio reporter placed under protection after threats over land dispute coverage',
    dek: 'Efraín Castillo, who has reported on a conflict between two communities for a local station, received threats by phone and found a message painted on his door.',
    label: 'report',
    section: 'security',
    authors: ['daniel-villasenor'],
    tags: ['press-freedom', 'human-rights'],
    dateline: 'HUAJUAPAN DE LEÓN, Oaxaca',
    attribution: 'With reports from El Universal',
    hoursAgo: 44,
    updatedHoursAgo: 20,
    image: 'community-radio',
    corrections: [
      {
        kind: 'clarification',
        body: 'This article has been updated to clarify that the federal protection mechanism, not the state government, assigned the panic button and patrol visits.',
        hoursAgo: 24,
      },
    ],
    body: [
      p(
        'A radio reporter in the Mixteca region of Oaxaca has been placed under a federal protection program after receiving threats that he and his editors link to his coverage of a long-running land dispute between two neighboring communities.',
      ),
      p(
        'Efraín Castillo, 38, hosts a morning news program on a local station. He said he received three threatening phone calls in one week, and that a message telling him to “stop talking” was painted on the door of his house.',
      ),
      quote(
        'I report what both communities say. Someone decided that was too much.',
        'Efraín Castillo, radio reporter',
      ),
      h2('The protection measures'),
      p(
        'Castillo has been given a panic button and scheduled patrol visits to his home through the federal protection mechanism for human rights defenders and journalists. His station has moved his program to a pre-recorded format for the time being.',
      ),
      p(
        'Press freedom organizations have repeatedly described Mexico as one of the most dangerous countries in the world for journalists, and local reporters in small towns are among the most exposed.',
      ),
      h2('A long dispute'),
      p(
        'The two communities have disputed the boundary between their lands for decades, and the conflict has flared several times in recent years. Castillo’s station has covered hearings, negotiations and assemblies on both sides.',
      ),
      rel('zapotec-community-radio-turns-twenty'),
    ],
  },
];
