Archive-worthy inquiries are filed in the records system through KS Fiks Arkiv: an
arkivmelding validated against the official XSDs (incoming journalpost for the inquiry,
outgoing per reply, PDFs and attachments, existing or new case, anonymity and
skjerming kept), sent over Fiks IO (encrypted ASiC-E, Maskinporten, AMQP receipts) or
a file drop, after commit and exactly once. Only the receipt files an inquiry; a
refusal is explained to the agent, who fixes and sends again. Retention waits for the
receipt. The case number is indexed: filter in the inquiry list, case page and REST
``@servicedesk-case``; counts and an admin page. @records
