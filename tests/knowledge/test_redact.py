"""Personal data is removed before an inquiry becomes shared knowledge."""

from collective.servicedesk.knowledge.redact import classify_identity_number
from collective.servicedesk.knowledge.redact import highlight
from collective.servicedesk.knowledge.redact import redact
import pytest


def with_check_digits(nine: str) -> str:
    """Append the two mod-11 check digits (test helper, written from the spec)."""
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    d = [int(c) for c in nine]
    k1 = (11 - sum(a * b for a, b in zip(d, w1, strict=True)) % 11) % 11
    assert k1 != 10, "pick another individual number"
    d.append(k1)
    k2 = (11 - sum(a * b for a, b in zip(d, w2, strict=True)) % 11) % 11
    assert k2 != 10, "pick another individual number"
    return nine + str(k1) + str(k2)


# A published example number (Skatteetaten's documentation of the algorithm).
VALID_FNR = "15076500565"
VALID_FNR_2 = with_check_digits("010190124")
VALID_D_NUMBER = with_check_digits("410190124")  # day 01 + 40
VALID_SYNTHETIC = with_check_digits("158785125")  # month 07 + 80 (Tenor test data)


class TestIdentityNumbers:
    @pytest.mark.parametrize(
        "value,kind",
        [
            (VALID_FNR, "national_id"),
            (VALID_FNR_2, "national_id"),
            (VALID_D_NUMBER, "d_number"),
            (VALID_SYNTHETIC, "national_id"),
            ("150765 00565", "national_id"),
            ("15076500566", None),  # second check digit wrong
            ("15076500575", None),  # first check digit wrong
            ("12345678901", None),  # an ordinary number
            ("11111111111", None),
            ("00000000000", None),  # check digits right by accident, no date
            ("1507650056", None),  # ten digits
            ("150765005651", None),  # twelve digits
        ],
    )
    def test_classify(self, value, kind):
        assert classify_identity_number(value) == kind

    def test_invalid_dates_rejected_even_with_valid_check_digits(self):
        # 32nd of January and month 13 never are birth dates.
        assert classify_identity_number(with_check_digits("320190124")) is None
        assert classify_identity_number(with_check_digits("011390124")) is None

    @pytest.mark.parametrize(
        "text,expected",
        [
            (
                f"Fødselsnummer {VALID_FNR} oppgitt.",
                "Fødselsnummer [national ID number removed] oppgitt.",
            ),
            (
                f"D-nummer {VALID_D_NUMBER}.",
                "D-nummer [D-number removed].",
            ),
            (
                "Kontonummer 12345678901 og saksnr 2026-000123.",
                "Kontonummer 12345678901 og saksnr 2026-000123.",
            ),
            (
                "Ugyldig 15076500566 skal stå.",
                "Ugyldig 15076500566 skal stå.",
            ),
            (
                f"Inne i lengre tall: 9{VALID_FNR}9.",
                f"Inne i lengre tall: 9{VALID_FNR}9.",
            ),
        ],
    )
    def test_redact_identity_numbers(self, text, expected):
        assert redact(text).text == expected


class TestPhonesAndEmails:
    @pytest.mark.parametrize(
        "text",
        [
            "Ring 22334455 i morgen.",
            "Ring 22 33 44 55 i morgen.",
            "Ring 223 34 455 i morgen.",
            "Ring 2233 4455 i morgen.",
            "Ring +47 91234567 i morgen.",
            "Ring +4791234567 i morgen.",
            "Ring 0047 912 34 567 i morgen.",
            "Ring +46 8 123 456 78 i morgen.",
        ],
    )
    def test_phone_removed(self, text):
        result = redact(text)
        assert result.text == "Ring [phone number removed] i morgen."
        assert result.counts() == {"phone": 1}

    @pytest.mark.parametrize(
        "text",
        [
            "Organisasjonsnummer 974 760 673.",
            "Gnr/bnr 12/345, saksnummer 2026-000123.",
            "Beløpet er kr 25 000 000.",
            "Kontonummer 1234 56 78901.",
            "Referanse 12345678901.",
            "Postnummer 0150 Oslo, kl. 08.00-15.30.",
            "Datoen 01.02.2026.",
        ],
    )
    def test_other_numbers_untouched(self, text):
        assert redact(text).text == text

    @pytest.mark.parametrize(
        "email",
        [
            "kari.nordmann@example.com",
            "ola+kommune@post.demo.kommune.no",
            "x_y-z@sub.domain.org",
        ],
    )
    def test_email_removed(self, email):
        result = redact(f"Svar til {email}, takk.")
        assert result.text == "Svar til [e-mail address removed], takk."
        assert result.redactions[0].original == email


class TestNames:
    @pytest.mark.parametrize(
        "text,expected",
        [
            ("Kari Nordmann ringte.", "[name removed] ringte."),
            ("Nordmann ringte igjen.", "[name removed] ringte igjen."),
            ("Vi svarte Kari.", "Vi svarte [name removed]."),
            ("Karis søknad er mottatt.", "[name removed] søknad er mottatt."),
            ("KARI NORDMANN står på skjemaet.", "[name removed] står på skjemaet."),
            ("Karianne og Nordmannsgata er noe annet.", None),
        ],
    )
    def test_requester_name(self, text, expected):
        result = redact(text, names=["Kari Nordmann"])
        assert result.text == (text if expected is None else expected)

    def test_hyphenated_and_lowercase_words(self):
        result = redact(
            "Anne-Lise sa at Lise kommer. Berg og berg.", names=["Anne-Lise Berg"]
        )
        assert result.text == (
            "[name removed] sa at [name removed] kommer. [name removed] og berg."
        )

    def test_no_names(self):
        assert redact("Kari ringte.", names=["", None]).text == "Kari ringte."


class TestCombined:
    def test_all_kinds_with_positions_and_labels(self):
        text = (
            f"Kari Nordmann ({VALID_FNR}) ringte fra 91234567 og skrev til "
            "kari@example.com om byggesøknaden."
        )
        result = redact(
            text,
            names=["Kari Nordmann"],
            labels={"name": "[navn]", "phone": "[telefon]"},
        )
        assert result.text == (
            "[navn] ([national ID number removed]) ringte fra [telefon] og skrev "
            "til [e-mail address removed] om byggesøknaden."
        )
        assert result.counts() == {"name": 1, "national_id": 1, "phone": 1, "email": 1}
        for item in result.redactions:
            assert result.text[item.start : item.end] == item.replacement

    def test_email_wins_over_name_inside_it(self):
        result = redact("Skriv til Kari@example.com", names=["Kari"])
        assert [r.kind for r in result.redactions] == ["email"]

    def test_highlight_escapes_and_marks(self):
        result = redact("<b>Kari</b> ringte 22334455.\n\nNytt avsnitt.", names=["Kari"])
        html = highlight(result)
        assert html.startswith('<p>&lt;b&gt;<mark class="servicedesk-redaction"')
        assert 'data-kind="phone">[phone number removed]</mark>' in html
        assert html.endswith("<p>Nytt avsnitt.</p>")
        assert "<b>" not in html

    def test_empty(self):
        assert redact("").text == ""
        assert redact(None).redactions == []
