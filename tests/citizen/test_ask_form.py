"""The public web form @@ask: anonymous path, contact path, spam, receipt."""

from collective.servicedesk.citizen import codes
from collective.servicedesk.citizen import spam
from plone import api
from tests.services.helpers import old_token
import re
import transaction


def form(**values) -> dict:
    data = {
        "question": "Når blir det brøytet i Ørnevegen?",
        "contact": "anonymous",
        spam.TOKEN_FIELD: old_token(),
        spam.HONEYPOT: "",
        "form.buttons.send": "send",
    }
    data.update(values)
    return data


def inquiries(desk) -> list:
    transaction.begin()  # see what the server committed
    return [obj for obj in desk.objectValues() if obj.portal_type == "Inquiry"]


class TestForm:
    def test_anonymous_sees_form(self, site, public_desk):
        response = site.get("/@@ask")
        assert response.status_code == 200
        html = response.text
        assert 'name="question"' in html
        assert 'name="website"' in html  # the honeypot
        assert 'name="form_started"' in html
        assert "Ask anonymously" in html
        assert "What we store, and why" in html
        assert "ask.js" in html

    def test_categories_have_public_labels(self, site, public_desk, functional_portal):
        from collective.servicedesk.categories.storage import add_category

        add_category("byggesak", {"nb": "Byggesak", "en": "Building permits"})
        transaction.commit()
        html = site.get("/@@ask").text
        assert 'value="byggesak"' in html
        assert ">Building permits</option>" in html  # the label, in the page's language


class TestAnonymousPath:
    def test_stores_nothing_personal(self, site, public_desk):
        response = site.post(
            "/@@ask",
            data=form(
                contact="anonymous",
                name="Åse Bråthen",
                email="ase@example.no",
                phone="91234567",
            ),
        )
        assert response.status_code == 200
        [inquiry] = inquiries(public_desk)
        assert inquiry.channel == "web"
        assert inquiry.anonymous is True
        assert inquiry.reply_channel in (None, "none")
        for name in ("requester_name", "requester_email", "requester_phone"):
            assert not getattr(inquiry, name, None)
        assert "Åse" not in repr(inquiry.__dict__)

    def test_receipt_shows_reference_and_working_code(self, site, public_desk):
        response = site.post("/@@ask", data=form())
        [inquiry] = inquiries(public_desk)
        assert inquiry.reference_number in response.text
        code = re.search(r'servicedesk-followup-code">([^<]+)<', response.text).group(1)
        assert codes.resolve(code) == inquiry.UID()
        assert response.headers["Cache-Control"].startswith("no-store")

    def test_history_shows_the_web_form(self, site, public_desk):
        from collective.servicedesk.history import entries

        site.post("/@@ask", data=form())
        [inquiry] = inquiries(public_desk)
        assert entries(inquiry)[0]["who"] == "web-form"


class TestContactPath:
    def test_email_is_stored(self, site, public_desk):
        response = site.post(
            "/@@ask",
            data=form(contact="email", name="Åse", email="ase@example.no"),
        )
        assert response.status_code == 200
        [inquiry] = inquiries(public_desk)
        assert inquiry.anonymous is False
        assert inquiry.requester_email == "ase@example.no"
        assert inquiry.requester_name == "Åse"
        assert inquiry.reply_channel == "email"

    def test_invalid_email_keeps_what_was_typed(self, site, public_desk):
        response = site.post(
            "/@@ask",
            data=form(
                contact="email", email="ase-at-example", question="Mitt spørsmål"
            ),
        )
        assert response.status_code == 400
        assert "Please give an e-mail address" in response.text
        assert 'value="ase-at-example"' in response.text
        assert "Mitt spørsmål</textarea>" in response.text
        assert inquiries(public_desk) == []


class TestSpam:
    def test_honeypot_stops_a_bot(self, site, public_desk):
        response = site.post("/@@ask", data=form(website="http://spam.example"))
        assert response.status_code == 400
        assert inquiries(public_desk) == []

    def test_too_fast_is_refused_and_can_be_resent(self, site, public_desk):
        response = site.post("/@@ask", data=form(form_started=spam.make_token()))
        assert response.status_code == 400
        assert "That was quick" in response.text
        assert "Når blir det brøytet" in response.text
        assert inquiries(public_desk) == []

    def test_missing_stamp_is_refused(self, site, public_desk):
        response = site.post("/@@ask", data=form(form_started=""))
        assert response.status_code == 400
        assert inquiries(public_desk) == []

    def test_same_form_twice_creates_one_inquiry(self, site, public_desk):
        data = form()
        assert site.post("/@@ask", data=data).status_code == 200
        again = site.post("/@@ask", data=data)
        assert again.status_code == 409
        assert len(inquiries(public_desk)) == 1

    def test_flood_stopped_human_passes(self, site, public_desk):
        api.portal.set_registry_record("collective.servicedesk.citizen_rate_limit", 3)
        transaction.commit()
        # A person first: one question, accepted.
        assert site.post("/@@ask", data=form()).status_code == 200
        # Then a script posting as fast as it can, as a bot does.
        statuses = [
            site.post(
                "/@@ask", data=form(question=f"Kjøp billige klokker nå {i}")
            ).status_code
            for i in range(10)
        ]
        assert statuses[:2] == [200, 200]
        assert set(statuses[2:]) == {429}
        assert len(inquiries(public_desk)) == 3
        # A bot that fills in everything never gets through at all.
        spam.reset()
        bot = [
            site.post("/@@ask", data=form(website="x", form_started="")).status_code
            for _ in range(5)
        ]
        assert set(bot) == {400}
        assert len(inquiries(public_desk)) == 3
