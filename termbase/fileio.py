"""Crash-safe file output: readers see the old file or the complete new one, never a part.

Temporary files are named `.NAME.<host>-<pid>.<random>.tmp`, so the next write beside the
same target can tell those of a process that was killed (same host, pid no longer running)
and remove them. A FIFO, a character device or `-` (standard output) cannot be replaced
atomically and must not be: they are written into directly.

Portability: file modes, group ownership and the directory fsync are POSIX features and are
skipped where the platform lacks them; Windows refuses to replace a file another program
holds open, so the rename is retried for a few seconds before a clear error.
"""

from __future__ import annotations

import errno
import functools
import io
import os
import stat
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

STDOUT = "-"
NOTHING_WRITTEN = "; nothing was written"
REPLACE_RETRY_DELAYS_S = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)


@functools.cache
def _host() -> str:
    """This machine's name as it appears in temporary file names (asked once, when first
    needed: the socket module is not worth importing for a lookup)."""
    import socket

    return "".join(ch for ch in socket.gethostname() if ch.isalnum())[:32] or "host"


def is_windows() -> bool:
    """One place to ask (and for tests to simulate Windows without breaking pathlib)."""
    return os.name == "nt"


class TargetBusy(PermissionError):
    """Windows: the target is held open by another program, even after retries."""


def _mode_for(path: Path, like: Path | None = None) -> int:
    """Keep the permissions of the file being replaced (or of `like`, the store whose
    sidecar this is), so a shared, group-writable termbase stays so; a new file gets the
    usual mode, 0666 less the umask (mkstemp's 0600 is right for the temporary file, not
    for the result)."""
    for reference in (like, path):
        if reference is None:
            continue
        try:
            return stat.S_IMODE(os.stat(reference).st_mode)
        except OSError:
            continue
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def share_like(target: str | os.PathLike, reference: str | os.PathLike | None,
               fd: int | None = None) -> None:
    """Give `target` the permission bits and group of `reference` (best effort: only the
    owner may change them, and Windows has neither). Only a regular file is changed, never
    what a symbolic link points to: a link planted in a shared directory must not make
    someone's own file take the store's mode and group."""
    if is_windows() or reference is None:
        return
    if fd is None:
        try:
            own = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                          | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return  # absent, unreadable or a symbolic link
        try:
            share_like(target, reference, own)
        finally:
            os.close(own)
        return
    try:
        ref = os.stat(reference)
    except OSError:
        return
    try:
        current = os.fstat(fd)
        if not stat.S_ISREG(current.st_mode):
            return
        if stat.S_IMODE(current.st_mode) != stat.S_IMODE(ref.st_mode):
            os.fchmod(fd, stat.S_IMODE(ref.st_mode))
        if current.st_gid != ref.st_gid:
            os.fchown(fd, -1, ref.st_gid)
    except OSError:
        pass


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable. Windows cannot open a directory, and a platform without
    O_DIRECTORY is given a plain read-only open (which POSIX systems accept)."""
    if is_windows():
        return
    try:
        dir_fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass  # some file systems cannot sync a directory; the data file itself was synced
    finally:
        os.close(dir_fd)


def is_stream_target(path: str | os.PathLike) -> bool:
    """`-`, a FIFO or a character device: written into, never replaced."""
    if str(path) == STDOUT:
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


@contextmanager
def _stream_open(path: str | os.PathLike, mode: str, encoding: str | None,
                 newline: str | None) -> Iterator[IO]:
    if str(path) != STDOUT:
        with open(path, mode.replace("w", "a") if "w" in mode else mode, encoding=encoding,
                  newline=newline) as handle:
            yield handle
        return
    sys.stdout.flush()
    raw = sys.stdout.buffer
    if "b" in mode:
        yield raw
        raw.flush()
        return
    text = io.TextIOWrapper(raw, encoding=encoding or "utf-8", newline=newline)
    try:
        yield text
        text.flush()
    finally:
        text.detach()  # standard output stays open for the rest of the run


# A temporary name adds about 55 bytes to the target's; file names stop at 255 bytes, so a
# long target name (legal in itself) is shortened in its temporary names, keeping a hash
# of the whole so two long names never share temporary files.
TEMP_NAME_MAX_BYTES = 160


def temp_prefix(path: Path) -> str:
    name = path.name
    if len(name.encode("utf-8")) > TEMP_NAME_MAX_BYTES:
        import hashlib

        digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:10]
        name = name.encode("utf-8", "surrogateescape")[:TEMP_NAME_MAX_BYTES - 12] \
            .decode("utf-8", "ignore") + f"~{digest}"
    return f".{name}."


def own_temp_prefix(path: Path) -> str:
    """The prefix of this process's temporary files beside `path`."""
    return _own_temp_prefix(path)


def _own_temp_prefix(path: Path) -> str:
    return f"{temp_prefix(path)}{_host()}-{os.getpid()}."


def stale_temp_files(path: Path) -> list[Path]:
    """Temporary files beside `path` left by a killed process of this host."""
    stale = []
    prefix = temp_prefix(path)
    try:
        candidates = [p for p in path.parent.iterdir()
                      if p.name.startswith(prefix) and p.name.endswith(".tmp")]
    except OSError:
        return []
    for candidate in candidates:
        owner = candidate.name[len(prefix):].split(".", 1)[0]
        host, _, pid = owner.rpartition("-")
        if host == _host() and pid.isdigit() and not _pid_running(int(pid)):
            stale.append(candidate)
    return stale


def _pid_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if is_windows():
        return True  # os.kill would end the process there; such files are left to doctor
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists but belongs to someone else
    return True


def remove_stale_temp_files(path: Path) -> None:
    for stale in stale_temp_files(path):
        try:
            stale.unlink()
        except OSError:
            pass


def replace_file(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """os.replace; on Windows a target another program holds open is retried with
    backoff, then refused with a message saying so."""
    for delay in REPLACE_RETRY_DELAYS_S + (None,):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if not is_windows():
                raise
            if delay is None:
                raise TargetBusy(exc.errno or errno.EACCES,
                                 "another program (an editor, a CAT tool, a sync client) has "
                                 "it open; close it and try again", str(target)) from None
            time.sleep(delay)


def _failed(exc: OSError, path: Path) -> OSError:
    """The error as the user should see it: the real target, not a temporary name, and
    the fact that the target was left as it was."""
    if isinstance(exc, TargetBusy):
        reason = exc.strerror
    else:
        reason = exc.strerror or str(exc)
    return type(exc)(exc.errno, f"{reason}{NOTHING_WRITTEN}", str(path))


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb", encoding: str | None = None,
                newline: str | None = None, like: str | os.PathLike | None = None,
                follow_link: bool = True) -> Iterator[IO]:
    """Open a temporary file beside `path`; on success fsync it and rename it over `path`.
    On any exception the temporary file is removed and `path` is untouched. `like`: the
    file whose permissions and group the result takes (a store's sidecar takes the
    store's). `-`, a FIFO or a character device is written into directly. A symbolic link
    at `path` is written through (a user's output) unless `follow_link` is false (a file
    of the store, where a link can only have been planted): then the link is replaced."""
    if follow_link and is_stream_target(path):
        with _stream_open(path, mode, encoding, newline) as handle:
            yield handle
        return
    path = Path(path)
    if follow_link and path.is_symlink():  # write the file it names, not the link
        path = Path(os.path.realpath(path))
    directory = path.parent or Path(".")
    remove_stale_temp_files(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_own_temp_prefix(path), suffix=".tmp",
                                   dir=directory)
    except OSError as exc:
        raise _failed(exc, path) from None
    try:
        handle = os.fdopen(fd, mode, encoding=encoding, newline=newline)
    except BaseException:
        os.close(fd)
        _discard(tmp)
        raise
    try:
        with handle:
            if not is_windows():
                os.fchmod(handle.fileno(), _mode_for(path, Path(like) if like else None))
                share_like(tmp, like or (path if path.exists() else None), handle.fileno())
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(tmp, path)
    except OSError as exc:
        _discard(tmp)
        if exc.filename not in (None, tmp, str(path)):
            raise  # about another file (one being read, say): its own message is right
        raise _failed(exc, path) from None
    except BaseException:
        _discard(tmp)
        raise
    _fsync_dir(directory)


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def atomic_write_bytes(path: str | os.PathLike, payload: bytes,
                       like: str | os.PathLike | None = None) -> None:
    with atomic_open(path, "wb", like=like) as handle:
        handle.write(payload)


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside `path` for a tool that writes a file by name (SQLite's
    backup); renamed over `path` when the block succeeds, removed when it fails."""
    path = Path(path)
    remove_stale_temp_files(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_own_temp_prefix(path), suffix=".tmp",
                                   dir=path.parent or ".")
    except OSError as exc:
        raise _failed(exc, path) from None
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        replace_file(tmp, path)  # on Windows: retried while another program holds it
    except OSError as exc:
        _discard(tmp)
        if exc.filename not in (None, tmp, str(path)):
            raise
        raise _failed(exc, path) from None
    except BaseException:
        _discard(tmp)
        raise
    _fsync_dir(path.parent)
