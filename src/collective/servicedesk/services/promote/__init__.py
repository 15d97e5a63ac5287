"""The @servicedesk-promote service: promote an inquiry to the knowledge base."""
