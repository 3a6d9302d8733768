/**
 * The demo newsroom: "The Valley Gazette" (La Gaceta del Valle), a fictional,
 * reader-funded English-language newsroom covering Mexico from Oaxaca.
 * Every name, quote and story in the demo is invented.
 */
import { a, b, h2, p, ul, ol } from './blocks.ts';
import type { DemoAuthor, DemoImage, DemoLabel, DemoPage, DemoSection, DemoTag } from './types.ts';

export const site = {
  title: 'The Valley Gazette',
  description:
    'La Gaceta del Valle: independent, reader-funded reporting in English on Mexico’s politics, economy, environment and culture, from Oaxaca’s Central Valleys.',
};

export const sections: DemoSection[] = [
  {
    slug: 'politics',
    name: 'Politics',
    description:
      'Town halls, state congresses and federal policy, and what they mean for the people who live with the results.',
  },
  {
    slug: 'economy',
    name: 'Economy',
    description: 'Markets, wages, trade and the small businesses that keep Mexico’s towns running.',
  },
  {
    slug: 'environment',
    name: 'Environment',
    description: 'Water, land, energy and climate, reported from the places where they are contested.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Music, books, crafts and the community institutions that carry them forward.',
  },
  {
    slug: 'security',
    name: 'Security',
    description: 'Crime, justice and public safety, with attention to victims, evidence and accountability.',
  },
  {
    slug: 'sports',
    name: 'Sports',
    description: 'From the league table to the neighborhood pitch: football, boxing, running and traditional games.',
  },
];

export const labels: DemoLabel[] = [
  { slug: 'report', name: 'Report' },
  { slug: 'analysis', name: 'Analysis' },
  { slug: 'opinion', name: 'Opinion' },
  { slug: 'explainer', name: 'Explainer' },
  { slug: 'interview', name: 'Interview' },
];

export const authors: DemoAuthor[] = [
  {
    slug: 'marta-villalobos',
    name: 'Marta Villalobos',
    bio: 'Editor-in-chief and co-founder of The Valley Gazette. She spent twelve years as a regional correspondent before starting the newsroom in Oaxaca.',
  },
  {
    slug: 'ana-lucia-mendoza',
    name: 'Ana Lucía Mendoza',
    bio: 'Politics editor. She covers municipal governments, state congresses and elections across southern Mexico.',
  },
  {
    slug: 'tomas-echeverria',
    name: 'Tomás Echeverría',
    bio: 'Economy reporter. Before journalism he worked as an accountant for agricultural cooperatives in the Central Valleys.',
  },
  {
    slug: 'rosa-itzel-cruz',
    name: 'Rosa Itzel Cruz',
    bio: 'Environment reporter based in the Central Valleys. She reports in English, Spanish and Valley Zapotec.',
  },
  {
    slug: 'daniel-villasenor',
    name: 'Daniel Villaseñor',
    bio: 'Security correspondent. He covers policing, prosecutors and the search for the disappeared from Puebla and Oaxaca.',
  },
  {
    slug: 'mariana-quintero',
    name: 'Mariana Quintero',
    bio: 'Culture writer. She covers music, books, crafts and the people who keep community traditions going.',
  },
  {
    slug: 'javier-solis',
    name: 'Javier Solís',
    bio: 'Sports reporter. He has covered regional football for a decade and still referees youth matches on weekends.',
  },
  {
    slug: 'camila-herrera',
    name: 'Camila Herrera',
    bio: 'Data reporter. She builds the Gazette’s public records trackers and writes our explainers.',
  },
];

export const tags: DemoTag[] = [
  { slug: 'water', name: 'Water' },
  { slug: 'drought', name: 'Drought' },
  { slug: 'climate', name: 'Climate' },
  { slug: 'elections', name: 'Elections' },
  { slug: 'local-government', name: 'Local government' },
  { slug: 'transparency', name: 'Transparency' },
  { slug: 'migration', name: 'Migration' },
  { slug: 'mining', name: 'Mining' },
  { slug: 'agriculture', name: 'Agriculture' },
  { slug: 'energy', name: 'Energy' },
  { slug: 'trade', name: 'Trade' },
  { slug: 'tourism', name: 'Tourism' },
  { slug: 'indigenous-communities', name: 'Indigenous communities' },
  { slug: 'festivals', name: 'Festivals' },
  { slug: 'football', name: 'Football' },
  { slug: 'public-safety', name: 'Public safety' },
  { slug: 'press-freedom', name: 'Press freedom' },
  { slug: 'human-rights', name: 'Human rights' },
];

const ILLUSTRATION = 'Illustration: The Valley Gazette';

export const images: DemoImage[] = [
  {
    key: 'valley-skyline',
    alt: 'Low rooftops and church domes of a colonial city at dusk, with hills behind',
    caption: 'Rooftops of Oaxaca’s historic center at dusk.',
    credit: 'Photo: María Fernanda Ruiz / The Valley Gazette',
    palette: ['#c8553d', '#2d3047'],
    motif: 'skyline',
  },
  {
    key: 'capital-skyline',
    alt: 'Office towers along a wide avenue under a hazy sky',
    caption: 'Office towers along Paseo de la Reforma in Mexico City.',
    credit: 'Photo: Joaquín Pérez Olmos / The Valley Gazette',
    palette: ['#8d99ae', '#2b2d42'],
    motif: 'skyline',
  },
  {
    key: 'city-hall',
    alt: 'A two-story municipal building with arches facing a small plaza',
    caption: 'The municipal palace of San Lorenzo Ocotal, Oaxaca.',
    credit: 'Photo: Itzel Ramírez / The Valley Gazette',
    palette: ['#f4a259', '#5b8e7d'],
    motif: 'skyline',
  },
  {
    key: 'old-mill',
    alt: 'Brick chimney of a disused textile mill beside a dry canal',
    caption: 'A disused textile mill on the outskirts of Puebla.',
    credit: ILLUSTRATION,
    palette: ['#a44a3f', '#f2e3bc'],
    motif: 'skyline',
  },
  {
    key: 'plaza-rally',
    alt: 'Residents holding handwritten signs gather in a town square',
    caption: 'Residents gather in a town square to demand a public hearing.',
    credit: 'Photo: Itzel Ramírez / The Valley Gazette',
    palette: ['#e63946', '#1d3557'],
    motif: 'crowd',
  },
  {
    key: 'sierra-dawn',
    alt: 'Pine-covered mountain ridges fading into morning mist',
    caption: 'Morning mist over the ridges of the Sierra Norte.',
    credit: 'Photo: Gerardo Lince / The Valley Gazette',
    palette: ['#2a9d8f', '#264653'],
    motif: 'mountains',
  },
  {
    key: 'dry-riverbed',
    alt: 'Cracked mud and pale stones in an empty riverbed under a strong sun',
    caption: 'A riverbed near San Lorenzo Ocotal that has carried no water for months.',
    credit: 'Photo: María Fernanda Ruiz / The Valley Gazette',
    palette: ['#e9c46a', '#9c6644'],
    motif: 'sun',
  },
  {
    key: 'reservoir-low',
    alt: 'A reservoir with a wide pale band of exposed shoreline below the hills',
    caption: 'Exposed shoreline shows how far a valley reservoir has dropped.',
    credit: 'Photo: Gerardo Lince / The Valley Gazette',
    palette: ['#90be6d', '#577590'],
    motif: 'mountains',
  },
  {
    key: 'tuesday-market',
    alt: 'Stalls piled with chiles, tomatoes and bread under colored awnings',
    caption: 'The Tuesday market in San Lorenzo Ocotal.',
    credit: 'Photo: Itzel Ramírez / The Valley Gazette',
    palette: ['#f77f00', '#003049'],
    motif: 'market',
  },
  {
    key: 'textile-stall',
    alt: 'Embroidered blouses and woven rugs hanging at a market stall',
    caption: 'Hand-woven textiles for sale at a Oaxaca market stall.',
    credit: 'Photo: María Fernanda Ruiz / The Valley Gazette',
    palette: ['#d62828', '#fcbf49'],
    motif: 'market',
  },
  {
    key: 'agave-rows',
    alt: 'Rows of blue-gray agave plants on a sloping field',
    caption: 'Espadín agave planted during the price boom, near Santa Ana del Maguey.',
    credit: 'Photo: Gerardo Lince / The Valley Gazette',
    palette: ['#6d9dc5', '#a3b18a'],
    motif: 'fields',
  },
  {
    key: 'coffee-harvest',
    alt: 'Coffee bushes heavy with red cherries on a shaded hillside',
    caption: 'Coffee ripening under shade trees in the Sierra Norte.',
    credit: 'Photo: Gerardo Lince / The Valley Gazette',
    palette: ['#9b2226', '#386641'],
    motif: 'fields',
  },
  {
    key: 'industrial-park',
    alt: 'Rows of new warehouse buildings with mountains behind',
    caption: 'New industrial buildings on the northern edge of the Monterrey metro area.',
    credit: ILLUSTRATION,
    palette: ['#adb5bd', '#343a40'],
    motif: 'skyline',
  },
  {
    key: 'cargo-trucks',
    alt: 'A line of stopped cargo trucks on a highway winding through hills',
    caption: 'Cargo trucks stopped on a federal highway.',
    credit: 'Photo: Joaquín Pérez Olmos / The Valley Gazette',
    palette: ['#ffb703', '#023047'],
    motif: 'mountains',
  },
  {
    key: 'mine-ridge',
    alt: 'Terraced gray slopes of an open-pit mine below a bare ridge',
    caption: 'Mine workings above Real de Plata, Zacatecas.',
    credit: ILLUSTRATION,
    palette: ['#8a817c', '#463f3a'],
    motif: 'mountains',
  },
  {
    key: 'fishing-boats',
    alt: 'Small painted fishing boats pulled up on a muddy shore',
    caption: 'Fishing boats at Puerto Coralillo, Veracruz.',
    credit: 'Photo: Joaquín Pérez Olmos / The Valley Gazette',
    palette: ['#00b4d8', '#03045e'],
    motif: 'sea',
  },
  {
    key: 'gulf-coast',
    alt: 'A flat green coastline of mangroves meeting calm gray water',
    caption: 'Mangroves along the Gulf coast of Veracruz.',
    credit: ILLUSTRATION,
    palette: ['#52b788', '#1b4332'],
    motif: 'sea',
  },
  {
    key: 'solar-park',
    alt: 'Rows of solar panels stretching across flat farmland',
    caption: 'A solar installation on former farmland in the Bajío.',
    credit: ILLUSTRATION,
    palette: ['#ffd166', '#118ab2'],
    motif: 'sun',
  },
  {
    key: 'festival-crowd',
    alt: 'A brass band in matching shirts plays in a crowded street',
    caption: 'A community brass band leads a procession in the Central Valleys.',
    credit: 'Photo: María Fernanda Ruiz / The Valley Gazette',
    palette: ['#ef476f', '#ffd166'],
    motif: 'crowd',
  },
  {
    key: 'community-radio',
    alt: 'Two people wearing headphones at a small mixing desk',
    caption: 'Volunteers at the controls of a community radio station.',
    credit: 'Photo: Itzel Ramírez / The Valley Gazette',
    palette: ['#7209b7', '#f72585'],
    motif: 'crowd',
  },
  {
    key: 'valley-stadium',
    alt: 'Floodlit football stadium with a half-full stand',
    caption: 'A floodlit night match in Oaxaca.',
    credit: 'Photo: Joaquín Pérez Olmos / The Valley Gazette',
    palette: ['#2d6a4f', '#081c15'],
    motif: 'stadium',
  },
  {
    key: 'youth-league',
    alt: 'Girls in orange bibs chase a ball on a dirt pitch',
    caption: 'A Saturday morning match in the valley girls’ league.',
    credit: 'Photo: Itzel Ramírez / The Valley Gazette',
    palette: ['#fb8500', '#8ecae6'],
    motif: 'stadium',
  },
  {
    key: 'ball-court',
    alt: 'A long strip of packed earth marked with a center line under a bright sun',
    caption: 'An ulama court of packed earth in Sinaloa.',
    credit: ILLUSTRATION,
    palette: ['#f4a261', '#e76f51'],
    motif: 'sun',
  },
];

export const pages: DemoPage[] = [
  {
    slug: 'about',
    title: 'About The Valley Gazette',
    body: [
      p(
        b('La Gaceta del Valle'),
        ' — The Valley Gazette — is an independent, reader-funded newsroom that reports on Mexico in English from Oaxaca’s Central Valleys.',
      ),
      p(
        'We started in 2019 with three reporters, a borrowed office and one question: what would national news look like if it were reported from the towns where national decisions land? Today we are a staff of nine, with contributors in Puebla, Monterrey and Mexico City.',
      ),
      h2('What we cover'),
      ul(
        'Municipal and state government, and the public money they spend',
        'Water, land, mining and energy, and the communities that depend on them',
        'Security and justice, with a focus on victims and accountability',
        'Culture, sports and community life that rarely reach the national press',
      ),
      h2('How we are funded'),
      p(
        'Most of our budget comes from readers who pay a monthly membership. We also receive grants from foundations that support independent journalism; they have no say over what we publish. We do not accept government advertising at any level.',
      ),
      p(
        'Read our ',
        a('ethics policy', '/ethics-policy'),
        ' and our ',
        a('corrections policy', '/corrections-policy'),
        ' to see how we work.',
      ),
    ],
  },
  {
    slug: 'ethics-policy',
    title: 'Ethics policy',
    body: [
      p(
        'This policy describes the standards every person who reports, edits or publishes for The Valley Gazette is expected to follow. It applies to staff and freelance contributors alike.',
      ),
      h2('Independence'),
      p(
        'We do not accept gifts, paid travel or payment of any kind from the people and institutions we cover. Reporters do not cover organizations in which they or their immediate family have a financial or political interest. When a conflict cannot be avoided, we disclose it in the story.',
      ),
      h2('Sources'),
      ul(
        'We identify sources by name whenever possible.',
        'We grant anonymity only when a source faces a real risk of harm or retaliation, and at least one editor must know the source’s identity.',
        'We do not pay for information or interviews.',
        'We tell people we are journalists before we interview them.',
      ),
      h2('Safety and dignity'),
      p(
        'We do not publish the names or images of minors, victims of sexual violence or people at risk of reprisal without their informed consent. When covering violence, we avoid images that serve no reporting purpose.',
      ),
      h2('Wire and partner material'),
      p(
        'When a story includes information from news agencies or partner outlets, we say so in an attribution line at the end of the article.',
      ),
    ],
  },
  {
    slug: 'corrections-policy',
    title: 'Corrections policy',
    body: [
      p(
        'We make mistakes, and when we do we fix them openly. Every correction is noted at the bottom of the article where the error appeared, with the date the change was made.',
      ),
      h2('Corrections and clarifications'),
      ul(
        [b('Corrections'), ' fix a factual error: a wrong number, name, date or quotation.'],
        [b('Clarifications'), ' add context or precision when a passage was accurate but could mislead readers.'],
        [
          b('Updates'),
          ' add new information as a story develops. They are marked with the time of the update and are not treated as corrections.',
        ],
      ),
      h2('How to request a correction'),
      ol(
        'Write to corrections@valleygazette.example with a link to the article.',
        'Tell us what you believe is wrong and, if you can, how you know.',
        'An editor will reply within two working days, whether or not we make a change.',
      ),
      p(
        'We do not remove articles at the request of the people they mention, except in rare cases involving a risk to someone’s safety. Those decisions are made by the editor-in-chief.',
      ),
    ],
  },
];
