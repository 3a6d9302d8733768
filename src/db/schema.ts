import type {
  ArticleAuthorsTable,
  ArticleBodiesTable,
  ArticleRelatedTable,
  ArticlesTable,
  ArticleTagsTable,
  CorrectionsTable,
  RevisionsTable,
} from '../content/articles.table.ts';
import type { FrontPagePinsTable } from '../content/front-page.table.ts';
import type { ArticleAccessTiersTable, MeteredReadsTable } from '../content/paywall.table.ts';
import type { ArticlePresenceTable } from '../content/presence.table.ts';
import type { PreviewLinksTable } from '../content/preview-links.table.ts';
import type { PagesTable, RedirectsTable, SettingsTable } from '../content/pages.table.ts';
import type { AuthorsTable, LabelsTable, SectionsTable, TagsTable } from '../content/taxonomy.table.ts';
import type {
  ComplimentaryAccessTable,
  MemberEventsTable,
  MemberPreferencesTable,
  MemberKeysTable,
  MemberLinksTable,
  MembersTable,
  MemberSessionsTable,
} from '../members/members.table.ts';
import type { TierPricesTable, TiersTable } from '../billing/tiers.table.ts';
import type { OfferRedemptionsTable, OffersTable } from '../billing/offers.table.ts';
import type { GiftsTable } from '../billing/gifts.table.ts';
import type { StripeCustomersTable, StripeEventsTable } from '../billing/stripe.table.ts';
import type { MemberPaymentsTable, MemberSubscriptionsTable } from '../members/subscriptions.table.ts';
import type { GroupInvitesTable, GroupSeatsTable, MemberGroupsTable } from '../members/groups.table.ts';
import type { ImagesTable } from '../media/images.table.ts';
import type { StaffInvitationsTable } from '../staff/invitations.table.ts';
import type { PasswordResetsTable } from '../staff/password-reset.table.ts';
import type { ApiKeysTable, StaffSessionsTable, StaffTable } from '../staff/staff.table.ts';
import type { StaffRecoveryCodesTable, StaffSignInChallengesTable } from '../staff/two-factor.table.ts';

/** The whole database as Kysely sees it; each table's shape lives with the domain that owns it. */
export interface Database {
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_bodies: ArticleBodiesTable;
  article_tags: ArticleTagsTable;
  article_related: ArticleRelatedTable;
  corrections: CorrectionsTable;
  revisions: RevisionsTable;
  sections: SectionsTable;
  tags: TagsTable;
  labels: LabelsTable;
  authors: AuthorsTable;
  pages: PagesTable;
  redirects: RedirectsTable;
  settings: SettingsTable;
  front_page_pins: FrontPagePinsTable;
  preview_links: PreviewLinksTable;
  article_presence: ArticlePresenceTable;
  images: ImagesTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  api_keys: ApiKeysTable;
  password_resets: PasswordResetsTable;
  staff_invitations: StaffInvitationsTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
  staff_sign_in_challenges: StaffSignInChallengesTable;
  members: MembersTable;
  member_links: MemberLinksTable;
  member_sessions: MemberSessionsTable;
  complimentary_access: ComplimentaryAccessTable;
  member_keys: MemberKeysTable;
  member_events: MemberEventsTable;
  member_preferences: MemberPreferencesTable;
  tiers: TiersTable;
  tier_prices: TierPricesTable;
  stripe_customers: StripeCustomersTable;
  stripe_events: StripeEventsTable;
  member_subscriptions: MemberSubscriptionsTable;
  member_payments: MemberPaymentsTable;
  article_access_tiers: ArticleAccessTiersTable;
  metered_reads: MeteredReadsTable;
  offers: OffersTable;
  offer_redemptions: OfferRedemptionsTable;
  gifts: GiftsTable;
  member_groups: MemberGroupsTable;
  group_seats: GroupSeatsTable;
  group_invites: GroupInvitesTable;
}
