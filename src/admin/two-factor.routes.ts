import { Type } from '@sinclair/typebox';
import QRCode from 'qrcode';
import type { TypedFastify } from '../http/typed-fastify.ts';
import {
  confirmTwoFactorSetup,
  disableTwoFactor,
  recoveryCodesLeft,
  startTwoFactorSetup,
} from '../staff/two-factor.service.ts';
import { accountOf } from '../staff/account.service.ts';
import { type AdminDeps, staffOf } from './auth.ts';
import { errors, NoContent } from './schemas.ts';
import { attemptsLimit } from './session.routes.ts';

/** Two-factor sign-in (TOTP) on one's own account: set up, confirm, see the recovery codes left, turn off. */
export function registerTwoFactorRoutes(api: TypedFastify, deps: AdminDeps): void {
  api.get(
    '/account/two-factor',
    {
      schema: {
        tags: ['account'],
        summary: 'Whether your two-factor sign-in is on, and how many recovery codes you have left',
        response: { 200: Type.Object({ enabled: Type.Boolean(), recoveryCodesLeft: Type.Integer() }) },
      },
    },
    async (request) => {
      const { id } = staffOf(request);
      return {
        enabled: (await accountOf(deps.db, id)).twoFactor,
        recoveryCodesLeft: await recoveryCodesLeft(deps.db, id),
      };
    },
  );

  api.post(
    '/account/two-factor/setup',
    {
      schema: {
        tags: ['account'],
        summary: 'Begin turning on two-factor sign-in: a new secret, as text and as a QR code',
        description:
          'Nothing changes for signing in until POST /account/two-factor/confirm with a code from the secret.',
        response: {
          200: Type.Object({
            secret: Type.String({ description: 'base32, for typing into an authenticator app' }),
            uri: Type.String({ description: 'the otpauth:// address the QR code holds' }),
            qrSvg: Type.String({ description: 'the QR code of `uri`, an SVG image' }),
          }),
          ...errors(409),
        },
      },
    },
    async (request) => {
      const setup = await startTwoFactorSetup(deps.db, staffOf(request));
      return {
        ...setup,
        qrSvg: await QRCode.toString(setup.uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }),
      };
    },
  );

  api.post(
    '/account/two-factor/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Turn on two-factor sign-in with a code from the new secret',
        description: 'Gives ten recovery codes, each good for one sign-in without the app. They are shown this once.',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }, { description: 'Two-factor sign-in is on' }),
          ...errors(401, 409, 429),
        },
      },
      config: attemptsLimit(deps, 'Too many codes; wait a minute and try again.'),
    },
    async (request) => confirmTwoFactorSetup(deps.db, staffOf(request), request.body.code),
  );

  api.post(
    '/account/two-factor/disable',
    {
      schema: {
        tags: ['account'],
        summary: 'Turn off two-factor sign-in, with your password or a code',
        description: 'Refused (409) while the site requires two-factor sign-in of all staff.',
        body: Type.Object(
          {
            password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
            code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...errors(401, 409, 429) },
      },
      config: attemptsLimit(deps, 'Too many attempts; wait a minute and try again.'),
    },
    async (request, reply) => {
      await disableTwoFactor(deps.db, staffOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
}
