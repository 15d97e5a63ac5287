"""Browser views and JSON endpoints of the workspace."""
