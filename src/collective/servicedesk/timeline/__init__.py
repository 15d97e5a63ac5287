"""timeline: the inquiry as one workspace (timeline, composer, quick actions)."""
