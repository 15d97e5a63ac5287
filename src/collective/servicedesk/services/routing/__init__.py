"""The @servicedesk-routing service: the routing suggestion."""
