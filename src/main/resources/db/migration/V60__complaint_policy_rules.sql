-- The complaint-policy rules that matched for a complaint (comma-separated rule ids), recorded with the decision
-- version (V8) when its process determines the policy: policy rows are cached per version, so the engine keeps no
-- decision record for most complaints, and an auditor must still see which rules applied to each one.
alter table complaint add column policy_rule_ids varchar(400);
