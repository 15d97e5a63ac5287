"""The @servicedesk-subject-export service: a data subject's right of access."""
