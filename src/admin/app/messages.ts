import { common } from './common.messages.ts';
import { accountMessages } from './account/messages.ts';
import { articlesMessages } from './articles/messages.ts';
import { dashboardMessages } from './dashboard/messages.ts';
import { articleMessages } from './article/messages.ts';
import { historyMessages } from './article-history/messages.ts';
import { editorMessages } from './editor/messages.ts';
import { staffMessages } from './staff/messages.ts';
import { panelMessages } from './article-panel/messages.ts';
import { frontPageMessages } from './front-page/messages.ts';
import { apiKeysMessages } from './api-keys/messages.ts';
import { mediaMessages } from './media/messages.ts';
import { navigationMessages } from './navigation/messages.ts';
import { pagesMessages } from './pages/messages.ts';
import { redirectsMessages } from './redirects/messages.ts';
import { settingsMessages } from './settings/messages.ts';
import { taxonomyMessages } from './taxonomy/messages.ts';
import { membersMessages } from './members/messages.ts';
import { tiersMessages } from './tiers/messages.ts';
import { revenueMessages } from './revenue/messages.ts';
import { offersMessages } from './tiers/offers-messages.ts';
import { uiMessages } from './ui/messages.ts';

/**
 * The web app's words in the newsroom's two languages. Each area keeps its own (defineMessages
 * checks that both languages have the same keys); a new area adds its catalogue to this list. A key
 * belongs to one area only (messages.test.ts): two areas giving one key two texts would leave the
 * words to the order of this list.
 */
export const messageAreas = [
  common,
  dashboardMessages,
  editorMessages,
  articleMessages,
  historyMessages,
  articlesMessages,
  accountMessages,
  staffMessages,
  panelMessages,
  uiMessages,
  mediaMessages,
  taxonomyMessages,
  frontPageMessages,
  pagesMessages,
  navigationMessages,
  redirectsMessages,
  apiKeysMessages,
  settingsMessages,
  tiersMessages,
  offersMessages,
  membersMessages,
  revenueMessages,
] as const;

type Union<T> = T extends readonly (infer U)[] ? U : never;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type English = Intersect<Union<typeof messageAreas>['en']>;

const en = Object.assign({}, ...messageAreas.map((area) => area.en)) as English;
const es = Object.assign({}, ...messageAreas.map((area) => area.es)) as Record<keyof English, string>;

export type MessageKey = keyof English;

export type Locale = 'en' | 'es';
export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/** A translator for one language: `{name}` placeholders are filled from `values`. */
export function translator(locale: Locale): Translate {
  const messages = locale === 'es' ? es : en;
  return (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

/** Whether a key names a message (for keys made at run time, such as a refused field's). */
export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

/** The message for an API error code, or a general one naming the code. */
export function errorMessage(t: Translate, code: string): string {
  const key = `error.${code}`;
  return key in en ? t(key as MessageKey) : t('error.other', { code });
}
