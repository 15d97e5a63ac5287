Citizen channels and REST API: a public web form (`@@ask`) with an explicit
anonymous path, a plain-language privacy notice, FAQ suggestions while typing
(counted when they answer the question) and spam protection without third
parties (honeypot, signed time trap, per-client rate limit); a receipt with
reference number and follow-up code; citizen tracking (`@@track`) showing state
and public replies only, with revocable, expiring, hash-stored codes; e-mail
intake (IMAP poller command, REST endpoint, any charset, attachments, threading
by reference number) and an inbound SMS webhook with a shared secret; REST
services for registration, tally, queues, routing, reassignment, replies,
promotion to FAQ, statistics and data-subject export, with JSON errors, an
OpenAPI 3 document (`@servicedesk-openapi`) and a schemathesis run.
