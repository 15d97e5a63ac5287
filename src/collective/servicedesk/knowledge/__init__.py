"""knowledge: FAQ entries and experience documents, promote, usage counts."""
