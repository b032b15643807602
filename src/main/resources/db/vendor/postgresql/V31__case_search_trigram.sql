-- PostgreSQL only (spring.flyway.locations picks db/vendor/{vendor}): trigram indexes make the case search's
-- "contains" matches (like '%...%') index look-ups instead of a scan of every complaint. On H2 the same
-- queries scan the table, which is fine at the embedded default's size.
create extension if not exists pg_trgm;
create index complaint_search_text_trgm_idx on complaint using gin (search_text gin_trgm_ops);
