"""Filing archive-worthy inquiries into the records system (KS Fiks Arkiv, Noark 5)."""
