"""Reading article files into `Article`s: plain text, Markdown with front matter, JSON/JSONL, HTML.

Reading never touches the network: YAML is parsed with the safe loader, JSON has no entities, and
HTML goes to trafilatura (lxml with network access off), which never fetches linked resources.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json",
                      ".jsonl": "json", ".html": "html", ".htm": "html"}
DATE_KEYS = ("published", "date", "publicationDate", "pubDate")
TEXT_KEYS = ("text", "body", "content")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# Bytes that begin common binary formats the NUL check could miss in a short prefix.
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
# Decoded bytes are judged as text on their first characters: above 2% control characters (any
# file), or for a UTF-16 file above 1% of characters no text contains, or no ASCII character or
# space in 64 characters, they are not text (see _decode_utf16).
_TEXT_SAMPLE = 20000
_UTF16_MAX_JUNK = 0.01
_UTF16_MIN_PLAIN = 64


class SourceError(Exception):
    """An input that cannot become an article; `code` is the stable error code, `key` the input
    it stands for in a run (set by whoever knows it: the reader of a JSONL line, the runner)."""

    def __init__(self, code: str, message: str, sha256: str | None = None, key: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.sha256 = sha256
        self.key = key


@dataclass
class Article:
    text: str
    title: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    path: str | None = None
    sha256: str = ""
    format: str = "text"
    warnings: list[str] = field(default_factory=list)
    key: str = ""  # unique within a run: the path, plus "#N" for the Nth object of a JSONL file

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        if not self.key:
            self.key = self.path or self.sha256


def parse_published(value: object) -> dt.date | None:
    """A publication date from front matter, JSON, metadata or the command line."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError as exc:
            raise ValueError(f"not a valid date: {text!r} ({exc})") from None
    import dateparser  # absolute dates in other formats, e.g. RFC 822 "Tue, 12 Jan 2016"

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)")
    return parsed.date()


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Text from bytes, and a warning when a fallback encoding was needed.

    Raises SourceError('binary') for binary files and SourceError('not_text') for bytes that
    decode but are not text.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data), None
    head = data[:8192]
    if b"\x00" in head or data.startswith(_BINARY_MAGIC):
        raise SourceError("binary", "looks like a binary file (NUL bytes or a binary signature); "
                                    "give newsfacts text, Markdown, JSON or HTML files")
    warning = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        for encoding in ("cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            warning = f"decoded as {encoding}: the file is not valid UTF-8"
            break
    sample = text[:_TEXT_SAMPLE]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > 0.02:
        raise SourceError("not_text", f"decoded text is {controls} control characters in "
                                      f"{len(sample)}: not a text file")
    return text, warning


def _decode_utf16(data: bytes) -> str:
    """The text of a file that starts with a UTF-16 byte-order mark, if it really is UTF-16 text.

    Almost any even run of bytes decodes as UTF-16, so decoding proves little: binary junk or UTF-8
    text after a stray mark becomes a string of CJK ideographs, symbols and unassigned code points.
    Such bytes give themselves away in two ways, whatever the language of a real text: characters
    that no text contains (unassigned, private-use, control), and the absence of every ASCII
    character and space, since each code unit pairs two bytes and only a NUL high byte makes ASCII,
    while real text has line breaks, spaces, digits or ASCII punctuation."""
    if len(data) % 2:
        raise SourceError("not_text", f"starts with a UTF-16 byte-order mark but has an odd number of bytes "
                                      f"({len(data):,}): not UTF-16 text")
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise SourceError("not_text", "starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    sample = text[:_TEXT_SAMPLE]
    junk = sum(1 for ch in sample if _never_in_text(ch))
    if sample and junk / len(sample) > _UTF16_MAX_JUNK:
        raise SourceError("not_text", f"starts with a UTF-16 byte-order mark, but {junk} of its first "
                                      f"{len(sample):,} characters are unassigned, private-use or control "
                                      "characters: not UTF-16 text")
    if len(sample) >= _UTF16_MIN_PLAIN and not any(ch.isascii() or ch.isspace() for ch in sample):
        raise SourceError("not_text", f"starts with a UTF-16 byte-order mark, but its first {len(sample):,} "
                                      "characters hold no space, line break, digit or ASCII punctuation: "
                                      "not UTF-16 text")
    return text


def _never_in_text(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category in ("Cn", "Co", "Cs") or (category == "Cc" and not ch.isspace())


def _split_front_matter(text: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise SourceError("parse_error", f"front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise SourceError("parse_error", "front matter is not a YAML mapping of keys to values")
    return meta, text[match.end():]


def _first_date(meta: dict) -> dt.date | None:
    for key in DATE_KEYS:
        # Some front matter uses `published: true` as a flag, not a date.
        if meta.get(key) not in (None, "") and not isinstance(meta[key], bool):
            try:
                return parse_published(meta[key])
            except ValueError as exc:
                raise SourceError("parse_error", f"field {key!r}: {exc}") from None
    return None


def _clean_title(value: object) -> str | None:
    if value is None:
        return None
    title = " ".join(str(value).split())
    return title or None


def _from_text(text: str) -> tuple[str | None, str]:
    lines = text.lstrip("\ufeff").split("\n", 2)
    if len(lines) >= 3 and lines[0].strip() and not lines[1].strip():
        return lines[0].strip(), lines[2]
    return None, text


def _from_json_object(obj: object, where: str) -> tuple[str, str | None, dt.date | None]:
    if not isinstance(obj, dict):
        raise SourceError("parse_error", f"{where}: expected a JSON object with a 'text' field")
    for key in TEXT_KEYS:
        if isinstance(obj.get(key), str):
            body = obj[key]
            break
    else:
        raise SourceError("parse_error", f"{where}: no article text: expected one of the fields "
                                         f"{', '.join(TEXT_KEYS)}")
    published = _first_date(obj)
    return body, _clean_title(obj.get("title") or obj.get("headline")), published


def _from_html(html: str) -> tuple[str, str | None, dt.date | None]:
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           favor_precision=True)
    if document is None:
        raise SourceError("parse_error", "no main text could be found in the HTML")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    published = None
    if data.get("date"):
        try:
            published = parse_published(data["date"])
        except ValueError:
            published = None
    return data.get("text") or "", _clean_title(data.get("title")), published


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """The articles in one file (several for JSONL). Raises SourceError for a bad file; a bad
    line of a JSONL file is yielded as a SourceError instance so the other lines survive."""
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text")
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceError("too_large", f"file is {size:,} bytes, over the limit of {max_bytes:,}; "
                                       "raise it with --max-bytes")
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    try:
        raw, warning = decode_bytes(data)
    except SourceError as exc:
        exc.sha256 = sha
        raise
    warnings = [warning] if warning else []
    common = {"path": str(path), "sha256": sha, "format": fmt, "warnings": warnings}
    try:
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(raw, common)
            return
        title, published, published_from = None, None, None
        if fmt == "markdown":
            meta, body = _split_front_matter(raw)
            title = _clean_title(meta.get("title"))
            published = _first_date(meta)
            published_from = "front_matter" if published else None
        elif fmt == "json":
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise SourceError("parse_error", f"not valid JSON: {exc}") from None
            body, title, published = _from_json_object(obj, "the JSON file")
            published_from = "json" if published else None
        elif fmt == "html":
            body, title, published = _from_html(raw)
            published_from = "html" if published else None
        else:
            title, body = _from_text(raw)
    except SourceError as exc:
        exc.sha256 = sha
        raise
    body = body.strip()
    if not body:
        raise SourceError("empty", "the file has no article text", sha)
    yield Article(text=body, title=title, published=published, published_from=published_from, **common)


def _read_jsonl(raw: str, common: dict) -> Iterator[Article | SourceError]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        key = f"{common['path']}#{number}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SourceError("parse_error", f"line {number} is not valid JSON: {exc}") from None
            body, title, published = _from_json_object(obj, f"line {number}")
            body = body.strip()
            if not body:
                raise SourceError("empty", f"line {number} has an empty text field")
        except SourceError as error:
            error.key = key
            yield error
            continue
        yield Article(text=body, title=title, published=published,
                      published_from="json" if published else None, key=key,
                      **{**common, "sha256": hashlib.sha256(line.encode()).hexdigest(),
                         "warnings": list(common["warnings"])})


def iter_input_files(paths: Iterable[Path], glob: str | None = None) -> Iterator[Path]:
    """Files named, and files below folders named, in a stable order. Symbolic links that lead
    outside the folder being walked are skipped."""
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            pattern = glob or "*"
            for candidate in sorted(path.rglob(pattern)):
                if any(part.startswith(".") for part in candidate.relative_to(path).parts):
                    continue
                if not candidate.is_file():
                    continue
                if candidate.is_symlink() or any(p.is_symlink() for p in candidate.parents):
                    if not candidate.resolve().is_relative_to(root):
                        continue
                if glob is None and not _looks_like_article(candidate):
                    continue
                yield candidate
        else:
            yield path


def _looks_like_article(path: Path) -> bool:
    """In a folder walk without --glob: article files, not the gold files and READMEs beside them."""
    name = path.name.lower()
    if name.endswith(".facts.json") or name.startswith("readme") or name.endswith((".errors.jsonl", ".csv")):
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES or path.suffix == ""


def read_metadata_csv(path: Path) -> dict[str, dict]:
    """`path,published[,title]` rows keyed by resolved path."""
    table: dict[str, dict] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "path" not in reader.fieldnames:
            raise ValueError(f"{path}: the metadata CSV needs a header with 'path' and 'published' columns")
        for row_number, row in enumerate(reader, start=2):
            entry: dict = {}
            if row.get("published"):
                try:
                    entry["published"] = parse_published(row["published"])
                except ValueError as exc:
                    raise ValueError(f"{path}, row {row_number}: {exc}") from None
            if row.get("title"):
                entry["title"] = row["title"].strip()
            target = Path(row["path"])
            if not target.is_absolute():
                target = (path.parent / target)
            table[str(target.resolve())] = entry
    return table
