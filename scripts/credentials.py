"""Print the admin and demo users' credentials at start (demo data only)."""

from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
from collective.servicedesk.setuphandlers.demo import USERS
import os

port = os.environ.get("SERVICEDESK_PORT", "8080")
site = os.environ.get("SERVICEDESK_SITE_ID", "Plone")
print()
print(f"Service desk: http://localhost:{port}/{site}")
print(
    f"  admin (Manager): {os.environ.get('SERVICEDESK_ADMIN_USER', 'admin')}"
    f" / {os.environ.get('SERVICEDESK_ADMIN_PASSWORD', 'admin')}"
)
for user_id, (fullname, _email, groups) in USERS.items():
    print(f"  {user_id:<9} {DEMO_PASSWORD}  {fullname} ({', '.join(groups)})")
print()
