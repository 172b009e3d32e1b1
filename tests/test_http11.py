"""http11: the small keep-alive client for JSON POSTs reads every reply shape a server may send,
reuses connections only when that is safe, and turns timeouts and lost connections into errors."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from coachbot import http11

Reply = Callable[[bytes], bytes | None]   # request bytes -> what to answer (None: say nothing)


class Server:
    """A loopback server that answers each whole request with what `reply` says and counts connections."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.connections = 0
        self.requests: list[bytes] = []
        self.close_after_reply = False
        self.writers: list[asyncio.StreamWriter] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.writers.append(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                body = await reader.readexactly(length)
                self.requests.append(head + body)
                answer = self.reply(head + body)
                if answer is None:
                    continue
                writer.write(answer)
                await writer.drain()
                if self.close_after_reply:
                    writer.close()
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()


@pytest.fixture
async def serve() -> AsyncIterator[Callable[[Reply], asyncio.Future[tuple[Server, str]]]]:
    servers: list[asyncio.Server] = []

    async def start(reply: Reply) -> tuple[Server, str]:
        state = Server(reply)
        server = await asyncio.start_server(state.handle, "127.0.0.1", 0)
        servers.append(server)
        port = server.sockets[0].getsockname()[1]
        return state, f"http://127.0.0.1:{port}/bot1:x/sendMessage"

    yield start  # type: ignore[misc]
    for server in servers:
        server.close()


def fixed(text: bytes, *headers: bytes, status: bytes = b"200 OK") -> bytes:
    head = b"HTTP/1.1 " + status + b"\r\n" + b"".join(h + b"\r\n" for h in headers)
    return head + b"Content-Length: %d\r\n\r\n" % len(text) + text


OK = b'{"ok":true,"result":true}'


async def post(client: http11.Client, url: str, body: bytes | None = b'{"chat_id":1}',
               timeout: float | None = 2.0) -> tuple[int, bytes]:
    return await client.post(url, body, pool_timeout=1.0, connect_timeout=1.0, timeout=timeout)


async def test_a_request_is_one_json_post_and_the_connection_is_kept(serve) -> None:  # type: ignore[no-untyped-def]
    state, url = await serve(lambda _: fixed(OK, b"Content-Type: application/json"))
    client = http11.Client(4, "coachbot-test")
    try:
        assert await post(client, url) == (200, OK)
        assert await post(client, url, b'{"text":"h\xc3\xa9"}') == (200, OK)
        assert await post(client, url, None) == (200, OK)
    finally:
        await client.close()
    assert state.connections == 1
    first = state.requests[0]
    assert first.startswith(b"POST /bot1:x/sendMessage HTTP/1.1\r\n")
    assert b"\r\nContent-Type: application/json\r\n" in first and b"\r\nUser-Agent: coachbot-test\r\n" in first
    assert first.endswith(b'\r\n\r\n{"chat_id":1}')
    assert b"Content-Length: 0\r\n" in state.requests[2] and b"Content-Type" not in state.requests[2]


async def test_chunked_replies_interim_replies_and_errors_are_read(serve) -> None:  # type: ignore[no-untyped-def]
    replies = iter([
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"ok\"\r\n14;ext=1\r\n:true,\"result\":true}\r\n0\r\n\r\n",
        b"HTTP/1.1 100 Continue\r\n\r\n" + fixed(OK),
        fixed(b'{"ok":false,"error_code":400}', status=b"400 Bad Request"),
        b"HTTP/1.1 204 No Content\r\n\r\n",
    ])
    state, url = await serve(lambda _: next(replies))
    client = http11.Client(1, "t")
    try:
        assert await post(client, url) == (200, b'{"ok":true,"result":true}')
        assert await post(client, url) == (200, OK)
        assert await post(client, url) == (400, b'{"ok":false,"error_code":400}')
        assert await post(client, url) == (204, b"")
    finally:
        await client.close()
    assert state.connections == 1


async def test_a_reply_split_into_many_pieces_is_put_together() -> None:
    whole = fixed(OK, b"Server: x") + fixed(b"{}")
    for cut in range(1, len(whole)):
        buf = bytearray(whole[:cut])
        reply = http11.parse(buf, eof=False)
        if reply is not None:
            assert cut >= len(fixed(OK, b"Server: x")) and reply[:2] == (200, OK)
    assert http11.parse(bytearray(fixed(OK)), eof=False) == (200, OK, True)
    assert http11.parse(bytearray(b"HTTP/1.0 200 OK\r\n\r\nabc"), eof=False) is None
    assert http11.parse(bytearray(b"HTTP/1.0 200 OK\r\n\r\nabc"), eof=True) == (200, b"abc", False)
    with pytest.raises(http11.ProtocolError):
        http11.parse(bytearray(b"SSH-2.0-OpenSSH\r\n\r\n"), eof=False)


async def test_connection_close_is_honoured_and_a_closed_connection_is_not_reused(serve) -> None:  # type: ignore[no-untyped-def]
    state, url = await serve(lambda _: fixed(OK, b"Connection: close"))
    client = http11.Client(2, "t")
    try:
        assert await post(client, url) == (200, OK)
        assert await post(client, url) == (200, OK)
        assert state.connections == 2
        state.reply = lambda _: fixed(OK)
        assert await post(client, url) == (200, OK)
        for writer in state.writers:   # the server drops its idle keep-alive connections
            writer.close()
        await asyncio.sleep(0.05)
        assert await post(client, url) == (200, OK)   # a fresh connection, not the dropped one
    finally:
        await client.close()
    assert state.connections == 4


async def test_a_timeout_raises_and_the_late_reply_does_not_reach_the_next_call(serve) -> None:  # type: ignore[no-untyped-def]
    state, url = await serve(lambda request: None if b"slow" in request else fixed(b'"fast"'))
    client = http11.Client(1, "t")
    try:
        with pytest.raises(TimeoutError):
            await post(client, url, b'"slow"', timeout=0.05)
        assert await post(client, url, b'"next"') == (200, b'"fast"')
    finally:
        await client.close()
    assert state.connections == 2


async def test_a_full_pool_waits_up_to_the_pool_timeout(serve) -> None:  # type: ignore[no-untyped-def]
    _, url = await serve(lambda request: None if b"hang" in request else fixed(OK))
    client = http11.Client(1, "t")
    try:
        hung = asyncio.create_task(post(client, url, b'"hang"', timeout=None))
        await asyncio.sleep(0.05)
        with pytest.raises(TimeoutError):
            await client.post(url, b"{}", pool_timeout=0.05, connect_timeout=1.0, timeout=1.0)
        hung.cancel()
        with pytest.raises(asyncio.CancelledError):
            await hung
        assert await post(client, url) == (200, OK)   # the cancelled call gave its slot back
    finally:
        await client.close()


async def test_a_refused_connection_and_a_vanished_server_are_connection_errors(serve) -> None:  # type: ignore[no-untyped-def]
    client = http11.Client(1, "t")
    try:
        with pytest.raises(OSError):
            await post(client, "http://127.0.0.1:9/bot1:x/getMe")
        state, url = await serve(lambda _: b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial")
        state.close_after_reply = True
        with pytest.raises(ConnectionError):
            await post(client, url)
    finally:
        await client.close()
    with pytest.raises(RuntimeError):
        await post(client, "http://127.0.0.1:9/bot1:x/getMe")


def test_targets_split_the_url_once() -> None:
    target = http11.Target("https://api.telegram.org/bot1:x/getMe?a=1", "ua")
    assert (target.host, target.port, target.tls) == ("api.telegram.org", 443, True)
    assert target.head.startswith(b"POST /bot1:x/getMe?a=1 HTTP/1.1\r\nHost: api.telegram.org\r\n")
    assert b"Host: localhost:8081\r\n" in http11.Target("http://localhost:8081/bot1/x", "ua").head
    with pytest.raises(ValueError):
        http11.Target("ftp://example.org/x", "ua")
