"""Chat with colleagues and citizens on a Prosody XMPP server (issue 20)."""
