"""Privacy: retention, requests about personal data, access log."""
