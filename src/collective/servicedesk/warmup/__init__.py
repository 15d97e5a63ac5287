"""Warm start (issue 19): load what statistics and queues read before serving."""
