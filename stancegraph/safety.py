"""Text that leaves the tool safely: no terminal control sequences, no spreadsheet formulas,
no characters XML forbids, and no half-written files."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# C0 and C1 controls (a terminal obeys ESC, CSI, OSC and BEL sequences) and lone surrogates
# (JSON allows "\ud800"; no encoder, store or XML file does). Tab and line breaks are kept.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# What XML 1.0 forbids outright (C0 but tab and line breaks, surrogates, U+FFFE, U+FFFF), and C1
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t")  # and CR, which csv_cell turns into a space first


def without_controls(text: str) -> str:
    """The text less control characters; a lone surrogate becomes U+FFFD, so a reader sees
    that something was there."""
    return _CONTROLS.sub(lambda m: "\ufffd" if "\ud800" <= m.group(0) <= "\udfff" else "", text)


class PrintableStream:
    """A text stream that passes on no control sequence: what the tool prints to a terminal
    (article titles, evidence, file names in messages) cannot move the cursor, retitle the
    window or ring the bell. Tab, line feed and carriage return (progress bars) pass."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(without_controls(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def json_safe(text: str) -> str:
    """JSON text with the controls json.dumps leaves raw (DEL and C1) escaped: lossless, and
    inert on a terminal."""
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group(0)):04x}", text)


def csv_cell(value):
    """A CSV cell a spreadsheet will not run: text starting with =, +, -, @, tab or CR gets a
    leading apostrophe (OWASP's advice against CSV injection). Numbers stay numbers."""
    if isinstance(value, str):
        value = without_controls(value.replace("\r", " ")) if value else value
        if value.startswith(_FORMULA_STARTS):
            return "'" + value
    return value


def xml_safe(value):
    """A value for an XML attribute or element: the characters XML 1.0 cannot carry dropped."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


@contextmanager
def replaced_on_success(path: str | Path) -> Iterator[Path]:
    """A temporary file beside `path` to write into, renamed over `path` when the block ends well
    and removed when it does not: a full disk or a crash never leaves a half-written file where
    one was asked for."""
    path = Path(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: str | Path, data: str | bytes) -> None:
    """Write the whole file or nothing (see replaced_on_success)."""
    with replaced_on_success(path) as temporary, open(temporary, "wb") as out:
        out.write(data.encode("utf-8") if isinstance(data, str) else data)
        out.flush()
        os.fsync(out.fileno())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
