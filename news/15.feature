The way in: Service desk and Knowledge base tabs for staff; a keyboard path (`n` opens the quick
bar from any page, `?` lists the shortcuts, `j`/`k` move in lists); the quick bar takes every
channel and, folded away, the caller's phone, e-mail and name, shows the caller's earlier
inquiries (hashed lookup, POST, permission-filtered) and where the inquiry will go before it is
sent; tally mode counts in place with undo; lists get bulk actions (take, forward with reason,
close, tag; each inquiry's permission checked), saved views per user and refresh in place;
the header panels fit a 390 px screen. REST: `@servicedesk-caller`, `@servicedesk-bulk`,
`@servicedesk-saved-views`.
