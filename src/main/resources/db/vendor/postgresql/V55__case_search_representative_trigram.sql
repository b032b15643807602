-- A whole email or phone number typed in the case search is found on the customer's B-tree key column
-- (search_email, search_phone) and, for a representative's, which has no key column, in the search text of the
-- complaints that have one: these partial trigram indexes hold only those rows, so the look-up does not read
-- the long posting lists of trigrams every email or number shares. PostgreSQL only; H2 scans, as for V31.
create index complaint_rep_email_search_trgm_idx on complaint using gin (search_text gin_trgm_ops)
    where representative_email is not null;
create index complaint_rep_phone_search_trgm_idx on complaint using gin (search_text gin_trgm_ops)
    where representative_phone is not null;
