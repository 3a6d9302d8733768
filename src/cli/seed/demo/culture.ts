import { b, h2, i, img, p, quote, rel, ul } from './blocks.ts';
import type { DemoArticle } from './types.ts';

export const articles: DemoArticle[] = [
  {
    slug: 'brass-bands-getting-younger',
    headline: 'The brass bands of the valley are getting younger, and louder',
    dek: 'Community music schools in three towns have doubled enrollment, keeping the tradition of village bands alive as older musicians retire.',
    label: 'report',
    section: 'culture',
    authors: ['mariana-quintero'],
    tags: ['festivals', 'indigenous-communities'],
    dateline: 'SAN JERÓNIMO TLALIXCO, Oaxaca',
    hoursAgo: 40,
    image: 'festival-crowd',
    body: [
      p(
        'At four in the afternoon, the municipal hall of San Jerónimo Tlalixco fills with the sound of 31 children attempting the same scale on trumpets, clarinets and one very large tuba. The tuba player is nine. He has to sit down to hold it.',
      ),
      p(
        'The town’s music school, run by the community band and paid for partly by the municipality, has doubled its enrollment in three years. Two neighboring towns report similar growth.',
      ),
      img(
        'festival-crowd',
        'Students from the Tlalixco music school march with the community band during the town’s patron saint festival.',
      ),
      h2('Lessons on borrowed instruments'),
      p(
        'Most students learn on instruments owned by the band, some of them older than their teachers. Repairs are done by a retired trombonist in Oaxaca city who charges in tamales as often as in pesos, according to the band’s director.',
      ),
      quote(
        'When I started, there were twelve of us and we were all old men. Now the old men sit in the back and the girls play the solos.',
        'Crisanto Vásquez, director of the Tlalixco community band',
      ),
      p(
        'About half of the new students are girls, a change from a generation ago, when village bands were almost entirely male.',
      ),
      h2('Fiesta season'),
      p(
        'The bands are not a hobby. Every town festival needs one, and bands are paid, fed and housed by the host community. For teenagers, a good season can mean real money, and a reason to stay in the valley rather than leave for the city.',
      ),
    ],
  },
  {
    slug: 'collective-trademarks-weavers-explainer',
    headline: 'How weavers are using collective trademarks to fight copied designs',
    dek: 'When fashion brands copy community designs, artisans have few legal tools, and collective marks are one of the few that have worked.',
    label: 'explainer',
    section: 'culture',
    authors: ['mariana-quintero', 'camila-herrera'],
    tags: ['indigenous-communities', 'trade'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 340,
    image: 'textile-stall',
    related: ['market-vendors-qr-payments', 'interview-novelist-puebla-mills'],
    corrections: [
      {
        kind: 'clarification',
        body: 'This article has been updated to clarify that a collective mark protects the name and logo under which goods are sold, not the designs themselves.',
        hoursAgo: 318,
      },
    ],
    body: [
      p(
        'Every few months, a photo circulates in Oaxaca of a blouse, a rug or a dress sold by an international brand that looks very much like the work of a particular community. Artisans are often left asking the same question: can anything be done?',
      ),
      h2('What a collective mark is'),
      p(
        'A collective mark is a registered name and logo that belongs to a group, such as a cooperative or an association of artisans from one town, rather than to a single company. Members can use it on their products, and the group can take action against anyone who uses it without permission.',
      ),
      h2('What it can’t do'),
      ul(
        'It does not protect a design, pattern or technique on its own.',
        'It does not stop a brand from selling a similar product under its own name.',
        'It only works if buyers learn to look for it, which takes years of promotion.',
      ),
      h2('The cost'),
      p(
        'Registering a mark requires fees, paperwork and, usually, a lawyer. Several weaving groups in the Central Valleys have registered marks with help from state programs and universities. Keeping them active, and enforcing them, is another expense.',
      ),
      quote(
        'The mark doesn’t stop copying. What it does is let a buyer know this one is ours.',
        'Aurora Mendoza Luis, weaver and treasurer of a weaving cooperative',
      ),
    ],
  },
  {
    slug: 'zapotec-community-radio-turns-twenty',
    headline: 'A Zapotec-language radio station turns 20, still broadcasting from a borrowed room',
    dek: 'Radio Voz del Río has aired news, music and funeral announcements in Valley Zapotec since its founders built a transmitter from spare parts.',
    label: 'report',
    section: 'culture',
    authors: ['rosa-itzel-cruz', 'mariana-quintero'],
    tags: ['indigenous-communities', 'press-freedom'],
    dateline: 'SANTA INÉS DEL RÍO, Oaxaca',
    hoursAgo: 175,
    updatedHoursAgo: 160,
    image: 'community-radio',
    body: [
      p(
        'Radio Voz del Río went on the air twenty years ago with a transmitter built from parts of three broken televisions, a microphone borrowed from the church and a signal that reached, on a clear night, about as far as the cemetery.',
      ),
      p(
        'It now reaches eleven communities, broadcasts fourteen hours a day and is run by 22 volunteers, most of them under 35. It still operates from a room lent by the municipal government, above the civil registry office.',
      ),
      quote(
        'People used to say Zapotec was for old people and for the kitchen. Now teenagers call in to request songs in Zapotec.',
        'Noemí Ruiz Santiago, one of the station’s founders',
      ),
      h2('On air'),
      ul(
        'Morning news in Zapotec and Spanish, read from notes gathered the night before',
        'Announcements of assemblies, lost animals and funerals',
        'A midday program on health, produced with the local clinic',
        'Evening music, from brass bands to hip-hop recorded in the valley',
      ),
      h2('The license question'),
      p(
        'The station operates under a community broadcasting license, which it obtained after a decade of paperwork. Volunteers say funding, not legal status, is now the biggest threat. Equipment is old, and a lightning strike two years ago took the station off the air for six weeks.',
      ),
      p(
        b('Update: '),
        'After this article was published, the municipal council voted to pay for a lightning protection system for the station’s antenna.',
      ),
      rel('customary-assemblies-young-voices'),
    ],
  },
  {
    slug: 'interview-novelist-puebla-mills',
    access: 'paid',
    headline: 'Novelist Aurelio Benítez on writing the lost textile mills of Puebla',
    dek: 'His new novel follows three generations of a family of mill workers, and he says he wrote it to answer a question his grandmother never would.',
    label: 'interview',
    section: 'culture',
    authors: ['mariana-quintero'],
    tags: ['trade'],
    dateline: 'PUEBLA, Puebla',
    hoursAgo: 480,
    image: 'old-mill',
    body: [
      p(
        i(
          'Aurelio Benítez is the author of four novels. His latest, “Hilos de ceniza” (“Threads of Ash”), is set in the textile mills that once ringed the city of Puebla. We spoke in a café near the old mill district. The conversation has been translated and condensed.',
        ),
      ),
      p(b('Why the mills, and why now?')),
      p(
        'My grandmother worked in a mill from the age of thirteen. She would talk about the noise, the cotton dust, the songs. She would never talk about the strike. I spent ten years trying to find out why.',
      ),
      p(b('Did you find out?')),
      p(
        'I found out enough to invent the rest honestly. The archives have the names of the leaders and the dates. They don’t have what it cost the women who kept the houses running while the men were on the picket line. That is what a novel is for.',
      ),
      quote(
        ['The looms stopped at noon. For the first time in her life, Refugio could hear the river.'],
        'From “Hilos de ceniza,” by Aurelio Benítez',
      ),
      p(b('What do you want readers who never saw the mills to take from it?')),
      p(
        'That the city they walk through was built by people who were told to be grateful for a job that was killing them. And that some of those people said no.',
      ),
    ],
  },
  {
    slug: 'opinion-library-after-dark',
    access: 'members',
    headline: 'The valley needs a public library that stays open after dark',
    dek: 'Students, shift workers and families without internet at home all need a quiet, lit, free place to read, and the valley has almost none after 6 p.m.',
    label: 'opinion',
    section: 'culture',
    authors: ['marta-villalobos'],
    tags: ['local-government'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 650,
    image: 'valley-skyline',
    body: [
      p(
        'Walk past any convenience store with free wifi in the Central Valleys after dark and you will see them: teenagers sitting on the curb with phones and notebooks, finishing homework in the light from the shop window.',
      ),
      p(
        'They are there because there is nowhere else to go. Most public libraries in the valley close by 6 p.m., and many towns have none at all. Cafés charge for the table. Homes are crowded and often offline.',
      ),
      p(
        'A library open until 10 p.m. is not a luxury. It is a lit room with chairs, a connection and an adult who knows where the books are. It is among the cheapest public services a town can offer.',
      ),
      h2('Where to start'),
      p(
        'No municipality needs to build a new building. Many already own a hall, a school or a community center that sits empty at night. Add a reliable connection, a few hundred books chosen by the people who will use them, and a paid staff member, and you have a library.',
      ),
      p('We would gladly cover the first town to try it. We suspect it will not be the last.'),
    ],
  },
  {
    slug: 'traveling-cinema-sierra',
    headline: 'A traveling cinema brings films, and a projector, to towns with no screen',
    dek: 'Two former film students load a pickup with a projector, speakers and a folding screen and drive it to Sierra Norte villages where many children have never seen a movie on a big screen.',
    label: 'report',
    section: 'culture',
    authors: ['mariana-quintero'],
    tags: ['festivals', 'indigenous-communities', 'tourism'],
    dateline: 'SAN MIGUEL NUBLADO, Oaxaca',
    hoursAgo: 930,
    image: 'sierra-dawn',
    body: [
      p(
        'The pickup arrives in San Miguel Nublado an hour before sunset, and by the time the screen is tied between two pine posts on the basketball court, about 200 people are waiting on benches carried out of the church.',
      ),
      p(
        'Cine Andante, run by Lorena Matus and Iván Peralta, both former film students, has held 140 screenings in three years. Admission is free. The towns provide a meal, a place to sleep and electricity, and the films are chosen in advance by a vote among local students.',
      ),
      img(
        'community-radio',
        'Lorena Matus checks the sound before a screening, with help from two students who asked to learn.',
      ),
      h2('A screen made of sheets'),
      p(
        'Their first screen was four bedsheets sewn together. The current one, bought with a small cultural grant, folds into a bag the size of a guitar case. The projector is the most valuable thing they own; it rides on Matus’s lap on the worst roads.',
      ),
      quote(
        'The first time, a little girl asked me where the people in the film went when it ended. I still don’t have a good answer.',
        'Lorena Matus, co-founder of Cine Andante',
      ),
      p(
        'When they can, they show films made in Oaxaca, including short documentaries in Zapotec, Mixe and Chinantec. Those get the loudest applause, Peralta said.',
      ),
      ul(
        'Most requested by students: animated films and football documentaries',
        'Most requested by adults: Mexican comedies from the 1950s',
        'Most walked out on: anything with subtitles after 9 p.m.',
      ),
    ],
  },
];
