import type { FastifyInstance } from 'fastify';
import { bodyLimits } from '../../../shared/http/route-kit.js';
import type { ChannelWebhooks } from '../ports/channel-provider.js';
import { flat, toWebhookRequest, type WebhookIntake } from './webhook-intake.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const twilioSchema = (summary: string) => ({ tags: ['webhooks'], summary, security: [] });

/** `/v1/webhooks/twilio/*`: inbound messages, status callbacks and voice turns. */
export async function twilioWebhookRoutes(
  app: FastifyInstance,
  webhooks: ChannelWebhooks,
  intake: WebhookIntake,
) {
  const publicRoute = { config: { public: true }, bodyLimit: bodyLimits.public } as const;

  app.post(
    '/v1/webhooks/twilio/messages',
    { ...publicRoute, schema: twilioSchema('Twilio inbound SMS and WhatsApp (signed)') },
    async (req, reply) => {
      const verdict = await webhooks.twilio('messages', toWebhookRequest(req, flat(req.body)));
      await intake.storeThen(req, reply, verdict, async () => {
        await reply.type('text/xml').send(EMPTY_TWIML);
      });
    },
  );

  app.post(
    '/v1/webhooks/twilio/status',
    { ...publicRoute, schema: twilioSchema('Twilio message and call status callbacks (signed)') },
    async (req, reply) => {
      const verdict = await webhooks.twilio('status', toWebhookRequest(req, flat(req.body)));
      await intake.storeThen(req, reply, verdict, async () => {
        await reply.code(204).send();
      });
    },
  );

  app.post(
    '/v1/webhooks/twilio/voice',
    { ...publicRoute, schema: twilioSchema('Twilio voice turns: answers with TwiML (signed)') },
    async (req, reply) => {
      const r = toWebhookRequest(req, flat(req.body));
      const verdict = await webhooks.twilio('voice', r);
      await intake.storeThen(req, reply, verdict, async (events) => {
        const twiml = verdict.ok ? await webhooks.voiceResponse(verdict.orgId, events[0], r) : EMPTY_TWIML;
        await reply.type('text/xml').send(twiml);
      });
    },
  );
}

/** `/v1/webhooks/whatsapp`: Meta's verification handshake and its signed deliveries. */
export async function metaWebhookRoutes(
  app: FastifyInstance,
  webhooks: ChannelWebhooks,
  intake: WebhookIntake,
) {
  app.get(
    '/v1/webhooks/whatsapp',
    {
      config: { public: true },
      schema: { tags: ['webhooks'], summary: 'Meta webhook verification handshake', security: [] },
    },
    async (req, reply) => {
      const challenge = await webhooks.metaHandshake(flat(req.query));
      if (challenge === null) {
        intake.log(req, 'warn', 'webhook rejected', {
          path: '/v1/webhooks/whatsapp',
          reason: 'handshake: bad mode or verify token',
          ip: req.ip,
        });
        return reply.code(403).type('text/plain').send('forbidden');
      }
      return reply.type('text/plain').send(challenge);
    },
  );

  app.post(
    '/v1/webhooks/whatsapp',
    {
      config: { public: true },
      bodyLimit: bodyLimits.metaWebhook,
      schema: {
        tags: ['webhooks'],
        summary: 'Meta WhatsApp Cloud API messages and statuses (signed)',
        security: [],
      },
    },
    async (req, reply) => {
      await intake.storeThen(req, reply, await webhooks.meta(toWebhookRequest(req, {})), async () => {
        await reply.code(200).send('ok');
      });
    },
  );
}
