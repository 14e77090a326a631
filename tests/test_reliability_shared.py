"""Shared termbases on both engines (issue 13, point 15, round three): every file a command
creates beside a group-writable store (the TinyDB index file, SQLite's -wal and -shm, the
lock, the automatic backup, a `termbase backup` copy) takes the store's group and mode, so
the next member of the group can open it.

Root can play a group member: a forked child drops to another user whose primary group is
not the store's but who belongs to it, as a colleague in a shared directory would. (Run as
root, SQLite itself gives its journals the database's owner; as anyone else it does not.)
"""

from __future__ import annotations

import os
import stat
import tempfile
import traceback
from pathlib import Path

import pytest

from termbase import Termbase
from termbase.model import Concept, Term

SHARED_GID, OTHER_GID, MEMBER_UID = 4242, 4243, 65534
ENGINES = ["json", "sqlite"]

pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="needs root to play a second member of a group")


@pytest.fixture
def shared_dir():
    """A directory everyone may write (tmp_path is private to root)."""
    directory = Path(tempfile.mkdtemp(prefix="tb-shared-"))
    os.chmod(directory, 0o777)
    yield directory
    for path in sorted(directory.rglob("*"), reverse=True):
        path.unlink() if not path.is_dir() or path.is_symlink() else path.rmdir()
    directory.rmdir()


def shared_store(directory: Path, engine: str) -> Path:
    """A store of the group SHARED_GID, mode 0660, with one concept; its index is built
    (and morphology loaded, so that a forked child needs no file under /root)."""
    db = directory / f"shared.{engine}"
    tb = Termbase.open(db, seed=False)
    tb.add(Concept(terms=[Term("pl", "wspólny termin"), Term("lt", "bendras terminas")]))
    tb.lookup("wspólny termin", lang="pl")
    tb.store.close() if hasattr(tb.store, "close") else None
    for path in directory.iterdir():
        os.chown(path, -1, SHARED_GID)
        os.chmod(path, 0o660)
    return db


def as_member(action) -> int:
    """Run `action()` in a forked child as another user of the group; its exit code
    (0: the action returned a true value)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 3
        try:
            os.setgroups([SHARED_GID])
            os.setgid(OTHER_GID)
            os.setuid(MEMBER_UID)
            os.umask(0o022)
            code = 0 if action() else 1
        except BaseException:  # noqa: BLE001 - reported through the exit code
            traceback.print_exc()
            code = 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def shared_ok(path: Path) -> bool:
    info = os.stat(path)
    return info.st_gid == SHARED_GID and stat.S_IMODE(info.st_mode) == 0o660


def test_the_index_file_takes_the_store_group_and_mode(shared_dir):
    db = shared_store(shared_dir, "json")
    index = db.with_name(db.name + ".tbindex")
    index.unlink()

    def member_looks_up() -> bool:
        return bool(Termbase.open(db, seed=False).lookup("wspólnego terminu", lang="pl"))

    assert as_member(member_looks_up) == 0
    assert index.is_file()
    assert shared_ok(index), oct(os.stat(index).st_mode) + f" gid {os.stat(index).st_gid}"


def test_sqlite_journals_take_the_store_group_while_a_member_writes(shared_dir):
    db = shared_store(shared_dir, "sqlite")
    assert not db.with_name(db.name + "-wal").exists()

    def member_adds() -> bool:
        tb = Termbase.open(db, seed=False)
        tb.add(Concept(terms=[Term("pl", "drugi termin"), Term("lt", "antras terminas")]))
        return all(shared_ok(db.with_name(db.name + suffix)) for suffix in ("-wal", "-shm"))

    assert as_member(member_adds) == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_lock_backup_and_a_backup_copy_take_the_store_group_and_mode(shared_dir, engine):
    db = shared_store(shared_dir, engine)
    for suffix in (".lock", ".bak"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    copy = shared_dir / f"copy.{engine}"

    def member_writes_and_backs_up() -> bool:
        tb = Termbase.open(db, seed=False)
        tb.add(Concept(terms=[Term("pl", "trzeci termin"), Term("lt", "trečias terminas")]))
        tb.backup(copy)
        return True

    assert as_member(member_writes_and_backs_up) == 0
    made = [copy] + ([db.with_name(db.name + s) for s in (".lock", ".bak")]
                     if engine == "json" else [])
    for path in made:
        assert shared_ok(path), f"{path.name}: {oct(os.stat(path).st_mode)} " \
                                f"gid {os.stat(path).st_gid}"
