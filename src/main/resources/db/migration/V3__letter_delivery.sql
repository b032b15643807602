-- Letters are rendered once (PDF kept with the complaint) and delivered by email or post, exactly once.
alter table letter add column recipient_email varchar(320);
alter table letter add column recipient_address varchar(500);
alter table letter add column delivery_method varchar(20) not null default 'POST';
alter table letter add column copy_for_representative boolean not null default false;
alter table letter add column pdf bytea;
alter table letter add column delivered_at timestamp(6) with time zone;
alter table letter add column queued_for_print_at timestamp(6) with time zone;
alter table letter add column posted_at timestamp(6) with time zone;
alter table letter add column posted_by varchar(100);
create index letter_print_queue_idx on letter (delivery_method, posted_at);
