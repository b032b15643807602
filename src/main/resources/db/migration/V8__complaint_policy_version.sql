-- The version of complaint-policy.dmn a complaint's process started under (its decision definition id), so
-- its later deadlines and letters use the same timescales even after a process owner deploys new ones.
alter table complaint add column policy_decision_id varchar(64);
