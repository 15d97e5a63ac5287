"""The tick inside the instance, as `zconsole run ... scripts/tick.py` runs it."""

from collective.servicedesk.tick.command import run_in_instance
from Testing.makerequest import makerequest
import json


def test_run_in_instance(functional_app, inquiry, smtp, monkeypatch, capsys):
    monkeypatch.setenv("SERVICEDESK_PUBLIC_URL", "https://servicedesk.example.org")
    app = makerequest(functional_app)
    # The fixture's inquiry was due in March 2026: by now it is overdue.
    assert run_in_instance(app, ["--site", "plone"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["mail_done"] is True
    assert out["results"]["collective.servicedesk.escalation"] == 1
    smtp.wait_for(1)
    (escalation,) = [
        m for m in smtp.messages if m["X-Servicedesk-Kind"] == "escalation"
    ]
    path = "/".join(inquiry.getPhysicalPath())
    assert f"https://servicedesk.example.org{path}" in escalation.get_content()
    # Run again: nothing new goes out.
    assert run_in_instance(app, ["--site", "plone"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["results"]["collective.servicedesk.escalation"] == 0
