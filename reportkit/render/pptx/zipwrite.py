"""A deck's zip written byte for byte as :mod:`zipfile` writes it, with each member's deflated
stream kept in the process for the next deck.

Every deck of a layout carries the same template members (slide masters and layouts, the theme,
pictures): a batch worker or a watch session would deflate the same bytes for every deck (a
fifth of a deck's time). The deflated stream of given bytes at a given level is always the same
(zlib is deterministic), so it is kept, keyed by those bytes, and the zip around it is written
here: the local headers, central directory and end record :mod:`zipfile` writes for a
``ZipInfo`` with a fixed time, ``create_system`` 3 (Unix), the given external attributes and
``ZIP_DEFLATED`` at ``compresslevel`` 6 into a seekable file (so no data descriptor). A package
that needs ZIP64 (a member or the whole beyond 2 GiB, more than 65,535 members) is left to
:mod:`zipfile` itself. tests/test_pptx_zipwrite.py compares both on every deck the tests build.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

LEVEL = 6
_VERSION = 20  # zipfile's DEFAULT_VERSION: what it writes for a deflated member without ZIP64
_UNIX = 3
_LIMIT = (1 << 31) - 1  # zipfile's ZIP64_LIMIT
_MAX_MEMBERS = 0xFFFF
#: deflated streams kept, by the bytes they deflate; forgotten past this many bytes kept
MAX_KEPT = 32 << 20

_deflated: dict[bytes, bytes] = {}
_kept = [0]


def _deflate(data: bytes) -> bytes:
    found = _deflated.get(data)
    if found is None:
        c = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
        found = c.compress(data) + c.flush()
        if _kept[0] + len(data) + len(found) > MAX_KEPT:
            _deflated.clear()
            _kept[0] = 0
        _deflated[data] = found
        _kept[0] += len(data) + len(found)
    return found


def _zipfile(members: list[tuple[str, bytes]], stamp: tuple[int, ...], attr: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = _UNIX
            info.external_attr = attr
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=LEVEL)
    return out.getvalue()


def write_zip(members: list[tuple[str, bytes]], stamp: tuple[int, ...], attr: int) -> bytes:
    """``members`` (name, bytes) zipped in that order, each dated ``stamp`` (year, month, day,
    hour, minute, second) with external attributes ``attr``: the bytes :mod:`zipfile` writes."""
    if len(members) > _MAX_MEMBERS or sum(len(d) for _n, d in members) * 1.05 > _LIMIT:
        return _zipfile(members, stamp, attr)
    dosdate = (stamp[0] - 1980) << 9 | stamp[1] << 5 | stamp[2]
    dostime = stamp[3] << 11 | stamp[4] << 5 | (stamp[5] // 2)
    parts: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in members:
        try:
            filename, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            filename, flags = name.encode("utf-8"), 0x800
        deflated = _deflate(data)
        crc = zlib.crc32(data)
        fields = (flags, zipfile.ZIP_DEFLATED, dostime, dosdate, crc, len(deflated), len(data), len(filename))
        parts += [struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, *fields, 0), filename, deflated]
        central += [struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, *fields, 0, 0, 0, 0,
                                attr, offset), filename]
        offset += 30 + len(filename) + len(deflated)
    directory = b"".join(central)
    if offset > _LIMIT:
        return _zipfile(members, stamp, attr)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(parts) + directory + end
