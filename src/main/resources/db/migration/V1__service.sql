-- The service's tables. Kept to the SQL that both H2 (PostgreSQL mode) and PostgreSQL accept:
-- no ON CONFLICT, no arrays, no partial indexes. Text and bytes are stored inline (varchar, bytea).

-- Access: users and the teams product users belong to. Only the SHA-256 of an API token is stored.
create table teams (
    name        varchar(100) primary key,
    created_at  timestamp with time zone not null
);

create table users (
    name          varchar(100) primary key,
    role          varchar(30)  not null,
    team          varchar(100) references teams (name),
    token_sha256  char(64)     not null unique,
    created_at    timestamp with time zone not null
);

-- Rule sets that evaluated something: their identity and rules' metadata, so that a report can be
-- regenerated after the rule set in service has changed.
create table rule_sets (
    sha256      char(64)     primary key,
    name        varchar(200) not null,
    version     varchar(100) not null,
    rules       varchar      not null, -- JSON array of the rules' metadata
    first_seen  timestamp with time zone not null
);

-- The rule set in service, shared by every instance: a reload on one instance records it here, and the
-- others follow within their polling interval (each reloads its own rules directory and swaps only when
-- it yields this same SHA-256).
create table active_rule_set (
    id            integer      primary key,
    sha256        char(64)     not null,
    activated_at  timestamp with time zone not null,
    activated_by  varchar(100) not null
);
insert into active_rule_set (id, sha256, activated_at, activated_by)
values (1, '0000000000000000000000000000000000000000000000000000000000000000', current_timestamp, 'migration');

-- Declarations exactly as submitted (bytes and their SHA-256), owned by the submitter's team.
create table declarations (
    id               uuid         primary key,
    team             varchar(100) not null references teams (name),
    product_id       varchar(200) not null,
    declaration_id   varchar(200) not null,
    product_name     varchar(300),
    product_version  varchar(100),
    source           varchar(300) not null,
    format           varchar(10)  not null,
    content          bytea        not null,
    sha256           char(64)     not null,
    submitted_by     varchar(100) not null,
    submitted_at     timestamp with time zone not null
);
create index declarations_by_product on declarations (product_id, submitted_at);
create index declarations_by_team_product on declarations (team, product_id, submitted_at);

-- One evaluation of a declaration against a rule set: its findings as JSON, stored in the same
-- transaction as the declaration it evaluates.
create table evaluations (
    id                uuid        primary key,
    declaration       uuid        not null references declarations (id),
    rule_set          char(64)    not null references rule_sets (sha256),
    evaluated_at      timestamp with time zone not null,
    verdict           varchar(40) not null,
    finding_count     integer     not null,
    findings          varchar     not null -- JSON array of findings, most severe first
);
create index evaluations_by_declaration on evaluations (declaration);

-- Reports rendered from an evaluation, kept once rendered so every later download is the same bytes.
create table reports (
    evaluation   uuid        not null references evaluations (id),
    format       varchar(10) not null,
    content      bytea       not null,
    sha256       char(64)    not null,
    rendered_at  timestamp with time zone not null,
    primary key (evaluation, format)
);

-- The audit trail: append-only, each entry chained to the previous one by its hash. Appends lock the
-- single row of audit_chain_head (SELECT ... FOR UPDATE), so concurrent writers, in one instance or
-- several sharing the database, extend one linear chain. The unique previous_hash refuses a fork.
create table audit_chain_head (
    id             integer  primary key,
    last_sequence  bigint   not null,
    last_hash      char(64) not null
);
insert into audit_chain_head (id, last_sequence, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_log (
    sequence       bigint       primary key,
    recorded_at    timestamp with time zone not null,
    actor          varchar(100) not null,
    action         varchar(50)  not null,
    subject        varchar(300) not null,
    details        varchar      not null,
    previous_hash  char(64)     not null unique,
    hash           char(64)     not null
);
