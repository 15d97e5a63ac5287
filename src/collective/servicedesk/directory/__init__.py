"""Staff from the municipality's directory (Active Directory over LDAP)."""
