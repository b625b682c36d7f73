"""The output contract (../shared/docs/RECORD.md) as Pydantic v2 models.

These models are the single source of truth: `newsfacts schema` prints their JSON Schema and every
record the CLI writes is validated against them.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SCHEMA_VERSION = "1.0"

OrganisationKind = Literal[
    "hospital",
    "nhs_trust",
    "nhs_body",
    "government",
    "union",
    "political_party",
    "council",
    "company",
    "university",
    "charity",
    "media",
    "other",
]
SourceFormat = Literal["text", "markdown", "html", "json"]
PublishedFrom = Literal["front_matter", "metadata", "option", "html", "json"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Role(_Model):
    title: str | None = None
    organisation: str | None = Field(default=None, description="Organisation id, e.g. 'o1'.")


class Person(_Model):
    id: str
    name: str = Field(description="Fullest form of the name in the text.")
    aliases: list[str] = []
    mentions: list[Mention] = []
    roles: list[Role] = []
    party: str | None = None


class Organisation(_Model):
    id: str
    name: str = Field(description="Canonical name.")
    kind: OrganisationKind = "other"
    aliases: list[str] = []
    mentions: list[Mention] = []
    ods_code: str | None = None
    operator: str | None = Field(
        default=None, description="For a hospital, the id of the organisation that runs it."
    )


class Place(_Model):
    id: str
    name: str
    mentions: list[Mention] = []


class Count(_Model):
    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: float | int
    low: float | int | None = None
    high: float | int | None = None
    approximate: bool = False
    qualifier: str | None = None
    unit: str = Field(description="The counted noun phrase as written.")
    head: str = Field(description="Head noun of the counted noun phrase.")
    organisation: str | None = None
    place: str | None = None
    part_of: str | None = Field(default=None, description="Id of the count this one is part of.")
    sentence: str = ""


class Speaker(_Model):
    text: str = Field(description="The speaker as written, e.g. 'She'.")
    name: str | None = Field(default=None, description="Resolved canonical name.")
    person: str | None = None
    organisation: str | None = None


class Quote(_Model):
    id: str
    kind: Literal["direct", "partial", "indirect"]
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    paragraphs: int = Field(default=1, ge=1)
    speaker: Speaker | None = None
    cue: str | None = None


class DateMention(_Model):
    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = None
    anchor: Literal["published", "absolute"] | None = None


class ConsistencyCheck(_Model):
    kind: str
    counts: list[str]
    expected: float | int
    actual: float | int
    ok: bool
    note: str = ""


class Source(_Model):
    path: str | None = None
    sha256: str
    format: SourceFormat


class ArticleRecord(_Model):
    schema_version: str = SCHEMA_VERSION
    article_id: str
    source: Source
    title: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    published_from: PublishedFrom | None = None
    text: str
    people: list[Person] = []
    organisations: list[Organisation] = []
    places: list[Place] = []
    counts: list[Count] = []
    quotes: list[Quote] = []
    dates: list[DateMention] = []
    consistency: list[ConsistencyCheck] = []
    warnings: list[str] = []


class ErrorSource(_Model):
    path: str | None = None
    sha256: str | None = None


class ErrorRecord(_Model):
    """One line of the errors file: an input that could not become a record."""

    source: ErrorSource
    error: Literal["binary", "empty", "too_large", "not_text", "parse_error", "unreadable", "internal"]
    message: str


def record_json_schema() -> dict:
    return ArticleRecord.model_json_schema()


@dataclass(frozen=True)
class BadLine:
    """A line of a records file that is not a valid article record."""

    line: int
    message: str
    article_id: str | None = None

    def __str__(self) -> str:
        about = f" (article {self.article_id})" if self.article_id else ""
        return f"line {self.line}{about}: {self.message}"


def iter_jsonl_records(path: Path | str) -> Iterator[tuple[int, ArticleRecord | BadLine]]:
    """(line number, record or BadLine) for every non-blank line of a JSONL file of records
    (`newsfacts extract` output). A bad line costs that line only; a byte-order mark is allowed."""
    with Path(path).open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            try:
                yield number, ArticleRecord.model_validate_json(raw)
            except ValidationError as exc:
                yield number, BadLine(number, _why_not_a_record(raw, exc))


def _why_not_a_record(raw: bytes, exc: ValidationError) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text"
    problems = exc.errors(include_url=False)
    if problems and problems[0]["type"] == "json_invalid":
        return f"not valid JSON ({problems[0]['msg']})"
    data = json.loads(text)
    if isinstance(data, dict) and "error" in data and "text" not in data:
        return f"an error record ({data.get('error')}), not an article"
    shown = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in problems[:3])
    more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    return f"not a valid article record: {shown}{more}"
