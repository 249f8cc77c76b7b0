"""The control channel: ``sitbreak status``, ``sitbreak quit`` and the other commands.

The control socket (``IpcServer``) is only how other processes talk to the one that runs.
It never decides who runs (a socket file can outlive its process): the instance lock of
``app.instance_lock`` does.

Protocol: JSON lines in UTF-8, one request and one reply per line, each line at most
``MAX_LINE`` bytes (without its newline)::

    request  {"v": 1, "cmd": "status", "args": {}}
    reply    {"v": 1, "ok": true, "result": {...}}
             {"v": 1, "ok": false, "error": "unknown command 'frobnicate'"}

The client side (``send_request``, ``instance_answers``) needs no Qt event loop, so the
command line stays light: plain ``socket.AF_UNIX``, and on Windows the named pipe that
``QLocalServer`` listens on there, opened as a file with overlapped I/O so that every wait
has a deadline.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import stat
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

PROTOCOL_VERSION = 1
MAX_LINE = 64 * 1024
"""Longest request or reply line in bytes, newline excluded; longer requests are refused."""

JsonObject = dict[str, Any]
Handler = Callable[[JsonObject], JsonObject]
"""Gets the request's ``args``, returns the reply's ``result``; raises ``IpcError`` to refuse."""

_log = logging.getLogger(__name__)


class IpcError(Exception):
    """A request failed: bad input, an error reply, or a broken conversation.

    Handlers raise it to send its message back as the error reply.
    """


class NoInstanceError(Exception):
    """Nothing listens on the control socket: Sitbreak is not running."""


# ---------------------------------------------------------------- protocol


def encode_line(message: Mapping[str, Any]) -> bytes:
    """One protocol line; NaN and infinity are refused because they are not JSON."""
    text = json.dumps(message, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"


def _ok_reply(result: JsonObject) -> bytes:
    return encode_line({"v": PROTOCOL_VERSION, "ok": True, "result": result})


def _error_reply(message: str) -> bytes:
    return encode_line({"v": PROTOCOL_VERSION, "ok": False, "error": message})


def _decode_object(line: bytes, what: str) -> JsonObject:
    """Parse one line into a JSON object with our protocol version, or raise ``IpcError``."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IpcError(f"The {what} is not valid UTF-8.") from exc
    if not text.strip():
        raise IpcError(f"The {what} is empty.")
    try:
        message = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IpcError(f"The {what} is not valid JSON: {exc.msg} at column {exc.colno}.") from exc
    except RecursionError as exc:
        raise IpcError(f"The {what} is nested too deeply.") from exc
    except ValueError as exc:  # int() refuses a number of more than 4300 digits
        raise IpcError(f"The {what} holds a number too long to read.") from exc
    if not isinstance(message, dict):
        raise IpcError(f"The {what} must be a JSON object, not {_json_kind(message)}.")
    version = message.get("v")
    if version is None:
        raise IpcError(f'The {what} has no protocol version ("v").')
    if type(version) is not int or version != PROTOCOL_VERSION:
        raise IpcError(
            f"Unsupported protocol version {json.dumps(version)}; "
            f"this Sitbreak speaks version {PROTOCOL_VERSION}."
        )
    return message


def _json_kind(value: object) -> str:
    kinds: list[tuple[type, str]] = [
        (list, "an array"),
        (str, "a string"),
        (bool, "a boolean"),
        (int, "a number"),
        (float, "a number"),
    ]
    for kind, name in kinds:
        if isinstance(value, kind):
            return name
    return "null"


# ---------------------------------------------------------------- client (no Qt)


def send_request(
    socket_path: Path,
    cmd: str,
    args: Mapping[str, Any] | None = None,
    timeout: float = 2.0,
    *,
    platform: str = sys.platform,
) -> JsonObject:
    """Send one command to the running instance and return the ``result`` of its reply.

    Raises ``NoInstanceError`` when nothing listens, ``IpcError`` for an error reply, a
    reply that breaks the protocol, or no reply within ``timeout`` seconds. ``platform``
    decides the transport: a named pipe on "win32", a Unix socket elsewhere.
    """
    payload = encode_line({"v": PROTOCOL_VERSION, "cmd": cmd, "args": dict(args or {})})
    if len(payload) - 1 > MAX_LINE:
        raise IpcError(f"The request is longer than {MAX_LINE} bytes.")
    deadline = time.monotonic() + timeout
    channel = _connect(socket_path, timeout, platform)
    try:
        channel.send(payload, deadline)
        line = _read_line(channel, deadline)
    except TimeoutError as exc:
        raise IpcError(f"Sitbreak did not answer within {timeout:g} s.") from exc
    except OSError as exc:
        raise IpcError(f"The connection to Sitbreak broke: {exc.strerror or exc}.") from exc
    finally:
        channel.close()
    reply = _decode_object(line, "reply")
    ok = reply.get("ok")
    if ok is False:
        error = reply.get("error")
        raise IpcError(str(error) if error else "Sitbreak refused the request.")
    result = reply.get("result")
    if ok is not True or not isinstance(result, dict):
        raise IpcError("Sitbreak sent a reply without a result.")
    return result


def instance_answers(
    socket_path: Path, timeout: float = 0.5, *, platform: str = sys.platform
) -> bool:
    """Whether a live server accepts connections on ``socket_path`` (nothing is sent)."""
    try:
        _connect(socket_path, timeout, platform).close()
    except NoInstanceError:
        return False
    return True


class _Channel(Protocol):
    """One connection to the server, whatever carries it; every wait ends by ``deadline``."""

    def send(self, data: bytes, deadline: float) -> None:
        """Send all of ``data``; ``TimeoutError`` past the deadline, ``OSError`` if it broke."""
        ...

    def receive(self, deadline: float) -> bytes:
        """The next bytes the server sent, ``b""`` once it closed; errors as ``send``."""
        ...

    def close(self) -> None: ...


def _connect(socket_path: Path, timeout: float, platform: str) -> _Channel:
    if platform == "win32":
        return _open_pipe(socket_path, timeout)
    return _open_unix_socket(socket_path, timeout)


def _read_line(channel: _Channel, deadline: float) -> bytes:
    received = bytearray()
    while True:
        newline = received.find(b"\n")
        if newline >= 0:
            return bytes(received[:newline])
        if len(received) > MAX_LINE:
            raise IpcError(f"The reply is longer than {MAX_LINE} bytes.")
        chunk = channel.receive(deadline)
        if not chunk:
            raise IpcError("Sitbreak closed the connection without a reply.")
        received += chunk


def _remaining(deadline: float) -> float:
    return max(deadline - time.monotonic(), 0.001)


class _UnixSocketChannel:
    def __init__(self, sock: socket.socket) -> None:
        self._socket = sock

    def send(self, data: bytes, deadline: float) -> None:
        self._socket.settimeout(_remaining(deadline))
        self._socket.sendall(data)

    def receive(self, deadline: float) -> bytes:
        self._socket.settimeout(_remaining(deadline))
        return self._socket.recv(65536)

    def close(self) -> None:
        self._socket.close()


def _open_unix_socket(socket_path: Path, timeout: float) -> _UnixSocketChannel:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(os.fspath(socket_path))
    except (FileNotFoundError, ConnectionRefusedError) as exc:
        sock.close()
        raise NoInstanceError(f"Nothing listens on {socket_path}.") from exc
    except TimeoutError as exc:
        sock.close()
        raise IpcError(f"Sitbreak did not accept the connection within {timeout:g} s.") from exc
    except OSError as exc:
        sock.close()
        raise IpcError(f"Cannot connect to {socket_path}: {exc.strerror or exc}.") from exc
    return _UnixSocketChannel(sock)


def _open_pipe(pipe: Path, timeout: float) -> _Channel:
    """Connect to the named pipe ``pipe`` (``\\\\.\\pipe\\...``), waiting while it is busy.

    A pipe exists only while its server runs, so "not found" means no instance. All of
    the pipe's instances may be taken for a moment (another client): that is waited out.
    """
    if sys.platform == "win32":
        path = os.fspath(pipe)
        deadline = time.monotonic() + timeout
        while True:
            try:
                handle = _winapi.CreateFile(
                    path,
                    _winapi.GENERIC_READ | _winapi.GENERIC_WRITE,
                    0,
                    _winapi.NULL,
                    _winapi.OPEN_EXISTING,
                    _winapi.FILE_FLAG_OVERLAPPED,
                    _winapi.NULL,
                )
            except FileNotFoundError as exc:
                raise NoInstanceError(f"Nothing listens on {path}.") from exc
            except OSError as exc:
                if exc.winerror != _winapi.ERROR_PIPE_BUSY:
                    raise IpcError(f"Cannot connect to {path}: {exc.strerror or exc}.") from exc
            else:
                return _PipeChannel(handle)
            if time.monotonic() >= deadline:
                raise IpcError(f"Sitbreak did not accept the connection within {timeout:g} s.")
            # Raises when the wait times out or the pipe went away; the loop decides which.
            with contextlib.suppress(OSError):
                _winapi.WaitNamedPipe(path, max(int(_remaining(deadline) * 1000), 1))
    else:
        raise IpcError(f"Cannot connect to {pipe}: named pipes exist only on Windows.")


if sys.platform == "win32":
    import _winapi

    class _PipeChannel:
        """A client handle on a byte-mode named pipe, read and written with overlapped I/O.

        ``_winapi`` is what ``multiprocessing`` uses for its pipes; plain ``open()`` would
        block forever on a server that never answers.
        """

        def __init__(self, handle: int) -> None:
            self._handle = handle

        def send(self, data: bytes, deadline: float) -> None:
            view = memoryview(data)
            while view:
                overlapped, error = _winapi.WriteFile(self._handle, view, overlapped=True)
                written = self._finish(overlapped, error, deadline)
                view = view[written:]

        def receive(self, deadline: float) -> bytes:
            try:
                overlapped, error = _winapi.ReadFile(self._handle, 65536, overlapped=True)
                self._finish(overlapped, error, deadline)
            except BrokenPipeError:
                return b""  # the server closed its end
            received = overlapped.getbuffer()  # b"" too once the server closed its end
            return bytes(received) if received is not None else b""

        def close(self) -> None:
            _winapi.CloseHandle(self._handle)

        @staticmethod
        def _finish(overlapped: _winapi.Overlapped, error: int, deadline: float) -> int:
            """Wait for one operation until ``deadline``; the number of bytes it moved."""
            if error == _winapi.ERROR_IO_PENDING:
                wait_ms = max(int(_remaining(deadline) * 1000), 1)
                outcome = _winapi.WaitForMultipleObjects([overlapped.event], False, wait_ms)
                if outcome == _winapi.WAIT_TIMEOUT:
                    overlapped.cancel()
                    # The buffer must stay until the cancelled operation has ended.
                    with contextlib.suppress(OSError):
                        overlapped.GetOverlappedResult(True)
                    raise TimeoutError
            transferred, _error = overlapped.GetOverlappedResult(True)
            return transferred


# ---------------------------------------------------------------- server (Qt)


class _Connection:
    """One client: its socket and the bytes of a line not yet complete."""

    def __init__(self, sock: QLocalSocket) -> None:
        self.socket = sock
        self.pending = bytearray()
        self.refused = False


class IpcServer(QObject):
    """Answers JSON-line requests on the control socket, on the GUI thread.

    Nothing a client sends can raise out of a slot: every problem becomes an error reply.
    """

    def __init__(
        self,
        socket_path: Path,
        parent: QObject | None = None,
        *,
        platform: str = sys.platform,
    ) -> None:
        super().__init__(parent)
        self._socket_path = socket_path
        self._platform = platform
        self._handlers: dict[str, Handler] = {}
        self._server = QLocalServer(self)
        # Owner-only socket. With this option Qt 6 replaces whatever is at the path, even
        # the socket of a live server (seen with 6.12), so ``listen`` checks first.
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    @property
    def socket_path(self) -> Path:
        return self._socket_path

    def is_listening(self) -> bool:
        return self._server.isListening()

    def register(self, cmd: str, handler: Handler) -> None:
        """Answer ``cmd`` with ``handler``; one handler per command."""
        if cmd in self._handlers:
            raise ValueError(f"A handler for {cmd!r} is already registered.")
        self._handlers[cmd] = handler

    def listen(self) -> None:
        """Start answering on the socket path.

        A socket file left by a crashed instance is replaced, but only after checking that
        no live server answers on it. Raises ``IpcError`` if one does, if the path is not a
        socket (never deleted: it is not ours), or if listening fails.

        On Windows the path is a named pipe, which dies with its server: nothing can be
        stale. But Qt lets a second server add instances to a live pipe, so it is refused
        while one answers, as on Unix.
        """
        path = self._socket_path
        if self._platform == "win32":
            if instance_answers(path, platform=self._platform):
                raise IpcError(f"Another Sitbreak already answers on {path}.")
            if self._server.listen(os.fspath(path)):
                return
            reason = self._server.errorString() or "unknown error"
            raise IpcError(f"Cannot listen on {path}: {reason}.")
        if self._stale_socket_present():
            _log.info("Replacing the stale control socket %s", path)
        if self._server.listen(os.fspath(path)):
            return
        in_use = self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError
        if in_use and self._stale_socket_present():
            # Qt versions that bind in place leave the stale file to us. Checked again just
            # now, so removing it cannot cut off a live server.
            path.unlink(missing_ok=True)
            if self._server.listen(os.fspath(path)):
                return
        reason = self._server.errorString() or "unknown error"
        raise IpcError(f"Cannot listen on {path}: {reason}.")

    def close(self) -> None:
        """Stop accepting connections and remove the socket file.

        Connections already open keep their replies (a ``quit`` reply still arrives); they
        end with the process.
        """
        self._server.close()

    def _stale_socket_present(self) -> bool:
        """True for a socket file nobody answers on, False for no file; else ``IpcError``."""
        try:
            info = os.lstat(self._socket_path)
        except FileNotFoundError:
            return False
        if not stat.S_ISSOCK(info.st_mode):
            raise IpcError(f"{self._socket_path} exists and is not a socket; not replacing it.")
        if instance_answers(self._socket_path, platform=self._platform):
            raise IpcError(f"Another Sitbreak already answers on {self._socket_path}.")
        return True

    # -- slots: never let an exception escape into Qt

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            connection = _Connection(sock)
            sock.readyRead.connect(lambda c=connection: self._read(c))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, connection: _Connection) -> None:
        try:
            self._answer_lines(connection)
        except Exception:
            _log.exception("The control socket failed to handle a client")
            connection.socket.abort()

    def _answer_lines(self, connection: _Connection) -> None:
        sock = connection.socket
        data = bytes(sock.readAll().data())
        if connection.refused:
            return
        connection.pending += data
        while True:
            newline = connection.pending.find(b"\n")
            line_length = newline if newline >= 0 else len(connection.pending)
            if line_length > MAX_LINE:
                self._refuse(connection, f"The request is longer than {MAX_LINE} bytes.")
                return
            if newline < 0:
                break
            line = bytes(connection.pending[:newline])
            del connection.pending[: newline + 1]
            sock.write(self._reply_to(line))
        sock.flush()

    def _refuse(self, connection: _Connection, message: str) -> None:
        _log.info("Control socket refused a client: %s", message)
        connection.refused = True
        connection.pending.clear()
        connection.socket.write(_error_reply(message))
        connection.socket.flush()
        connection.socket.disconnectFromServer()

    def _reply_to(self, line: bytes) -> bytes:
        cmd = "?"
        try:
            request = _decode_object(line, "request")
            cmd_value = request.get("cmd")
            if not isinstance(cmd_value, str) or not cmd_value:
                raise IpcError('The request has no command ("cmd").')
            cmd = cmd_value
            args = request.get("args", {})
            if not isinstance(args, dict):
                raise IpcError(
                    f'The arguments ("args") must be a JSON object, not {_json_kind(args)}.'
                )
            handler = self._handlers.get(cmd)
            if handler is None:
                known = ", ".join(sorted(self._handlers)) or "none"
                raise IpcError(f"Unknown command {cmd!r} (known: {known}).")
            result = handler(args)
            if not isinstance(result, dict):
                raise TypeError(f"handler returned {type(result).__name__}, not dict")
            return _ok_reply(result)
        except IpcError as exc:
            _log.info("Control socket refused a request: %s", exc)
            return _error_reply(str(exc))
        except Exception:
            _log.exception("Control command %r failed", cmd)
            return _error_reply(f"Sitbreak failed to run {cmd!r}; the log has the details.")
