Knowledge base: FAQ entries and experience documents with versioning, review-by dates and
workflows; promote a solved inquiry to a draft with personal data (national ID and D-numbers,
phones, e-mails, names) redacted; dynamic FAQ usage counts and gap lists; a public FAQ page;
Norwegian-aware free-text search with facets, highlighting, PDF/DOCX text and fast FAQ
suggestions.
