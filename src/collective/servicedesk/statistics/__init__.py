"""Statistics for leads: catalog record sets, charts, exports, open data."""
