Staff from the municipality's Active Directory: log-in with directory credentials through
pas.plugins.ldap (sAMAccountName or userPrincipalName, LDAPS/StartTLS, disabled accounts
refused), directory groups (nested too) mapped to service desk units and roles on the new
`@@servicedesk-directory` control panel, names, e-mail, phone and department from the
directory in panels, routing and notices, a per-process cache with a documented TTL (no
directory call per row, no listing of the whole directory), log-in of recent users and a
clear message while the directory is down. Tested against a real OpenLDAP slapd with
5 000 users and 300 groups.
