"""demomail: the demo's mail, caught by a local SMTP sink and shown to managers."""
