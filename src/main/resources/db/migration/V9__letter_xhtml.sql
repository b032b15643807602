-- A letter is written (its wording, dates and recipient fixed) in the process step that asks for it, and
-- printed to PDF when it is delivered: xhtml holds the written letter, pdf the PDF as it was sent (null until
-- then). Letters written before this migration already have their PDF.
alter table letter add column xhtml varchar(200000);
