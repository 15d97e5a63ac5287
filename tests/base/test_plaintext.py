"""The one HTML→text converter (answers, index text, mail bodies)."""

from collective.servicedesk.plaintext import html_to_text
import pytest


class TestHtmlToText:
    @pytest.mark.parametrize(
        "html",
        [
            "<p>Hei</p><script>alert('x')</script><p>Kari</p>",
            "<p>Hei</p><SCRIPT type='text/javascript'>var a = '<p>no</p>';</SCRIPT>"
            "<p>Kari</p>",
            "<style>p { color: red }</style><p>Hei</p><p>Kari</p>",
            "<html><head><title>Tittel</title><style>x{}</style></head>"
            "<body><p>Hei</p><p>Kari</p></body></html>",
            "<noscript>Slå på JavaScript</noscript><p>Hei</p><template><p>t</p>"
            "</template><p>Kari</p>",
        ],
    )
    def test_hidden_elements_are_not_text(self, html):
        assert html_to_text(html) == "Hei\nKari"

    def test_an_unclosed_head_does_not_hide_the_body(self):
        html = "<html><head><title>Tittel</title><body><p>Hei</p></body></html>"
        assert html_to_text(html) == "Hei"

    @pytest.mark.parametrize(
        ("html", "text"),
        [
            ("<p>Bl&aring;b&aelig;r &amp; r&oslash;mme</p>", "Blåbær & rømme"),
            ("<p>&#229;&#x00E6;&#248;</p>", "åæø"),
            ("<p>a&nbsp;&nbsp;b</p>", "a b"),
            ("<p>1 &lt; 2 &gt; 0</p>", "1 < 2 > 0"),
            (
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
                "<script>alert(1)</script>",
            ),
        ],
    )
    def test_entities_are_decoded(self, html, text):
        assert html_to_text(html) == text

    def test_blocks_become_lines(self):
        html = (
            "<h2>Tittel</h2><ul><li>én</li><li>to</li></ul>"
            "<table><tr><td>a</td><td>b</td></tr></table>linje<br>neste<br/>siste"
        )
        assert html_to_text(html) == "Tittel\nén\nto\na\nb\nlinje\nneste\nsiste"

    def test_inline_elements_stay_in_the_line(self):
        assert html_to_text("<p>Ring <b>oss</b> på <a href='#'>telefon</a></p>") == (
            "Ring oss på telefon"
        )

    def test_paragraphs_keeps_one_empty_line_between_blocks(self):
        html = (
            "<p>Hei,</p><p>vegen er stengd.</p><div><div><p>Hilsen Kari</p></div></div>"
        )
        assert html_to_text(html, paragraphs=True) == (
            "Hei,\n\nvegen er stengd.\n\nHilsen Kari"
        )
        assert html_to_text(html) == "Hei,\nvegen er stengd.\nHilsen Kari"

    @pytest.mark.parametrize("empty", [None, "", "<p> </p>", "<script>x</script>"])
    def test_nothing_visible(self, empty):
        assert html_to_text(empty) == ""
