import { b, h2, i, img, ol, p, quote, rel, ul } from './blocks.ts';
import type { DemoArticle } from './types.ts';

export const articles: DemoArticle[] = [
  {
    slug: 'atletico-del-valle-late-winner',
    headline: 'Atlético del Valle win late and climb into the playoff places',
    dek: 'A stoppage-time header from 19-year-old Brayan Hernández gave the valley’s club a 2-1 win over Deportivo Costa Dorada in front of its biggest crowd of the season.',
    label: 'report',
    section: 'sports',
    authors: ['javier-solis'],
    tags: ['football'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 14,
    image: 'valley-stadium',
    related: ['opinion-stadium-before-pitches', 'girls-league-registrations-double'],
    body: [
      p(
        'For 90 minutes, Atlético del Valle did everything but score a winner. Then, four minutes into stoppage time, Brayan Hernández rose above two defenders at the far post and headed a corner into the roof of the net, and the old stadium shook.',
      ),
      p(
        'The 2-1 win over Deportivo Costa Dorada lifts Atlético to fourth place in the second division table with three rounds left, level on points with the team in fifth but ahead on goal difference.',
      ),
      h2('How the goal came'),
      p(
        'Costa Dorada had equalized in the 71st minute through a deflected free kick and spent the last twenty minutes defending deep. Atlético coach Raúl Gómez Arias sent on Hernández, a teenager from the club’s youth team, with ten minutes left and told him to stay in the box.',
      ),
      quote(
        'I told him: don’t come back to defend, don’t think, just wait. He waited.',
        'Raúl Gómez Arias, Atlético del Valle coach',
      ),
      h2('The table, with three rounds left'),
      ol(
        'Halcones de Tierra Blanca, 34 points',
        'Club Sierra Madre, 31 points',
        'Mineros de San Gil, 29 points',
        'Atlético del Valle, 27 points',
      ),
      p(
        'Atlético travel to Club Sierra Madre next, then host the league leaders in their final home game. The club said about 9,400 tickets were sold, its best figure in three years.',
      ),
    ],
  },
  {
    slug: 'girls-league-registrations-double',
    headline: 'Registrations double in the valley’s girls’ football league',
    dek: 'More than 600 girls signed up this season across 38 teams, and organizers say the bottleneck is no longer interest but pitches, referees and kit.',
    label: 'report',
    section: 'sports',
    authors: ['javier-solis', 'mariana-quintero'],
    tags: ['football', 'local-government'],
    dateline: 'SAN LORENZO OCOTAL, Oaxaca',
    hoursAgo: 230,
    image: 'youth-league',
    body: [
      p(
        'When the Central Valleys girls’ football league started seven years ago, it had six teams, borrowed bibs and one referee who also drove the bus. This season it registered 612 players on 38 teams, double last year’s number.',
      ),
      p(
        'Organizers credit word of mouth, a run by the Mexican women’s league that has filled television schedules, and a group of mothers who began coaching when nobody else would.',
      ),
      img(
        'valley-stadium',
        'Players from two under-13 teams line up before a match on a municipal pitch in San Lorenzo Ocotal.',
      ),
      h2('Not enough pitches'),
      p(
        'Every match is played on municipal land, and the league competes for time with men’s amateur teams, which have held the best slots for decades. Some girls’ games now start at 7 a.m. to fit in.',
      ),
      quote(
        'The girls are ready. What we need is for the municipality to put our name on the schedule before the men’s teams, not after.',
        'Adela Jiménez, league coordinator',
      ),
      p(
        'The league is also short of referees. It is running a free course for new referees, and about half of those who have signed up are former players.',
      ),
      rel('interview-boxing-coach-doctores'),
    ],
  },
  {
    slug: 'ulama-ball-game-sinaloa',
    headline: 'Hip first: the players keeping ulama alive in Sinaloa',
    dek: 'A few dozen players still compete in a descendant of the ancient Mesoamerican ball game, striking a heavy rubber ball with their hips on courts of packed earth.',
    label: 'report',
    section: 'sports',
    authors: ['javier-solis'],
    tags: ['indigenous-communities', 'festivals'],
    dateline: 'MAZATLÁN, Sinaloa',
    attribution: 'With reports from Reuters',
    hoursAgo: 740,
    image: 'ball-court',
    body: [
      p(
        'The ball weighs about three kilos and is made of solid rubber. When it hits Julián Osuna on the hip, it makes a sound like a door slamming. Osuna, 24, does not flinch. He has been playing ulama since he was eleven.',
      ),
      p(
        'Ulama is a living descendant of the ball games played across Mesoamerica for thousands of years. Today it survives in a handful of communities in Sinaloa, where families have passed down the rules, the courts and the craft of making the ball.',
      ),
      h2('The rules'),
      ul(
        'Two teams face each other across a long, narrow court called a taste.',
        'The ball may be struck only with the hip; touching it with hands or feet loses the point.',
        'Scoring is counted with a system that can move backward as well as forward, so matches can last hours.',
      ),
      quote('My grandfather played, my father played. If I stop, who plays?', 'Julián Osuna, ulama player'),
      p(
        'Players wear leather hip guards tied over a loincloth, and most have permanent bruises. Injuries are part of the game, and the players treat them as such.',
      ),
      h2('Making the ball'),
      p(
        'The hardest part to keep alive may be the ball itself. Only a few people still know how to make one from the latex of local trees, and a new ball can take weeks. Players guard theirs carefully and carry them to matches wrapped in cloth.',
      ),
    ],
  },
  {
    slug: 'altitude-training-explainer',
    headline: 'Why distance runners keep coming to train in Mexico’s high country',
    dek: 'Cities like Toluca sit more than 2,600 meters above sea level, and that thin air is why elite and amateur runners plan training blocks there.',
    label: 'explainer',
    section: 'sports',
    authors: ['javier-solis', 'camila-herrera'],
    tags: ['tourism'],
    dateline: 'TOLUCA, State of Mexico',
    hoursAgo: 820,
    image: 'sierra-dawn',
    body: [
      p(
        'Every year, runners from across Mexico and abroad spend weeks training in the highlands of central Mexico. They are not there for the scenery, though it helps. They are there for the air.',
      ),
      h2('What thin air does'),
      p(
        'At high altitude, each breath carries less oxygen. The body responds over several weeks by producing more red blood cells, which carry oxygen to the muscles. When athletes return to lower altitude, that extra capacity can help them run faster, at least for a while.',
      ),
      h2('Live high, train low'),
      p(
        'Hard workouts are harder at altitude, because the body cannot deliver as much oxygen. Many coaches now favor living high and doing the fastest sessions lower down, which is possible in Mexico because high plateaus and lower valleys are often a short drive apart.',
      ),
      ul(
        'Most benefits take at least three weeks to appear.',
        'Runners should ease in: the first days at altitude bring headaches and poor sleep.',
        'Hydration and iron intake matter more than usual.',
      ),
      h2('The local economy'),
      p(
        'Training camps have become a small business in some highland towns, with guesthouses, physiotherapists and guides catering to visiting runners. Local clubs say the visitors also bring something harder to measure: young runners who train alongside athletes they have seen on television.',
      ),
    ],
  },
  {
    slug: 'opinion-stadium-before-pitches',
    headline: 'A new stadium should not come before the pitches where children play',
    dek: 'State officials are floating public money for a new stadium, but the valley’s real shortage is in lit, safe, free places for ordinary people to play.',
    label: 'opinion',
    section: 'sports',
    authors: ['javier-solis'],
    tags: ['football', 'local-government', 'transparency'],
    dateline: 'OAXACA, Oaxaca',
    hoursAgo: 60,
    image: 'valley-stadium',
    related: ['girls-league-registrations-double'],
    body: [
      p(
        'I love a full stadium. I have spent a good part of my working life in the press box of the valley’s old one, and I know what a late winner sounds like from there.',
      ),
      p(
        'But the proposal to spend public money on a new stadium for Atlético del Valle gets the order wrong. The old stadium is tired, not dangerous. It can be repaired. Meanwhile the valley’s girls’ league plays at 7 a.m. because there are not enough pitches, and many neighborhood fields have no lights at all.',
      ),
      p(
        'A stadium serves a few thousand people on twenty afternoons a year. A lit municipal pitch serves hundreds of people every night.',
      ),
      h2('A better use of the money'),
      ul(
        'Lights and fencing for every municipal pitch in the metropolitan area',
        'Changing rooms and toilets at the fields used by girls’ and women’s teams',
        'A public booking system so that the same clubs do not hold the best slots forever',
      ),
      p('If, after that, there is money left for a stadium, I will be the first one in the queue for tickets.'),
      rel('girls-league-registrations-double'),
    ],
  },
  {
    slug: 'interview-boxing-coach-doctores',
    headline: '“The gym is the only place they are not in a hurry”: a boxing coach on 30 years in the Doctores',
    dek: 'Ernesto “Neto” Salazar has trained amateur boxers in the same small Mexico City gym since 1995, and he says the sport has changed less than the neighborhood around it.',
    label: 'interview',
    section: 'sports',
    authors: ['javier-solis'],
    tags: ['public-safety'],
    dateline: 'MEXICO CITY',
    hoursAgo: 950,
    image: 'capital-skyline',
    body: [
      p(
        i(
          'Ernesto Salazar, 61, runs a boxing gym on the ground floor of an apartment building in the Doctores neighborhood of Mexico City. His fighters have won regional amateur titles; most of them never turn professional. This interview has been translated and condensed.',
        ),
      ),
      p(b('Who walks through your door these days?')),
      p(
        'Everybody. Kids whose mothers want them off the street, office workers who want to lose weight, girls, lots of girls now. When I started, a girl in a boxing gym was a scandal. Now they are the ones who show up on time.',
      ),
      p(b('What do you teach first?')),
      p(
        'To breathe and to stand. Nobody hits anything the first week. A boy who cannot stand still cannot defend himself, and a boy who cannot defend himself should not be punching.',
      ),
      quote(
        'Outside, everything is fast: the phone, the traffic, the money. In here, you do a round, you rest a minute. The gym is the only place they are not in a hurry.',
        'Ernesto Salazar, boxing coach',
      ),
      p(b('Do you ever think about retiring?')),
      p('Every January. Then a kid comes in with his hands taped wrong and I have to fix it.'),
    ],
  },
];
