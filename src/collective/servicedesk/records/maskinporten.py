"""Maskinporten access tokens by JWT grant (RFC 7523), signed with our key.

The grant is signed with the enterprise certificate's key (RS256) and carries
the certificate in ``x5c``; Maskinporten answers with an access token for the
Fiks scope. Tokens are cached until shortly before they expire.
"""

from cryptography.hazmat.primitives import serialization
from dataclasses import dataclass
from dataclasses import field
import base64
import jwt
import requests
import threading
import time
import uuid

GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
SCOPE = "ks:fiks"
# Maskinporten accepts grants valid for at most 120 seconds.
GRANT_LIFETIME = 110
TIMEOUT = 20


class TokenError(RuntimeError):
    """Maskinporten refused the grant or could not be reached."""


@dataclass
class Maskinporten:
    """A token source for one Maskinporten client."""

    token_url: str
    audience: str
    client_id: str
    key: object
    certificate: object
    scope: str = SCOPE
    _cached: tuple[str, float] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def grant(self) -> str:
        """Return a signed JWT grant."""
        now = int(time.time())
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        return jwt.encode(
            {
                "aud": self.audience,
                "iss": self.client_id,
                "scope": self.scope,
                "iat": now,
                "exp": now + GRANT_LIFETIME,
                "jti": str(uuid.uuid4()),
            },
            self.key,
            algorithm="RS256",
            headers={"x5c": [base64.b64encode(der).decode()]},
        )

    def token(self) -> str:
        """Return a valid access token (cached until 60 s before it expires)."""
        with self._lock:
            if self._cached and self._cached[1] > time.time() + 60:
                return self._cached[0]
            try:
                response = requests.post(
                    self.token_url,
                    data={"grant_type": GRANT_TYPE, "assertion": self.grant()},
                    timeout=TIMEOUT,
                )
            except requests.RequestException as error:
                raise TokenError(f"Maskinporten unreachable: {error}") from error
            if response.status_code != 200:
                raise TokenError(
                    f"Maskinporten answered {response.status_code}: "
                    f"{response.text[:200]}"
                )
            body = response.json()
            token = body["access_token"]
            self._cached = (token, time.time() + int(body.get("expires_in", 120)))
            return token
