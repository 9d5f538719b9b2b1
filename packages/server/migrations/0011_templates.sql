-- Message templates written by organisations. Each row is one version of one template: a key
-- (`reminder_email_v1`, or a custom key), a channel and a locale (es-MX, es-ES, en-US, es, en…).
-- A draft is edited in place; publishing checks the content every target country requires and
-- supersedes the previously published version of the same key/channel/locale. Contacts render
-- the newest published version, else Saldo's built-in default for the same purpose.
-- Runs unchanged on PostgreSQL 15+ and PGlite.
CREATE TABLE message_templates (
  id           text PRIMARY KEY DEFAULT saldo_id('tpl_org'),
  org_id       text NOT NULL REFERENCES organizations(id),
  template_key text NOT NULL CHECK (template_key ~ '^[a-z0-9_]{1,64}$'),
  purpose      text NOT NULL CHECK (purpose IN ('reminder','follow_up','payment_received','reminder_call','voicemail')),
  channel      text NOT NULL CHECK (channel IN ('email','sms','whatsapp','call','voicebot','voicemail','letter')),
  locale       text NOT NULL CHECK (locale ~ '^(es|en)(-[A-Z]{2})?$'),
  subject      text,
  body         text NOT NULL,
  html         text,
  -- WhatsApp fields (name, language, category, header, footer, buttons, approval status) and the
  -- prompts of a scripted call, as core's WhatsAppTemplateFields / VoiceScriptFields.
  whatsapp     jsonb,
  voice        jsonb,
  status       text NOT NULL CHECK (status IN ('draft','published','superseded')),
  version      int NOT NULL CHECK (version >= 1),
  -- ISO 3166-1 alpha-2 countries of the debtors this template is for; checked at publish.
  countries    text[] NOT NULL,
  created_by   text,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  published_at timestamptz,
  UNIQUE (org_id, template_key, channel, locale, version)
);
-- At most one published version per key/channel/locale: the effective one.
CREATE UNIQUE INDEX message_templates_one_published ON message_templates (org_id, template_key, channel, locale) WHERE status = 'published';
