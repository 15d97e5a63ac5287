"""A minimal Redis client (RESP2 over a socket) for the presence store.

The `redis` package is not among our dependencies; presence needs only a
handful of commands, so a small client keeps Redis optional and dependency-free.
"""

from urllib.parse import unquote
from urllib.parse import urlparse
import socket


class RedisError(Exception):
    """Redis answered with an error or the connection failed."""


class MiniRedis:
    """One connection to a Redis server; call `command(...)` with str/bytes args."""

    def __init__(self, url: str, timeout: float = 0.25) -> None:
        parsed = urlparse(url)
        if parsed.scheme not in ("redis", ""):
            raise RedisError(f"Unsupported Redis URL scheme: {parsed.scheme}")
        self.host = parsed.hostname or "127.0.0.1"
        self.port = parsed.port or 6379
        self.password = unquote(parsed.password) if parsed.password else None
        path = (parsed.path or "/").strip("/")
        self.db = int(path) if path.isdigit() else 0
        self.timeout = timeout
        self._sock: socket.socket | None = None
        self._buffer = b""

    def _connect(self) -> None:
        try:
            self._sock = socket.create_connection(
                (self.host, self.port), timeout=self.timeout
            )
        except OSError as error:
            raise RedisError(str(error)) from error
        self._buffer = b""
        if self.password:
            self._roundtrip(("AUTH", self.password))
        if self.db:
            self._roundtrip(("SELECT", str(self.db)))

    def close(self) -> None:
        """Close the connection (it reconnects on the next command)."""
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None

    def command(self, *args):
        """Send one command and return its decoded reply."""
        if self._sock is None:
            self._connect()
        try:
            return self._roundtrip(args)
        except (OSError, RedisError):
            self.close()
            raise

    def _roundtrip(self, args):
        payload = [b"*%d\r\n" % len(args)]
        for arg in args:
            data = arg if isinstance(arg, bytes) else str(arg).encode("utf-8")
            payload.append(b"$%d\r\n%s\r\n" % (len(data), data))
        try:
            self._sock.sendall(b"".join(payload))
        except OSError as error:
            raise RedisError(str(error)) from error
        return self._read_reply()

    def _read_line(self) -> bytes:
        while b"\r\n" not in self._buffer:
            self._fill()
        line, self._buffer = self._buffer.split(b"\r\n", 1)
        return line

    def _fill(self) -> None:
        try:
            chunk = self._sock.recv(65536)
        except OSError as error:
            raise RedisError(str(error)) from error
        if not chunk:
            raise RedisError("Connection closed by Redis")
        self._buffer += chunk

    def _read_reply(self):
        line = self._read_line()
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode("utf-8")
        if kind == b"-":
            raise RedisError(rest.decode("utf-8", "replace"))
        if kind == b":":
            return int(rest)
        if kind == b"$":
            length = int(rest)
            if length < 0:
                return None
            while len(self._buffer) < length + 2:
                self._fill()
            data, self._buffer = self._buffer[:length], self._buffer[length + 2 :]
            return data.decode("utf-8")
        if kind == b"*":
            count = int(rest)
            return None if count < 0 else [self._read_reply() for _ in range(count)]
        raise RedisError(f"Unexpected Redis reply: {line[:40]!r}")
