-- Rule-set profiles (ruleset.yaml): the profile an evaluation was applied through, or null for none, and the
-- rules' metadata as that profile makes them (which rules ran, at which severity), kept once per rule set and
-- profile so that a report can be regenerated after the rule set in service has changed.
alter table evaluations add column profile varchar(100);

create table rule_set_profiles (
    sha256   char(64)     not null references rule_sets (sha256),
    profile  varchar(100) not null,
    rules    varchar      not null, -- JSON array of the rules' metadata under the profile
    primary key (sha256, profile)
);
