"""PTB's Bot API transport: the same contract as HTTPXRequest for a fraction of its CPU per call.

Calls without files go as one JSON body (the Bot API accepts `application/json` with nested
objects). PTB's own transports send a form instead, which first JSON-encodes every nested
value (a keyboard), then percent-encodes the result: about 125 µs per edit with a
nine-button keyboard on this machine, against about 20 µs for the JSON body (orjson: less).
Every POST (answers, edits, messages, getUpdates; uploads as a multipart form) goes over
`http11`, a small keep-alive HTTP/1.1 client: ~40 µs of CPU a call against ~150-220 µs
through aiohttp. Only file downloads (an import) use aiohttp (`COACHBOT_HTTP_CLIENT=aiohttp`:
everything), imported with the first of them: ~10 MB of resident memory a bot rarely needs.
"""

from __future__ import annotations

import json
import os
import secrets
from typing import TYPE_CHECKING, Any

from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from . import http11

try:  # orjson encodes and parses JSON in C, several times faster than the json module
    import orjson
except ImportError:  # pragma: no cover - a platform without orjson wheels: the json module
    orjson = None  # type: ignore[assignment]

if TYPE_CHECKING:
    import aiohttp
    from yarl import URL

JSON_BODY = {"Content-Type": "application/json"}
# Calls without files go through http11 (PLAIN_HTTP); False sends them through aiohttp as well.
PLAIN_HTTP = os.environ.get("COACHBOT_HTTP_CLIENT", "").strip().lower() != "aiohttp"

# PTB marks a timeout the caller did not give with an instance of its DefaultValue class, which
# lives in the private `telegram._utils`; reach the class through the public DEFAULT_NONE instead.
# tests/test_telegram_http.py fails if a PTB upgrade changes this contract.
NotGiven = type(BaseRequest.DEFAULT_NONE)
Timeout = Any  # float | None | NotGiven (PTB's own alias for it is private too)


class PlainCall:
    """All AiohttpRequest reads of a RequestData, for a call whose parameters are already JSON
    values: LeanBot passes one instead of letting PTB build a RequestParameter per value."""

    __slots__ = ("parameters",)
    contains_files = False

    def __init__(self, parameters: dict[str, Any]) -> None:
        self.parameters = parameters


class AiohttpRequest(BaseRequest):
    """One aiohttp ClientSession with a connection pool of `connection_pool_size`, opened in initialize()."""

    __slots__ = ("_connect_timeout", "_default_timeout", "_media_write_timeout", "_pool_size", "_pool_timeout",
                 "_plain", "_read_timeout", "_session", "_urls", "_write_timeout")

    def __init__(self, connection_pool_size: int = 256, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, connect_timeout: float | None = 5.0,
                 pool_timeout: float | None = 1.0, media_write_timeout: float | None = 20.0) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._default_timeout: aiohttp.ClientTimeout | None = None
        self._session: aiohttp.ClientSession | None = None
        self._plain: http11.Client | None = None
        self._urls: dict[str, URL] = {}

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout; Bot.get_updates adds the long-poll timeout to it."""
        return self._read_timeout

    async def initialize(self) -> None:
        if self._plain is None:   # open while it exists (the aiohttp session waits for its first use)
            self._plain = http11.Client(self._pool_size, self.USER_AGENT)

    def _aiohttp_session(self) -> aiohttp.ClientSession:
        """The aiohttp session, opened with the first call that needs it (files, or everything
        with `COACHBOT_HTTP_CLIENT=aiohttp`)."""
        if self._session is None or self._session.closed:
            import aiohttp

            connector = aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0)
            # The Bot API sets no cookies: a jar that keeps none skips filtering one per request.
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT},
                                                  cookie_jar=aiohttp.DummyCookieJar())
        return self._session

    async def shutdown(self) -> None:
        if self._plain is not None:
            await self._plain.close()
        self._plain = None
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Timeout = BaseRequest.DEFAULT_NONE,
                         write_timeout: Timeout = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Timeout = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Timeout = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        plain = self._plain
        if plain is None:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data is not None and request_data.contains_files
        if method == "POST" and PLAIN_HTTP:
            try:
                plain.target(url)
            except ValueError:
                pass   # not a URL it handles: aiohttp below says what is wrong with it
            else:
                return await self._post_plain(plain, url, request_data, files, read_timeout, write_timeout,
                                              connect_timeout, pool_timeout)
        import aiohttp

        session = self._aiohttp_session()
        timeout = self._timeout_for(files, read_timeout, write_timeout, connect_timeout, pool_timeout)
        body: Any = None
        headers = None
        if request_data is not None:
            if files:
                body = multipart(request_data)
            else:
                body = json_body(request_data.parameters)
                headers = JSON_BODY
        try:
            async with session.request(method, self._url(url), data=body, headers=headers, timeout=timeout) as res:
                return res.status, await res.read()
        except TimeoutError as err:  # aiohttp's connect/read timeouts subclass it too
            raise TimedOut(f"Timed out: {type(err).__name__}") from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: {err}") from err

    async def _post_plain(self, plain: http11.Client, url: str, request_data: RequestData | None, files: bool,
                          read: Timeout, write: Timeout, connect: Timeout, pool: Timeout) -> tuple[int, bytes]:
        """A POST on http11's kept-alive connections (see there why): one JSON body, or a
        multipart form when it carries files (a chart, a report, an export)."""
        body: bytes | None = None
        content_type = None
        if request_data is not None:
            if files:
                body, content_type = multipart_body(request_data)
            else:
                body = json_body(request_data.parameters)
        read = self._read_timeout if isinstance(read, NotGiven) else read
        if isinstance(write, NotGiven):
            write = self._media_write_timeout if files else self._write_timeout
        connect = self._connect_timeout if isinstance(connect, NotGiven) else connect
        pool = self._pool_timeout if isinstance(pool, NotGiven) else pool
        # As for aiohttp (client_timeout): no per-write timeout, so the write timeout adds to the read's.
        exchange = None if read is None else read + (write or 0.0)
        try:
            return await plain.post(url, body, pool_timeout=pool, connect_timeout=connect, timeout=exchange,
                                    content_type=content_type)
        except TimeoutError as err:
            raise TimedOut(f"Timed out: {err}") from err
        except OSError as err:   # ConnectionError, ssl.SSLError and http11.ProtocolError among them
            raise NetworkError(f"{type(err).__name__}: {err}") from err

    def _url(self, url: str) -> URL:
        """The parsed URL, from a small cache: the bot calls a few dozen endpoints, and parsing
        the same URL again on every call is a measurable part of a request."""
        parsed = self._urls.get(url)
        if parsed is None:
            from yarl import URL

            if len(self._urls) >= 256:
                self._urls.clear()
            parsed = self._urls[url] = URL(url)
        return parsed

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict[str, Any]:
        """PTB's parse (invalid UTF-8 replaced, a TelegramError for invalid JSON), with orjson."""
        if orjson is not None:
            try:
                result = orjson.loads(payload)
            except orjson.JSONDecodeError:
                pass   # invalid UTF-8 or JSON: PTB's own parse replaces or reports it
            else:
                if isinstance(result, dict):
                    return result
        return BaseRequest.parse_json_payload(payload)

    def _timeout_for(self, files: bool, read: Timeout, write: Timeout,
                     connect: Timeout, pool: Timeout) -> aiohttp.ClientTimeout:
        defaulted = [isinstance(v, NotGiven) for v in (read, write, connect, pool)]
        if all(defaulted) and not files:
            if self._default_timeout is None:
                self._default_timeout = client_timeout(self._read_timeout, self._write_timeout,
                                                       self._connect_timeout, self._pool_timeout)
            return self._default_timeout
        return client_timeout(
            self._read_timeout if defaulted[0] else read,
            (self._media_write_timeout if files else self._write_timeout) if defaulted[1] else write,
            self._connect_timeout if defaulted[2] else connect,
            self._pool_timeout if defaulted[3] else pool)


def json_body(parameters: dict[str, Any]) -> bytes:
    """The parameters as one compact UTF-8 JSON body (orjson; the json module for what it refuses)."""
    if orjson is not None:
        try:
            return orjson.dumps(parameters)
        except TypeError:   # orjson.JSONEncodeError: e.g. an integer beyond 64 bits
            pass
    return json.dumps(parameters, ensure_ascii=False, separators=(",", ":")).encode()


def client_timeout(read: float | None, write: float | None, connect: float | None,
                   pool: float | None) -> aiohttp.ClientTimeout:
    """PTB's four timeouts in aiohttp's terms.

    aiohttp's `connect` covers waiting for a pooled connection plus opening one, `sock_connect` only
    the opening and `sock_read` each read. It has no per-write timeout, so the write timeout bounds
    the whole exchange instead: total = pool + connect + write + read when all are finite.
    """
    import aiohttp

    finite = [p for p in (read, write, connect, pool) if p is not None]
    total = sum(finite) if len(finite) == 4 else None
    acquire = None if pool is None or connect is None else pool + connect
    return aiohttp.ClientTimeout(total=total, connect=acquire, sock_connect=connect, sock_read=read)


def multipart_body(request_data: RequestData) -> tuple[bytes, str]:
    """Parameters as form fields and each InputFile as a file part, encoded as multipart/form-data
    (RFC 7578), with the Content-Type that names the boundary."""
    fields: list[tuple[str, str | None, bytes, str | None]] = [
        (name, None, value.encode(), None) for name, value in request_data.json_parameters.items()]
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        fields.append((name, filename, content if isinstance(content, bytes) else content.read(), mimetype))
    boundary = secrets.token_hex(16)
    while any(boundary.encode() in part for _, _, part, _ in fields):  # never inside a part
        boundary = secrets.token_hex(16)
    out = bytearray()
    for field, file_name, data, file_type in fields:
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{_quoted(field)}"'.encode()
        if file_name is not None:
            out += f'; filename="{_quoted(file_name)}"\r\nContent-Type: {file_type}'.encode()
        out += b"\r\n\r\n" + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def _quoted(value: str) -> str:
    """A name or file name inside a quoted header parameter (the HTML form encoding)."""
    return value.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def multipart(request_data: RequestData) -> aiohttp.FormData:
    """Parameters as form fields plus each InputFile as a file part (name, filename, mimetype, content)."""
    import aiohttp

    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
