-- tokenkit schema for H2 2.x. Instants are epoch milliseconds; durations are milliseconds or seconds as named.

CREATE TABLE IF NOT EXISTS tk_accounts (
    id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    username             VARCHAR(255)  NOT NULL UNIQUE,
    email                VARCHAR(320)  UNIQUE,
    password_hash        VARCHAR(512)  NOT NULL,
    api_key_hash         CHAR(64)      UNIQUE,
    enabled              BOOLEAN       DEFAULT TRUE NOT NULL,
    authorities          VARCHAR(2048) DEFAULT '' NOT NULL,
    idle_timeout_seconds BIGINT,
    max_lifetime_seconds BIGINT
);

CREATE TABLE IF NOT EXISTS tk_tokens (
    token_hash      CHAR(64)      NOT NULL PRIMARY KEY,
    account_id      VARCHAR(64)   NOT NULL,
    username        VARCHAR(255)  NOT NULL,
    authorities     VARCHAR(2048) NOT NULL,
    issued_at       BIGINT        NOT NULL,
    last_used_at    BIGINT        NOT NULL,
    idle_timeout_ms BIGINT        NOT NULL,
    expires_at      BIGINT        NOT NULL
);

CREATE INDEX IF NOT EXISTS tk_tokens_account_id ON tk_tokens (account_id);

CREATE INDEX IF NOT EXISTS tk_tokens_expires_at ON tk_tokens (expires_at);
