-- tokenkit schema, the same for H2 2.x and PostgreSQL 12 or later. Instants are epoch milliseconds; durations are milliseconds or seconds as named.

CREATE TABLE IF NOT EXISTS tk_accounts (
    id                   varchar(64)   NOT NULL PRIMARY KEY,
    username             varchar(255)  NOT NULL UNIQUE,
    email                varchar(320)  UNIQUE,
    password_hash        varchar(512)  NOT NULL,
    api_key_hash         char(64)      UNIQUE,
    enabled              boolean       DEFAULT true NOT NULL,
    authorities          varchar(2048) DEFAULT '' NOT NULL,
    idle_timeout_seconds bigint,
    max_lifetime_seconds bigint
);

CREATE TABLE IF NOT EXISTS tk_tokens (
    token_hash      char(64)      NOT NULL PRIMARY KEY,
    account_id      varchar(64)   NOT NULL,
    username        varchar(255)  NOT NULL,
    authorities     varchar(2048) NOT NULL,
    issued_at       bigint        NOT NULL,
    last_used_at    bigint        NOT NULL,
    idle_timeout_ms bigint        NOT NULL,
    expires_at      bigint        NOT NULL,
    dialect         varchar(32)   DEFAULT '' NOT NULL,
    client_label    varchar(64)   DEFAULT '' NOT NULL
);

-- A tk_tokens made by an earlier snapshot, before tokens kept their origin, gets the columns.
ALTER TABLE tk_tokens ADD COLUMN IF NOT EXISTS dialect varchar(32) DEFAULT '' NOT NULL;

ALTER TABLE tk_tokens ADD COLUMN IF NOT EXISTS client_label varchar(64) DEFAULT '' NOT NULL;

CREATE INDEX IF NOT EXISTS tk_tokens_account_id ON tk_tokens (account_id);

CREATE INDEX IF NOT EXISTS tk_tokens_expires_at ON tk_tokens (expires_at);

CREATE TABLE IF NOT EXISTS tk_login_attempts (
    throttle_key varchar(128) NOT NULL PRIMARY KEY,
    failures     integer      NOT NULL,
    window_ends  bigint       NOT NULL
);

CREATE INDEX IF NOT EXISTS tk_login_attempts_window_ends ON tk_login_attempts (window_ends);

CREATE TABLE IF NOT EXISTS tk_login_attempts_in_flight (
    throttle_key varchar(128) NOT NULL,
    attempt_id   varchar(64)  NOT NULL,
    lease_ends   bigint       NOT NULL,
    PRIMARY KEY (throttle_key, attempt_id)
);

CREATE INDEX IF NOT EXISTS tk_login_attempts_in_flight_lease_ends ON tk_login_attempts_in_flight (lease_ends);
