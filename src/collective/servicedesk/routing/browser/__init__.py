"""Admin screens of routing: competence profiles and the duty roster."""
