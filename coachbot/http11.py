"""A small HTTP/1.1 client for the one kind of request the bot makes most: a JSON POST to the Bot API.

aiohttp spends ~150 µs of CPU per request on this machine in its Python layers (request and
response objects, header multidicts, payload wrappers, tracing and timeout hooks) for a call
whose bytes are a dozen header lines and a small JSON body; every tap costs two such calls
(answer the button, edit the message) and every reminder one. This client writes the request
in one go on a kept-alive connection and reads back the status and the body: ~30-40 µs.

It does only what those calls need: POST, a bytes body, `Content-Length` or chunked replies,
keep-alive with a pool of at most `limit` connections (waiting for one up to the pool timeout),
plain TCP or TLS. Everything else (file uploads, downloads) stays on aiohttp
(`telegram_http.AiohttpRequest` decides). Errors are Python's: `TimeoutError` for a timeout,
`ConnectionError`/`OSError` for the connection; the caller turns them into PTB's.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import Callable
from urllib.parse import urlsplit

IDLE_SECONDS = 15.0     # a connection idle longer is closed rather than reused (as aiohttp's keep-alive)
MAX_HEAD = 64 * 1024    # a status line and headers longer than this are refused


class ProtocolError(ConnectionError):
    """The server's reply is not HTTP/1.1 this client understands."""


class Target:
    """One URL, split once: where to connect and the request's first lines."""

    __slots__ = ("bare", "first", "head", "host", "key", "port", "tls")

    def __init__(self, url: str, user_agent: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("only http and https URLs")
        self.tls = parts.scheme == "https"
        self.host = parts.hostname
        self.port = parts.port or (443 if self.tls else 80)
        self.key = (self.host, self.port, self.tls)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        default = 443 if self.tls else 80
        host = self.host if ":" not in self.host else f"[{self.host}]"
        host_header = host if self.port == default else f"{host}:{self.port}"
        first = f"POST {path} HTTP/1.1\r\nHost: {host_header}\r\nUser-Agent: {user_agent}\r\nAccept: */*\r\n"
        self.first = first
        self.head = f"{first}Content-Type: application/json\r\nContent-Length: ".encode()
        self.bare = f"{first}Content-Length: 0\r\n\r\n".encode()   # a call without parameters


class Connection(asyncio.Protocol):
    """One keep-alive connection; one request at a time."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        self.buf = bytearray()
        self.closed = False
        self.reusable = True
        self.idle_since = 0.0

    # -- asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buf += data
        waiter = self.waiter
        if waiter is None:      # bytes nobody asked for: this connection can't be trusted again
            self.close()
            return
        try:
            reply = parse(self.buf, eof=False)
        except ProtocolError as exc:
            self._fail(exc)
            return
        if reply is not None:
            status, body, keep = reply
            self.buf.clear()
            self.reusable = keep
            self.waiter = None
            if not waiter.done():
                waiter.set_result((status, body))

    def eof_received(self) -> bool:
        waiter = self.waiter
        if waiter is not None:
            try:
                reply = parse(self.buf, eof=True)
            except ProtocolError as exc:
                self._fail(exc)
                return False
            if reply is not None:
                self.waiter = None
                self.reusable = False
                if not waiter.done():
                    waiter.set_result((reply[0], reply[1]))
        return False   # let the transport close

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._fail(exc or ConnectionResetError("the server closed the connection"))

    # -- helpers
    def _fail(self, exc: BaseException) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc if isinstance(exc, OSError | ConnectionError)
                                 else ConnectionError(str(exc)))
        self.close()

    def close(self) -> None:
        self.reusable = False
        self.closed = True
        if self.transport is not None:
            self.transport.close()


def parse(buf: bytearray, eof: bool) -> tuple[int, bytes, bool] | None:
    """(status, body, keep-alive) once `buf` holds a whole reply; None while more is to come."""
    while True:
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            if len(buf) > MAX_HEAD or eof:
                raise ProtocolError("incomplete or oversized reply head")
            return None
        lines = bytes(buf[:end]).split(b"\r\n")
        try:                             # "HTTP/1.1 200 OK"; indexing, unlike *rest, builds no list
            parts = lines[0].split(b" ", 2)
            version = parts[0]
            status = int(parts[1])
        except (ValueError, IndexError):
            raise ProtocolError("bad status line") from None
        if not version.startswith(b"HTTP/1."):
            raise ProtocolError("not HTTP/1.x")
        if not 100 <= status < 200:
            return _reply(buf, end + 4, status, version == b"HTTP/1.1", lines, eof)
        del buf[:end + 4]                # an interim reply (100 Continue): the real one follows


# A `Connection:` value that settles keep-alive; any other leaves the version's default.
_KEEP = {b"close": False, b"keep-alive": True}


def _reply(buf: bytearray, start: int, status: int, keep: bool, lines: list[bytes],
           eof: bool) -> tuple[int, bytes, bool] | None:
    """The reply's framing from its headers (lines[1:]), then its body from buf[start:].

    Headers and body are read in one function: a further call measured ~1.5% of a parse.
    """
    length = None
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                raise ProtocolError("bad Content-Length") from None
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif name == b"connection":
            keep = _KEEP.get(value.strip().lower(), keep)
    if status in (204, 304):
        return status, b"", keep
    if chunked:
        body = _dechunk(buf, start)
        return None if body is None else (status, body, keep)
    if length is not None:
        return None if len(buf) - start < length else (status, bytes(buf[start:start + length]), keep)
    if not eof:                           # the body runs until the server closes
        return None
    return status, bytes(buf[start:]), False


def _dechunk(buf: bytearray, pos: int) -> bytes | None:
    out = bytearray()
    while True:
        eol = buf.find(b"\r\n", pos)
        if eol < 0:
            return None
        try:
            size = int(bytes(buf[pos:eol]).split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise ProtocolError("bad chunk size") from None
        if size == 0:   # the last chunk: then trailers (rarely any) and an empty line
            return bytes(out) if buf.find(b"\r\n\r\n", eol) >= 0 else None
        if len(buf) < eol + 2 + size + 2:
            return None
        out += buf[eol + 2:eol + 2 + size]
        pos = eol + 2 + size + 2


class Client:
    """A pool of keep-alive connections per host; `post` sends one request and returns (status, body)."""

    def __init__(self, limit: int, user_agent: str, ssl_context: ssl.SSLContext | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = max(1, limit)
        self.user_agent = user_agent
        self.clock = clock
        self._ssl = ssl_context
        self._slots = asyncio.Semaphore(self.limit)
        self._idle: dict[tuple[str, int, bool], list[Connection]] = {}
        self._busy: set[Connection] = set()
        self._targets: dict[str, Target] = {}
        self.closed = False

    def target(self, url: str) -> Target:
        target = self._targets.get(url)
        if target is None:
            if len(self._targets) >= 256:
                self._targets.clear()
            target = self._targets[url] = Target(url, self.user_agent)
        return target

    async def post(self, url: str, body: bytes | None, *, pool_timeout: float | None, connect_timeout: float | None,
                   timeout: float | None, content_type: str | None = None) -> tuple[int, bytes]:
        """POST `body` (JSON unless `content_type` says otherwise; None: no body) to `url`; `timeout`
        bounds writing the request and reading the reply."""
        if self.closed:
            raise RuntimeError("this client is closed")
        target = self.target(url)
        slots = self._slots
        if slots.locked():
            async with asyncio.timeout(pool_timeout):
                await slots.acquire()
        else:
            await slots.acquire()   # free: does not suspend
        conn: Connection | None = None
        try:
            conn = self._idle_connection(target.key)
            if conn is None:
                conn = await self._connect(target, connect_timeout)
            self._busy.add(conn)
            loop = asyncio.get_running_loop()
            waiter: asyncio.Future[tuple[int, bytes]] = loop.create_future()
            conn.waiter = waiter
            assert conn.transport is not None
            conn.transport.write(_request(target, body, content_type))
            if timeout is None:
                status, data = await waiter
            else:
                timer = loop.call_later(timeout, _expire, waiter)
                try:
                    status, data = await waiter
                finally:
                    timer.cancel()
        except BaseException:
            if conn is not None:
                conn.close()     # a reply may still come on it: never reuse it
            raise
        finally:
            if conn is not None:
                self._busy.discard(conn)
            slots.release()
        if conn.reusable and not conn.closed and not self.closed:
            conn.idle_since = self.clock()
            self._idle.setdefault(target.key, []).append(conn)
        else:
            conn.close()
        return status, data

    def _idle_connection(self, key: tuple[str, int, bool]) -> Connection | None:
        idle = self._idle.get(key)
        now = self.clock()
        while idle:
            conn = idle.pop()
            if not conn.closed and conn.reusable and now - conn.idle_since < IDLE_SECONDS:
                return conn
            conn.close()
        return None

    async def _connect(self, target: Target, timeout: float | None) -> Connection:
        loop = asyncio.get_running_loop()
        context = None
        if target.tls:
            context = self._ssl or ssl.create_default_context()
            self._ssl = context
        async with asyncio.timeout(timeout):
            _, conn = await loop.create_connection(Connection, target.host, target.port, ssl=context,
                                                   server_hostname=target.host if context else None)
        return conn

    async def close(self) -> None:
        self.closed = True
        for conns in self._idle.values():
            for conn in conns:
                conn.close()
        self._idle.clear()
        for conn in list(self._busy):
            conn.close()
        self._busy.clear()
        await asyncio.sleep(0)   # let the transports run their close callbacks


def _request(target: Target, body: bytes | None, content_type: str | None) -> bytes:
    if body is None:
        return target.bare
    if content_type is None:
        return b"%s%d\r\n\r\n%s" % (target.head, len(body), body)
    head = f"{target.first}Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def _expire(waiter: asyncio.Future[tuple[int, bytes]]) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError("no reply in time"))
