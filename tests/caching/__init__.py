"""plone.app.caching rules of the service desk (issue 19)."""
