"""The output contract (../shared/docs/RECORD.md) as Pydantic v2 models.

These models are the single source of truth: `newsfacts schema` prints their JSON Schema and every
record the CLI writes is validated against them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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
