import type { InboundEvent } from '@saldo/core/channels';
import type {
  ChannelWebhooks,
  OrgInboundEvent,
  VoiceDialogue,
  WebhookRequest,
  WebhookVerdict,
} from '../../ports/channel-provider.js';
import type { ChannelSettingsResolver } from '../../ports/channel-settings.js';
import type { Clock } from '../../../../shared/clock/clock.js';
import type { VoiceScriptStore } from '../../ports/voice-script-store.js';
import { voiceTurnTwiml } from '../twilio-voice.js';
import { DIALOGUE_STEP, dialogueTwiml } from '../twilio-voice-dialogue.js';
import {
  metaHandshake,
  metaPhoneNumberIds,
  normaliseMetaPayload,
  parseMetaPayload,
  verifyMetaSignature,
} from './meta-webhook.js';
import {
  normaliseTwilioMessage,
  normaliseTwilioStatus,
  normaliseTwilioVoice,
  verifyTwilioSignature,
} from './twilio-webhook.js';

export interface ChannelWebhooksOptions {
  settings: ChannelSettingsResolver;
  /** SALDO_PUBLIC_URL, e.g. https://saldo.example.com — Twilio signs publicUrl + path + query. */
  publicUrl: string;
  clock: Clock;
  voiceScripts: VoiceScriptStore;
  /** The conversation of a voicebot call, when the dialogue is on (attached after the dialogue is built). */
  voiceDialogue?: () => VoiceDialogue | null;
}

const header = (h: WebhookRequest['headers'], name: string): string | undefined => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/** Finds the organisation, checks the signature with its secret, then normalises. */
export function createChannelWebhooks(opts: ChannelWebhooksOptions): ChannelWebhooks {
  const withOrg = (orgId: string, events: (InboundEvent | null)[]): OrgInboundEvent[] =>
    events.filter((e): e is InboundEvent => e !== null).map((e) => ({ ...e, orgId }));

  return {
    async twilio(kind, req): Promise<WebhookVerdict> {
      const accountSid = req.params.AccountSid;
      if (!accountSid) return { ok: false, reason: 'no AccountSid' };
      const org = await opts.settings.byTwilioAccount(accountSid);
      if (!org?.twilio) return { ok: false, reason: `unknown Twilio account ${accountSid}` };
      if (
        !verifyTwilioSignature({
          authToken: org.twilio.authToken,
          publicUrl: opts.publicUrl,
          url: req.url,
          params: req.params,
          signature: header(req.headers, 'x-twilio-signature'),
        })
      )
        return { ok: false, reason: 'invalid X-Twilio-Signature' };
      const now = opts.clock.now();
      const query = new URLSearchParams(req.url.split('?')[1] ?? '');
      const event =
        kind === 'messages'
          ? normaliseTwilioMessage(req.params, now)
          : kind === 'status'
            ? normaliseTwilioStatus(req.params, now)
            : normaliseTwilioVoice(req.params, query, now);
      return { ok: true, orgId: org.orgId, events: withOrg(org.orgId, [event]) };
    },

    async metaHandshake(params) {
      const token = params['hub.verify_token'];
      if (!token) return null;
      const org = await opts.settings.byMetaVerifyToken(token);
      return org?.meta ? metaHandshake(params, org.meta.verifyToken) : null;
    },

    async meta(req): Promise<WebhookVerdict> {
      const raw = req.rawBody ?? '';
      const payload = parseMetaPayload(raw);
      if (!payload) return { ok: false, reason: 'body is not JSON' };
      const ids = metaPhoneNumberIds(payload);
      // One app secret per payload: every phone number in it must belong to the same organisation.
      const orgs = await Promise.all(ids.map((id) => opts.settings.byMetaPhoneNumberId(id)));
      const org = orgs[0];
      if (!org?.meta || orgs.some((o) => o?.orgId !== org.orgId))
        return { ok: false, reason: `unknown WhatsApp phone number id ${ids.join(',') || '(none)'}` };
      if (!verifyMetaSignature(org.meta.appSecret, raw, header(req.headers, 'x-hub-signature-256')))
        return { ok: false, reason: 'invalid X-Hub-Signature-256' };
      return {
        ok: true,
        orgId: org.orgId,
        events: withOrg(org.orgId, normaliseMetaPayload(payload, opts.clock.now())),
      };
    },

    async voiceResponse(orgId, event, req) {
      const query = new URLSearchParams(req.url.split('?')[1] ?? '');
      const scriptId = query.get('script') ?? '';
      const stored = scriptId ? await opts.voiceScripts.get(scriptId) : null;
      const call = event?.type === 'call' ? event : undefined;
      const attempt = Number(query.get('attempt') ?? '0') || 0;
      const dialogue = opts.voiceDialogue?.() ?? null;
      // With the dialogue on, a person who answers talks with the bot; each Gather comes back as a turn.
      const talking =
        call?.step === DIALOGUE_STEP || (call?.step === 'answer' && call.answeredBy === 'human');
      // A call the debtor placed to our number: Twilio's first request, with no script of ours.
      if (dialogue && call && !scriptId && call.step === 'answer' && call.raw.Direction === 'inbound')
        return dialogueTwiml(await dialogue.calledIn({ orgId, callId: call.callId, from: call.from }), {
          publicUrl: opts.publicUrl,
          scriptId,
          attempt,
        });
      if (dialogue && call && talking) {
        const answer = await dialogue.turn({
          orgId,
          callId: call.callId,
          speech: call.step === DIALOGUE_STEP ? (call.speech ?? '') : null,
          attempt,
        });
        if (answer) return dialogueTwiml(answer, { publicUrl: opts.publicUrl, scriptId, attempt });
      }
      return voiceTurnTwiml({
        script: stored && stored.orgId === orgId ? stored.script : null,
        scriptId,
        country: stored?.country ?? '',
        event: call,
        attempt,
        publicUrl: opts.publicUrl,
      });
    },
  };
}
