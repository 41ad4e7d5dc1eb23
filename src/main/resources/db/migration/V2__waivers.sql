-- Waivers: accepted-risk exceptions for a product and a rule (and optionally one activity), with a
-- justification, an approver and an expiry date (the last day it applies). A waiver is never deleted:
-- revoking it records who revoked it and when, so the table keeps every waiver ever granted. Every add and
-- revoke is also in the audit trail. Same SQL subset as V1 (H2 in PostgreSQL mode and PostgreSQL).
create table waivers (
    id             varchar(100)  primary key,
    product_id     varchar(200)  not null,
    rule_id        varchar(20)   not null,
    activity_id    varchar(200),             -- null: every activity of the product
    justification  varchar(4000) not null,
    approver       varchar(200)  not null,
    expires        date          not null,   -- inclusive
    created_by     varchar(100)  not null,
    created_at     timestamp with time zone not null,
    revoked_by     varchar(100),
    revoked_at     timestamp with time zone
);
create index waivers_by_product on waivers (product_id, rule_id);

-- Expired waivers that would have waived an open finding, as JSON, kept with the evaluation so that its
-- reports, regenerated later, still say so. Null for evaluations stored before waivers existed.
alter table evaluations add column expired_waivers varchar;
