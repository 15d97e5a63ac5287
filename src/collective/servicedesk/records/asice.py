"""ASiC-E containers (CAdES signature) and CMS encryption for Fiks IO payloads.

Fiks IO carries the payload as an ASiC-E container encrypted for the
recipient's certificate (CMS EnvelopedData). We sign the container's
``ASiCManifest`` with our enterprise key (a detached CMS signature, as ASiC-E
with CAdES prescribes) and encrypt the zip with ``cryptography``.
"""

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from lxml import etree
import base64
import hashlib
import io
import zipfile

MIMETYPE = "application/vnd.etsi.asic-e+zip"
MANIFEST = "META-INF/ASiCManifest.xml"
SIGNATURE = "META-INF/signature.p7s"
ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"


class ContainerError(ValueError):
    """The container is damaged or its digests do not match."""


def _manifest(files: list[tuple[str, str, bytes]]) -> bytes:
    root = etree.Element(
        f"{{{ASIC_NS}}}ASiCManifest", nsmap={"asic": ASIC_NS, "ds": DS_NS}
    )
    etree.SubElement(
        root,
        f"{{{ASIC_NS}}}SigReference",
        URI=SIGNATURE,
        MimeType="application/x-pkcs7-signature",
    )
    for name, mime_type, data in files:
        ref = etree.SubElement(
            root, f"{{{ASIC_NS}}}DataObjectReference", URI=name, MimeType=mime_type
        )
        etree.SubElement(ref, f"{{{DS_NS}}}DigestMethod", Algorithm=SHA256)
        digest = etree.SubElement(ref, f"{{{DS_NS}}}DigestValue")
        digest.text = base64.b64encode(hashlib.sha256(data).digest()).decode()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def sign_manifest(manifest: bytes, certificate: x509.Certificate, key) -> bytes:
    """Return a detached CMS (CAdES-BES) signature of the manifest, DER."""
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(manifest)
        .add_signer(certificate, key, hashes.SHA256())
        .sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
        )
    )


def write(files: list[tuple[str, str, bytes]], certificate, key) -> bytes:
    """Return a signed ASiC-E zip of ``(name, mime type, data)`` files."""
    manifest = _manifest(files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype entry comes first and uncompressed (ETSI EN 319 162).
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        for name, _mime, data in files:
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
        archive.writestr(MANIFEST, manifest, zipfile.ZIP_DEFLATED)
        archive.writestr(
            SIGNATURE, sign_manifest(manifest, certificate, key), zipfile.ZIP_DEFLATED
        )
    return buffer.getvalue()


def read(container: bytes) -> dict[str, bytes]:
    """Return the data files of an ASiC-E zip after checking the manifest digests.

    The CMS signature itself is passed on in ``META-INF/signature.p7s``;
    verifying the sender's certificate chain is the receiving side's policy.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(container))
        names = archive.namelist()
        if not names or names[0] != "mimetype":
            raise ContainerError("mimetype is not the first entry")
        if archive.read("mimetype").decode() != MIMETYPE:
            raise ContainerError("not an ASiC-E container")
        manifest = etree.fromstring(
            archive.read(MANIFEST), etree.XMLParser(resolve_entities=False)
        )
        files = {}
        for ref in manifest.iter(f"{{{ASIC_NS}}}DataObjectReference"):
            name = ref.get("URI")
            data = archive.read(name)
            expected = ref.findtext(f"{{{DS_NS}}}DigestValue")
            actual = base64.b64encode(hashlib.sha256(data).digest()).decode()
            if expected != actual:
                raise ContainerError(f"digest of {name} does not match")
            files[name] = data
        return files
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        raise ContainerError(str(error)) from error


def encrypt(data: bytes, recipient: x509.Certificate) -> bytes:
    """Return ``data`` as CMS EnvelopedData (DER) for the recipient's certificate."""
    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(data)
        .add_recipient(recipient)
        .set_content_encryption_algorithm(algorithms.AES256)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def decrypt(data: bytes, certificate: x509.Certificate, key) -> bytes:
    """Return the content of CMS EnvelopedData (DER) addressed to us."""
    return pkcs7.pkcs7_decrypt_der(data, certificate, key, [])


def load_certificate(pem: bytes) -> x509.Certificate:
    """Return the X.509 certificate of a PEM text."""
    return x509.load_pem_x509_certificate(pem)


def load_key(pem: bytes):
    """Return the private key of a PEM text (unencrypted PKCS#8 or PKCS#1)."""
    return serialization.load_pem_private_key(pem, password=None)
