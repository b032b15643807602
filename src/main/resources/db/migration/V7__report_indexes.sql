-- The compliance report (uk.putitright.reports) counts one landlord's events in a period; each count reads one
-- of these ranges instead of the whole table. V6 has the received, Stage 1, Stage 2 and final response dates.
create index complaint_closed_idx on complaint (landlord, closed_at);
create index complaint_icp_referred_idx on complaint (landlord, icp_referred_at);
create index complaint_ombudsman_enquiry_idx on complaint (landlord, ombudsman_enquiry_at);
create index complaint_breach_due_idx on complaint_breach (due_at);
create index complaint_extension_recorded_idx on complaint_extension (recorded_at);
create index survey_response_recorded_idx on survey_response (recorded_at);
create index improvement_action_created_idx on improvement_action (created_at);
