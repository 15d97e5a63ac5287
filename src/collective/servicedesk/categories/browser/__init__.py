"""Admin screens of the category catalogue."""
