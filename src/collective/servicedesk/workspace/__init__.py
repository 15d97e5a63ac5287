"""The staff workspace: panels on every intranet page, presence, dashboard."""
