The inquiry is one workspace: a single timeline (registration, routing, forwards with reasons,
state changes, replies with channel and delivery status, internal notes, what the citizen sent)
with filters, names instead of ids and local times; a composer under it where replying to the
citizen is answering ("Keep open" for a partial reply, "Reply and close" in one step); quick
actions (take it, forward with a reason and availability, waiting for the citizen pauses the
deadline clock until the citizen answers, remind now, close) whose errors keep every value;
templates refuse empty placeholders; one time zone (the site's) on the inquiry page, deadline
tables, track page, privacy logs and calendar feeds; the routing suggestion skips absent people;
closed inquiries no longer show "On time"; the dashboard's recently answered includes what you
registered; @mentions in internal notes notify the person (notice and message box) and make
them a follower of replies and state changes; links built outside a request (nohost) are
shown on the site's URL; the reassign form keeps "forward now" ticked after an error. `make start` runs a local mail sink (aiosmtpd) and managers read the demo's mail at
@@servicedesk-demo-mail. REST: @servicedesk-timeline, @servicedesk-answer, @servicedesk-action,
@servicedesk-people.
