"""The inquiry workspace in the browser: timeline, composer, quick actions."""
