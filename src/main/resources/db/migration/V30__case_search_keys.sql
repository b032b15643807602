-- Case search (issue 15): keys the application derives from the customer's details whenever a complaint is
-- saved (complaint.CustomerSearchKeys), so a search compares like with like whatever the spelling, spacing or
-- accents typed; all null once the personal data is erased, so an erased customer is never found.
alter table complaint add column search_text varchar(2000);
alter table complaint add column search_name varchar(400);
alter table complaint add column search_postcode varchar(10);
alter table complaint add column search_phone varchar(20);
alter table complaint add column search_email varchar(320);
-- the landlord's next deadline while the complaint is open (the list is sorted and filtered on it)
alter table complaint add column next_deadline varchar(40);
alter table complaint add column next_deadline_at timestamp(6) with time zone;

create index complaint_next_deadline_idx on complaint (status, next_deadline_at);
create index complaint_search_email_idx on complaint (search_email);
create index complaint_search_phone_idx on complaint (search_phone);
create index complaint_search_postcode_idx on complaint (search_postcode, search_name);
