"""Calendar feeds (iCalendar) for deadlines and the duty roster."""
