-- Conversations of the dialogue engine (modules/dialogue): one per debtor and account across every
-- two-way channel, so a debtor who moves from WhatsApp to a call keeps the context. `state` is the
-- engine's conversation JSON as `step` returned it. A conversation is live until it is closed (by
-- the engine, or by 30 days of silence: the runner closes it and starts a new one), and at most one
-- is live per debtor and account.
CREATE TABLE conversations (
  id            text PRIMARY KEY DEFAULT saldo_id('conv'),
  org_id        text NOT NULL REFERENCES organizations(id),
  debtor_id     text NOT NULL REFERENCES debtors(id),
  account_id    text NOT NULL REFERENCES accounts(id),
  state         jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('open', 'handed_off', 'closed')),
  last_channel  text NOT NULL CHECK (last_channel IN ('call', 'voicebot', 'sms', 'whatsapp', 'email')),
  handoff_queue text CHECK (handoff_queue IN ('payments', 'disputes', 'hardship', 'vulnerable', 'general')),
  -- The seq of the last turn written (debtor and bot turns share one sequence).
  last_seq      int NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  last_turn_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX conversations_live ON conversations (org_id, debtor_id, account_id) WHERE status <> 'closed';
CREATE INDEX conversations_account ON conversations (org_id, account_id, created_at);
CREATE INDEX conversations_debtor ON conversations (org_id, debtor_id, created_at);

-- Every turn of both sides. A debtor turn keeps what the NLU read and the actions the step emitted;
-- `source_key` (the inbound event, or the API caller's turn) makes a redelivered message a no-op.
-- A bot turn keeps the reply's kind; its send is keyed by conversation, debtor turn seq and index.
CREATE TABLE conversation_turns (
  conversation_id text NOT NULL REFERENCES conversations(id),
  seq             int NOT NULL CHECK (seq >= 1),
  org_id          text NOT NULL REFERENCES organizations(id),
  actor           text NOT NULL CHECK (actor IN ('debtor', 'bot')),
  channel         text NOT NULL CHECK (channel IN ('call', 'voicebot', 'sms', 'whatsapp', 'email')),
  text            text NOT NULL,
  reading         jsonb,
  actions         jsonb NOT NULL DEFAULT '[]',
  reply_kind      text CHECK (reply_kind IN ('identity_check', 'disclosure', 'conversation')),
  -- Bot turns: the required content the text carries (for the compliance check of its send).
  reply_content   jsonb,
  -- Bot turns: the debtor turn they answer and their index in that answer.
  answers_seq     int,
  reply_index     int,
  source_key      text,
  at              timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
CREATE UNIQUE INDEX conversation_turns_source ON conversation_turns (org_id, source_key) WHERE source_key IS NOT NULL;

-- A contact point the person who answered said is not the debtor's: never used again.
ALTER TABLE contact_points ADD COLUMN wrong_party_at timestamptz;

-- The agent queues: a conversation handed over to a person, with the engine's summary.
CREATE TABLE agent_tasks (
  id              text PRIMARY KEY DEFAULT saldo_id('task'),
  org_id          text NOT NULL REFERENCES organizations(id),
  debtor_id       text NOT NULL REFERENCES debtors(id),
  account_id      text NOT NULL REFERENCES accounts(id),
  conversation_id text REFERENCES conversations(id),
  queue           text NOT NULL CHECK (queue IN ('payments', 'disputes', 'hardship', 'vulnerable', 'general')),
  summary         jsonb NOT NULL,
  status          text NOT NULL CHECK (status IN ('open', 'done')),
  created_at      timestamptz NOT NULL
);
CREATE INDEX agent_tasks_open ON agent_tasks (org_id, queue, created_at) WHERE status = 'open';
