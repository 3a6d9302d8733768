import { Type } from '@sinclair/typebox';
import { listTierRows } from '../billing/tiers.repository.ts';
import { formatCsv } from '../http/csv.ts';
import { AppError } from '../http/errors.ts';
import type { TypedFastify } from '../http/typed-fastify.ts';
import { announceAccessChange } from '../members/access-changes.ts';
import {
  grantComplimentary,
  grantComplimentaryTo,
  removeComplimentary,
  removeComplimentaryGrant,
} from '../members/complimentary.service.ts';
import { allMembers, listMembers, type MemberListItem, MEMBERS_PER_PAGE } from '../members/directory.ts';
import { importMembers } from '../members/member-import.ts';
import { type MemberProfile, memberProfile } from '../members/member-profile.ts';
import { staffNames } from '../staff/staff.service.ts';
import { type AdminDeps, staffOf } from './auth.ts';
import { GrantJson, ImportReportJson, MemberFiltersQuery, MemberItem, MemberProfileJson } from './members.schemas.ts';
import { errors, IdParams, NoContent } from './schemas.ts';

const Email = Type.String({ minLength: 3, maxLength: 320, description: "the reader's email address" });
const Note = Type.Optional(Type.String({ maxLength: 500 }));
const EndsAt = Type.String({ format: 'date-time', description: 'when the access ends' });
/** The largest import taken: about 20,000 members with names and notes. */
export const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;
const EXPORT_COLUMNS = ['email', 'name', 'created_at', 'access', 'complimentary_until', 'gift_until', 'signed_up_from'];

/** Tier names by id (billing's tiers, archived ones too): a gift grant names its tier. */
async function tierNames(deps: AdminDeps): Promise<Map<string, string>> {
  return new Map((await listTierRows(deps.db)).map((tier) => [tier.id, tier.name]));
}

/** A listed member with their gift's tier named. */
const withTierName = (names: Map<string, string>) => (member: MemberListItem) => ({
  ...member,
  gift: member.gift ? { ...member.gift, tierName: names.get(member.gift.tierId) ?? '' } : null,
});

/** The history's actors in words a screen can show: staff by name, not by id. */
async function presentProfile(deps: AdminDeps, profile: MemberProfile) {
  const staffIds = [
    ...profile.history.map((event) => event.actor),
    ...profile.grants.flatMap((grant) => (grant.grantedBy ? [grant.grantedBy] : [])),
  ].filter((actor) => !['member', 'stripe', 'system'].includes(actor));
  const [names, tiers] = await Promise.all([staffNames(deps.db, [...new Set(staffIds)]), tierNames(deps)]);
  const actorOf = (actor: string): { kind: 'member' | 'stripe' | 'system' | 'staff'; name?: string } =>
    actor === 'member' || actor === 'stripe' || actor === 'system'
      ? { kind: actor }
      : { kind: 'staff', name: names.get(actor) ?? '' };
  return {
    ...profile,
    grants: profile.grants.map((grant) => ({
      ...grant,
      grantedBy: grant.grantedBy ? (names.get(grant.grantedBy) ?? '') : null,
      tierName: grant.tierId ? (tiers.get(grant.tierId) ?? '') : null,
    })),
    history: profile.history.map((event) => ({ ...event, actor: actorOf(event.actor) })),
  };
}

/** The members screen's API (editors and admins): find, read, give and end complimentary access, export, import. */
export function registerMemberAdminRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.get(
    '/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Find members by address or name, access and sign-up date, newest first (editors and admins)',
        description: `${MEMBERS_PER_PAGE} a page.`,
        querystring: Type.Object(
          {
            ...MemberFiltersQuery,
            page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$', description: 'from 1 (default 1)' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            members: Type.Array(MemberItem),
            total: Type.Integer({ description: 'how many members match' }),
            page: Type.Integer(),
            perPage: Type.Integer(),
          }),
          ...errors(403),
        },
      },
    },
    async (request) => {
      const { page, ...filters } = request.query;
      const current = page ? Number(page) : 1;
      const found = await listMembers(deps.db, staffOf(request), filters, current);
      const members = found.members.map(withTierName(await tierNames(deps)));
      return { members, total: found.total, page: current, perPage: MEMBERS_PER_PAGE };
    },
  );

  api.get(
    '/members/export.csv',
    {
      schema: {
        tags: ['members'],
        summary: 'The members who match, as CSV (editors and admins)',
        description: `Columns ${EXPORT_COLUMNS.join(', ')}; RFC 4180, and a cell a spreadsheet would run as a formula starts with '.`,
        querystring: Type.Object(MemberFiltersQuery, { additionalProperties: false }),
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'the CSV file' }), ...errors(403) },
      },
    },
    async (request, reply) => {
      const rows: string[][] = [EXPORT_COLUMNS];
      for await (const batch of allMembers(deps.db, staffOf(request), request.query))
        for (const member of batch)
          rows.push([
            member.email,
            member.name,
            member.since,
            member.access,
            member.complimentaryUntil ?? '',
            member.gift?.until ?? '',
            member.signedUpFrom ?? '',
          ]);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="members-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(formatCsv(rows));
    },
  );

  api.get(
    '/members/:id',
    {
      schema: {
        tags: ['members'],
        summary: "A member's account, access, complimentary grants, subscriptions, payments and history",
        params: IdParams,
        response: { 200: MemberProfileJson, ...errors(403) },
      },
    },
    async (request) => presentProfile(deps, await memberProfile(deps.db, staffOf(request), request.params.id)),
  );

  api.post(
    '/members/:id/complimentary',
    {
      schema: {
        tags: ['members'],
        summary: 'Give a member paid access until a date (editors and admins)',
        params: IdParams,
        body: Type.Object({ endsAt: EndsAt, note: Note }, { additionalProperties: false }),
        response: { 201: GrantJson },
      },
    },
    async (request, reply) => {
      const grant = await grantComplimentaryTo(deps.db, staffOf(request), request.params.id, request.body);
      announceAccessChange(deps.invalidation, grant.memberId);
      return reply.code(201).send(grant);
    },
  );

  api.delete(
    '/members/:id/complimentary/:grantId',
    {
      schema: {
        tags: ['members'],
        summary: "End one of a member's complimentary grants now (editors and admins)",
        params: Type.Object({ id: Type.String({ format: 'uuid' }), grantId: Type.String({ format: 'uuid' }) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { id, grantId } = request.params;
      await removeComplimentaryGrant(deps.db, staffOf(request), id, grantId);
      announceAccessChange(deps.invalidation, id);
      return reply.code(204).send(null);
    },
  );

  registerImport(api, deps);
  registerComplimentaryByEmail(api, deps);
}

function registerImport(api: TypedFastify, deps: AdminDeps): void {
  // Its own context, so the text/csv body is taken by this route only (the others take JSON).
  void api.register(async (scoped) => {
    scoped.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: IMPORT_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scoped.post(
      '/members/import',
      {
        schema: {
          tags: ['members'],
          summary: 'Import members from CSV (editors and admins)',
          description:
            'A header line, then one member a line: email (required), name, complimentary_until (a date or instant), note; other columns (as in an export) are ignored. Importing the same file again changes nothing. Rows that cannot be used are reported with their line; a file that is not CSV is refused whole (422), and nothing is imported.',
          consumes: ['text/csv'],
          body: Type.String({ description: 'the CSV file' }),
          response: { 200: ImportReportJson, ...errors(422) },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string')
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv.');
        const { report, accessChanged } = await importMembers(deps.db, staffOf(request), request.body);
        for (const memberId of accessChanged) announceAccessChange(deps.invalidation, memberId);
        return report;
      },
    );
  });
}

/** For API clients that know a reader by address: gives access (making the account) or ends it all. */
function registerComplimentaryByEmail(api: TypedFastify, deps: AdminDeps): void {
  api.post(
    '/members/complimentary',
    {
      schema: {
        tags: ['members'],
        summary: 'Give a reader paid access until a date (editors and admins)',
        description:
          'Makes the reader an account when the address has none. The reader reads as paid from their next page.',
        body: Type.Object({ email: Email, endsAt: EndsAt, note: Note }, { additionalProperties: false }),
        response: { 201: GrantJson },
      },
    },
    async (request, reply) => {
      const grant = await grantComplimentary(deps.db, staffOf(request), request.body);
      announceAccessChange(deps.invalidation, grant.memberId);
      return reply.code(201).send(grant);
    },
  );

  api.post(
    '/members/complimentary/remove',
    {
      schema: {
        tags: ['members'],
        summary: "End a reader's complimentary access now (editors and admins)",
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 200: Type.Object({ removed: Type.Integer({ description: 'grants ended' }) }) },
      },
    },
    async (request) => {
      const { memberId, removed } = await removeComplimentary(deps.db, staffOf(request), request.body.email);
      if (removed > 0) announceAccessChange(deps.invalidation, memberId);
      return { removed };
    },
  );
}
