"""The @servicedesk-assign service: reassignment."""
