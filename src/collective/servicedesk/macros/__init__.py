"""Reply macros: saved reply texts that case handlers insert with one click."""
