-- Part of a reference typed in the case search ("CHG-2026", "2026-0001") is matched with
-- reference like '%...%': a trigram index answers it without reading every complaint. H2 scans, as for V31.
create index complaint_reference_trgm_idx on complaint using gin (reference gin_trgm_ops);
