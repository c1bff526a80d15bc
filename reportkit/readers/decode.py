"""Bytes to clean text: encodings, line endings, control and XML-invalid characters.

Policy (also in docs/architecture.md):

* UTF-8, with or without a BOM, is read silently; UTF-16/32 with a BOM too.
* Other encodings are detected with charset-normalizer and reported as a warning.
* Bytes that no encoding explains are replaced (U+FFFD) with a warning, not an error.
* Empty, whitespace-only and binary files (NUL bytes, image/PDF/archive
  signatures) raise :class:`~reportkit.errors.InputError`.
* CRLF and CR become LF; control characters other than ``\\n`` and ``\\t`` and
  characters that XML 1.0 forbids are removed; no-break and thin spaces become
  plain spaces (so "72\\u00a0%" reads as "72 %").
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ..errors import InputError
from ..lazyre import lazy

#: Files larger than this are refused (a brief's sources are articles, not dumps).
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of common binary formats that someone might drop into a sources folder.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx/xlsx/pptx?)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
)

# C0/C1 controls except \t and \n, lone surrogates, BOM/zero-width no-break space,
# and the XML 1.0 non-characters U+FFFE/U+FFFF.
_INVALID = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]+")
_SPACES = lazy("[\u00a0\u2007\u2009\u202f\u200a\u2002\u2003]")
# zero-width characters, and the bidi embedding/override/isolate controls, which can make a
# link's host read as another (https://exa\u202emple.com) and which the renderers order themselves
_ZERO_WIDTH = lazy("[\u200b\u200c\u200d\u2060\u00ad\u202a-\u202e\u2066-\u2069]")


@dataclass
class Decoded:
    """Decoded text plus what was noteworthy about the decoding."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data:
        return "binary data (contains NUL bytes)"
    return None


# Latin-script code pages a detector may pick for Western text; Cyrillic, Greek and
# others are never second-guessed (cp1251 Russian decodes as plausible cp1252 letters).
_OTHER_LATIN = frozenset({"cp1250", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10",
                          "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "cp1254", "cp1257",
                          "mac_latin2", "mac_iceland", "mac_turkish", "cp850", "cp852", "cp437", "latin_1"})
_WESTERN_EXTRA = set("€‘’‚“”„–—…•«»°£¥©®™·¡¿ªº§¶±½¼¾²³µ×÷ ")


def _as_western(data: bytes) -> str | None:
    """``data`` as cp1252 if every non-ASCII character is then a Western European letter
    (À-ÿ) or common punctuation; else None (Czech "š", Polish "ł" land elsewhere)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for ch in set(text):
        if ord(ch) > 127 and ch not in _WESTERN_EXTRA and not ("\u00c0" <= ch <= "\u00ff" and ch.isalpha()):
            return None
    return text


def _detect(data: bytes) -> tuple[str, str, list[str]]:
    """Decode non-UTF-8 bytes: detected encoding, else UTF-8 with replacement."""
    from charset_normalizer import from_bytes

    # Detection looks at samples; big files are judged by their first 1 MB.
    best = from_bytes(data[: 1 << 20]).best()
    if best is not None and best.encoding in _OTHER_LATIN:
        western = _as_western(data)
        if western is not None:  # "Señor" read as cp1250 was "Seńor"
            return western, "cp1252", ["not UTF-8; decoded as cp1252 (Western European)"]
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            return text, best.encoding, [f"not UTF-8; decoded as {best.encoding}"]
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return text, "utf-8", [f"not valid UTF-8; {bad} undecodable byte sequence(s) replaced"]


def clean_text(text: str) -> str:
    """Normalise line endings and remove characters that must not reach a PDF/XML."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode's line and paragraph separators are line breaks (text shapers refuse them)
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVALID.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    return _SPACES.sub(" ", text)


def decode_bytes(data: bytes, path: str = "<bytes>") -> Decoded:
    """Decode a source file's bytes to clean text.

    Raises :class:`InputError` for empty, whitespace-only or binary input.
    """
    if not data:
        raise InputError("empty file", path)
    encoding = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    warnings: list[str] = []
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
            warnings.append(f"invalid {encoding} byte sequence(s) replaced")
    else:
        kind = _binary_kind(data)
        if kind:
            raise InputError(f"not a text file: {kind}", path)
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text, encoding, warnings = _detect(data)
    text = clean_text(text)
    if not text.strip():
        raise InputError("no text (file holds only whitespace or control characters)", path)
    return Decoded(text=text, encoding=encoding, warnings=warnings)
