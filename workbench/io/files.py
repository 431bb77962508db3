"""Writing output files safely: never a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workbench.core.errors import WorkbenchError


def _read_umask() -> int:
    # The only way to read the umask is to set it; done once, at import, before any
    # worker thread could be creating files.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _read_umask()


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX). Windows cannot open a folder to
    flush it; there NTFS journals the rename itself."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) cannot: the file itself is synced
    finally:
        os.close(fd)


def atomic_write(path: str | Path, data: bytes | str, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    if not path.parent.is_dir():
        raise WorkbenchError(f"{path.parent}: no such folder")
    payload = data.encode(encoding) if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WorkbenchError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                # mkstemp makes the file private (0600): give it the mode any new file gets,
                # so a report can be shared or served like one saved by any other program.
                # (Windows has no such modes: the new file inherits the folder's access.)
                os.fchmod(handle.fileno(), 0o666 & ~UMASK)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        sync_folder(path.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise WorkbenchError(f"{path}: cannot write ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
