"""Presence: availability status (persistent), last seen (Redis/memory), duty."""
