"""Real e-mails for the intake tests: built with the email package or raw bytes."""

from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
import functools

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
)


def utf8_quoted_printable() -> bytes:
    """Plain text in UTF-8, quoted-printable, Norwegian letters in the subject."""
    message = EmailMessage()
    message["From"] = formataddr(("Åse Bråthen", "ase@example.no"))
    message["To"] = "post@demo.kommune.no"
    message["Subject"] = "Spørsmål om søppeltømming på Ørnevegen"
    message["Message-ID"] = "<utf8-qp@example.no>"
    message.set_content(
        "Hei!\n\nNår blir søppelet tømt på Ørnevegen 7? Det har stått i to uker.\n\n"
        "Hilsen Åse",
        charset="utf-8",
        cte="quoted-printable",
    )
    return message.as_bytes()


def latin1_base64() -> bytes:
    """ISO-8859-1 body in base64 and an encoded-word subject."""
    message = MIMEText(
        "Jeg søker om å få bygge en garasje på tomten min (gnr. 12 bnr. 345).",
        "plain",
        "iso-8859-1",
    )
    message["From"] = "Ole Ørn <ole@example.no>"
    message["Subject"] = "=?iso-8859-1?q?S=F8knad_om_garasje?="
    return message.as_bytes()


def windows1252_labelled_latin1() -> bytes:
    """Windows-1252 bytes (curly quotes, €) under an iso-8859-1 label, 8bit."""
    body = "Gebyret på 250 € – er det riktig? «Takk» for svar.".encode("cp1252")
    return (
        b"From: Kari <kari@example.no>\r\n"
        b"To: post@demo.kommune.no\r\n"
        b"Subject: Gebyr\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="iso-8859-1"\r\n'
        b"Content-Transfer-Encoding: 8bit\r\n"
        b"\r\n" + body + b"\r\n"
    )


def raw_unlabelled_8bit() -> bytes:
    """Raw RFC 822 without any MIME headers, 8-bit Latin-1: old mail clients."""
    return (
        b"From: per@example.no\r\n"
        b"Subject: Veilys\r\n"
        b"Date: Mon, 2 Mar 2026 09:15:00 +0100\r\n"
        b"\r\n"
        b"Gatelyset p\xe5 Bj\xf8rkelia er \xf8delagt.\r\n"
    )


def multipart_with_attachments() -> bytes:
    """multipart/mixed: text, a PDF (RFC 2231 file name) and an inline image."""
    message = MIMEMultipart("mixed")
    message["From"] = formataddr(("Bjørn Ås", "bjorn@example.no"))
    message["Subject"] = "Byggesøknad med tegninger"
    message.attach(MIMEText("Vedlagt er tegningene til tilbygget.", "plain", "utf-8"))
    pdf = MIMEApplication(PDF, "pdf")
    pdf.add_header(
        "Content-Disposition", "attachment", filename=("utf-8", "", "Tegning_å.pdf")
    )
    message.attach(pdf)
    image = MIMEApplication(PNG, "png")
    image.replace_header("Content-Type", "image/png")
    image.add_header("Content-Disposition", "inline", filename="kart.png")
    message.attach(image)
    return message.as_bytes()


def alternative_html() -> bytes:
    """multipart/alternative: the plain part wins over the HTML part."""
    message = EmailMessage()
    message["From"] = "Nina <nina@example.no>"
    message["Subject"] = "Parkering"
    message.set_content("Kan jeg parkere på torget?")
    message.add_alternative(
        "<html><body><p>Kan jeg <b>parkere</b> på torget?</p></body></html>",
        subtype="html",
    )
    return message.as_bytes()


def html_only() -> bytes:
    """Only HTML: the visible text is kept, scripts and styles are not."""
    message = EmailMessage()
    message["From"] = "web@example.no"
    message["Subject"] = "Hjemmeside"
    message.set_content(
        "<html><head><style>p{color:red}</style></head><body>"
        "<p>Første avsnitt.</p><script>alert(1)</script><p>Andre &amp; siste.</p>"
        "</body></html>",
        subtype="html",
    )
    return message.as_bytes()


def reply(reference: str, sender: str = "ase@example.no", attach: bool = True) -> bytes:
    """A reply to our answer: reference in the subject, quoted text, a PDF."""
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = f"SV: [{reference}] Svar på henvendelsen din"
    message["In-Reply-To"] = "<reply-1@demo.kommune.no>"
    message.set_content(
        "Takk, men bilen står fortsatt der.\n\n"
        "Den 3. mars 2026 kl. 10:00 skrev Servicetorget <post@demo.kommune.no>:\n"
        "> Vi har sendt saken videre.\n> Hilsen Servicetorget\n"
    )
    if attach:
        message.add_attachment(
            PDF, maintype="application", subtype="pdf", filename="bilde.pdf"
        )
    return message.as_bytes()


def auto_reply() -> bytes:
    """An out-of-office answer: never an inquiry."""
    message = EmailMessage()
    message["From"] = "someone@example.no"
    message["Subject"] = "Fraværsmelding"
    message["Auto-Submitted"] = "auto-replied"
    message.set_content("Jeg er på ferie.")
    return message.as_bytes()


def forwarded() -> bytes:
    """A forwarded e-mail kept whole as an attachment."""
    inner = EmailMessage()
    inner["From"] = "nabo@example.no"
    inner["Subject"] = "Støy"
    inner.set_content("Det bråker hver natt.")
    outer = EmailMessage()
    outer["From"] = "eva@example.no"
    outer["Subject"] = "VS: Støy"
    outer.set_content("Se videresendt e-post.")
    outer.add_attachment(inner)
    return outer.as_bytes()


@functools.lru_cache(maxsize=8)
def many_attachments(count: int) -> bytes:
    """multipart/mixed: a short text and ``count`` one-byte attachments.

    Written out as bytes (the email package takes seconds to build 1000 parts).
    """
    boundary = b"==servicedesk-many=="
    parts = [b"Content-Type: text/plain; charset=utf-8\r\n\r\nSe vedleggene.\r\n"]
    parts.extend(
        b"Content-Type: application/octet-stream\r\n"
        b'Content-Disposition: attachment; filename="v%d.bin"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\neA==\r\n" % number
        for number in range(count)
    )
    head = (
        b"From: Mass Sender <mass@example.no>\r\n"
        b"Subject: %d vedlegg\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n' % (count, boundary)
    )
    body = b"".join(b"--" + boundary + b"\r\n" + part for part in parts)
    return head + body + b"--" + boundary + b"--\r\n"


@functools.lru_cache(maxsize=4)
def large_text(megabytes: int) -> bytes:
    """One 8-bit UTF-8 text/plain body of ``megabytes`` MB."""
    line = "Lang tekst om veien som ikke er brøytet, igjen og igjen og igjen.\r\n"
    data = line.encode("utf-8")
    head = (
        b"From: Lang Tekst <lang@example.no>\r\n"
        b"Subject: Veldig lang e-post\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return head + data * (megabytes * 1024 * 1024 // len(data))


def nested(depth: int) -> bytes:
    """multipart/mixed parts nested ``depth`` levels deep, text at the bottom.

    Written out as bytes: the email package cannot build (or write) hundreds
    of levels without running out of recursion.
    """
    head = b"From: dyp@example.no\r\nSubject: Dypt\r\nMIME-Version: 1.0\r\n"
    opening, closing = [], []
    for level in range(depth):
        boundary = b"==level-%d==" % level
        opening.append(
            b'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n--%s\r\n'
            % (boundary, boundary)
        )
        closing.append(b"\r\n--%s--\r\n" % boundary)
    text = b"Content-Type: text/plain; charset=utf-8\r\n\r\nDypt nede."
    return head + b"".join(opening) + text + b"".join(reversed(closing))
