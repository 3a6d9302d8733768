/** The demo newsroom loaded by `gaceta seed`: The Valley Gazette (La Gaceta del Valle). */
import type { DemoArticle } from './types.ts';
import { articles as politics } from './politics.ts';
import { articles as economy } from './economy.ts';
import { articles as environment } from './environment.ts';
import { articles as culture } from './culture.ts';
import { articles as security } from './security.ts';
import { articles as sports } from './sports.ts';

export type * from './types.ts';
export { site, sections, labels, authors, tags, images, pages } from './newsroom.ts';

export const allArticles: DemoArticle[] = [...politics, ...economy, ...environment, ...culture, ...security, ...sports];
