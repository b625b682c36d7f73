"""Checking extracted counts against official figures (`newsfacts check`).

An official figure (organisation, measure, value, date or period, source) is matched to the counts
of each article record that (1) belong to the same organisation, by name, alias or ODS code, through
the hospital gazetteer when it is installed, a trust covering the counts given for its hospitals;
(2) count a compatible thing: the figure's measure and the count's head noun fall in one group of
models/measure_synonyms.json; (3) come from an article published within the figure's period or up
to `lag_days` after it ends (articles report figures after the fact).

Verdicts, per figure: `match` (equal values), `within_tolerance` (the article hedges and the official
value lies in the range the hedge implies, see `implied_range`), `mismatch` (with the difference
official - article) and `not_reported`. Counts no figure covers are listed as unverified, and each
record's own consistency checks are judged by the same hedge rule.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from newsfacts.assets import load_json_asset
from newsfacts.gazetteer import normalise_name
from newsfacts.records import ArticleRecord, BadLine, ConsistencyCheck, Count, Organisation, iter_jsonl_records

Verdict = Literal["match", "within_tolerance", "mismatch", "not_reported"]
VERDICT_ORDER: dict[str, int] = {"match": 0, "within_tolerance": 1, "mismatch": 2, "not_reported": 3}
DEFAULT_LAG_DAYS = 7
FIGURE_FIELDS = ("organisation", "measure", "value", "date", "source")
MAX_REPORTED_ERRORS = 20


class FiguresError(ValueError):
    """A figures file that cannot be read; the message names every bad row by its line."""


# --------------------------------------------------------------------------------------------
# Figures


class Figure(BaseModel):
    organisation: str
    measure: str
    value: float | int
    period: str
    start: dt.date
    end: dt.date
    source: str
    line: int = 0


_PERIOD_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """'2016-01-12' -> that day; '2016-01' -> the month; '2016' -> the year;
    'A/B' (ISO 8601 interval) -> from the start of A to the end of B."""
    parts = [p.strip() for p in text.strip().split("/")]
    if len(parts) > 2 or not all(parts):
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY) or a period (START/END)")
    bounds = [_date_bounds(p) for p in parts]
    start, end = bounds[0][0], bounds[-1][1]
    if end < start:
        raise ValueError(f"the period {text!r} ends before it starts")
    return start, end


def _date_bounds(text: str) -> tuple[dt.date, dt.date]:
    found = _PERIOD_PART.match(text)
    if not found:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY) or a period (START/END)")
    year, month, day = (int(g) if g else None for g in found.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            first = dt.date(year, month, 1)
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        day_date = dt.date(year, month, day)
        return day_date, day_date
    except ValueError as exc:
        raise ValueError(f"{text!r}: {exc}") from None


def _parse_value(raw: object) -> float | int:
    if isinstance(raw, bool):
        raise ValueError(f"{raw!r} is not a number")
    if isinstance(raw, int | float):
        number = raw
    else:
        text = str(raw if raw is not None else "").strip().replace(",", "").replace("_", "")
        try:
            number = float(Decimal(text))
        except InvalidOperation:
            raise ValueError(f"value {raw!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"value {raw!r} is not a finite number")
    return int(number) if float(number).is_integer() else float(number)


def _figure_from_row(row: dict[str, Any], line: int) -> Figure:
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    period = lowered.get("date") or lowered.get("period")
    values = {name: lowered.get(name) for name in FIGURE_FIELDS}
    values["date"] = period
    missing = [name for name, value in values.items() if value is None or str(value).strip() == ""]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    start, end = parse_period(str(period))
    return Figure(organisation=str(values["organisation"]).strip(), measure=str(values["measure"]).strip(),
                  value=_parse_value(values["value"]), period=str(period).strip(), start=start, end=end,
                  source=str(values["source"]).strip(), line=line)


def _raise_collected(where: str, errors: list[str]) -> None:
    if errors:
        shown = errors[:MAX_REPORTED_ERRORS]
        more = f"\n  ... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise FiguresError(f"{where}: {len(errors)} bad figure(s):\n  " + "\n  ".join(shown) + more)


def parse_figures_csv(text: str, where: str = "figures") -> list[Figure]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    wanted = [f for f in FIGURE_FIELDS if f != "date"] + ["date"]
    missing = [f for f in wanted if f not in header and not (f == "date" and "period" in header)]
    if missing:
        raise FiguresError(f"{where}: line 1: the header lacks the column(s) {', '.join(missing)} "
                           f"(expected organisation,measure,value,date,source; 'period' may stand for 'date')")
    figures, errors = [], []
    for row in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        if None in row:
            errors.append(f"line {line}: more fields than the header has columns")
            continue
        try:
            figures.append(_figure_from_row(row, line))
        except ValueError as exc:
            errors.append(f"line {line}: {exc}")
    _raise_collected(where, errors)
    return figures


def parse_figures_json(text: str, where: str = "figures") -> list[Figure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FiguresError(f"{where}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("figures"), list):
        data = data["figures"]
    if not isinstance(data, list):
        raise FiguresError(f"{where}: expected a list of figures (or {{\"figures\": [...]}})")
    figures, errors = [], []
    for index, item in enumerate(data, start=1):
        try:
            if not isinstance(item, dict):
                raise ValueError("not an object")
            figures.append(_figure_from_row(item, index))
        except ValueError as exc:
            errors.append(f"figure {index}: {exc}")
    _raise_collected(where, errors)
    return figures


def parse_figures_jsonl(text: str, where: str = "figures") -> list[Figure]:
    figures, errors = [], []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
            figures.append(_figure_from_row(item, line))
        except json.JSONDecodeError as exc:
            errors.append(f"line {line}: not valid JSON ({exc.msg})")
        except ValueError as exc:
            errors.append(f"line {line}: {exc}")
    _raise_collected(where, errors)
    return figures


def load_figures(path: Path | str) -> list[Figure]:
    """Official figures from a .csv, .json or .jsonl file; FiguresError names each bad row."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FiguresError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FiguresError(f"{path}: cannot read it ({exc})") from None
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        figures = parse_figures_jsonl(text, str(path))
    elif suffix == ".json":
        figures = parse_figures_json(text, str(path))
    else:
        figures = parse_figures_csv(text, str(path))
    if not figures:
        raise FiguresError(f"{path}: no figures in the file")
    return figures


# --------------------------------------------------------------------------------------------
# Records


def load_records(path: Path | str) -> tuple[list[ArticleRecord], list[str]]:
    """Article records from a JSONL file (`newsfacts extract` output). Lines that are not article
    records are skipped and described in the returned warnings, so one bad line never stops a check."""
    records, warnings = [], []
    for line, item in iter_jsonl_records(path):
        if isinstance(item, BadLine):
            warnings.append(f"{path}: line {line}: {item.message}; skipped")
        else:
            records.append(item)
    return records, warnings


# --------------------------------------------------------------------------------------------
# What a hedged number covers


@cache
def _hedge_rules() -> dict[str, dict]:
    return load_json_asset("check_hedges.json")["qualifiers"]


def _normalise_phrase(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def rounding_unit(value: float | int) -> float | int:
    """The unit of a number's last significant digit: 380 -> 10, 450 -> 10, 71 -> 1, 1000 -> 1000, 2.5 -> 0.1."""
    if value == 0:
        return 1
    exponent = Decimal(str(abs(value))).normalize().as_tuple().exponent
    return 10 ** exponent if exponent >= 0 else float(Decimal(1).scaleb(exponent))


@dataclass(frozen=True)
class HedgeRange:
    """The values an article's count is consistent with; None is an open end."""

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    reading: str = "exact"

    def contains(self, value: float) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return False
        return not (self.high is not None
                    and (value > self.high or (value == self.high and not self.high_inclusive)))

    def widened(self, amount: float) -> HedgeRange:
        if not amount:
            return self
        return HedgeRange(None if self.low is None else self.low - amount,
                          None if self.high is None else self.high + amount,
                          self.low_inclusive, self.high_inclusive, self.reading)

    def describe(self) -> str:
        """In whole numbers where the ends allow it: rounded 380 -> '375 to 384'."""
        low, high = self.low, self.high
        if low is not None and high is not None:
            whole_low = _whole_bound(low, self.low_inclusive, up=True)
            whole_high = _whole_bound(high, self.high_inclusive, up=False)
            if whole_low is not None and whole_high is not None and whole_low <= whole_high:
                return _num(whole_low) if whole_low == whole_high else f"{_num(whole_low)} to {_num(whole_high)}"
            return f"{_num(low)} to {_num(high)}"
        if low is not None:
            return f"{'at least' if self.low_inclusive else 'more than'} {_num(low)}"
        if high is not None:
            return f"{'at most' if self.high_inclusive else 'less than'} {_num(high)}"
        return "any value"


def _whole_bound(value: float, inclusive: bool, *, up: bool) -> int | None:
    if float(value).is_integer():
        whole = int(value)
        return whole if inclusive else whole + (1 if up else -1)
    return math.ceil(value) if up else math.floor(value)


def _num(value: float | int | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def implied_range(count: Count) -> HedgeRange:
    """The rule: an unhedged number means itself; a hedged number ("around", "about", ...) is read as
    rounded at its last significant digit (around 380 -> 375..384); "nearly"/"almost" lie below the
    number within that rounding; "more than"/"over" and "fewer than"/"under" are open ranges that
    exclude the number, "at least"/"up to" include it; vague quantities use fixed ranges
    ("hundreds of" -> 200..999) unless the count gives its own low/high."""
    value = count.value
    rule = _hedge_rules().get(_normalise_phrase(count.qualifier))
    unit = rounding_unit(value)
    if rule is None:
        stated = {b for b in (count.low, count.high) if b is not None}
        if stated and stated != {value}:
            return HedgeRange(count.low, count.high, reading="range")
        if count.approximate:
            return HedgeRange(value - unit / 2, value + unit / 2, True, False, "rounded")
        return HedgeRange(value, value)
    kind = rule["rule"]
    if kind == "rounded":
        return HedgeRange(value - unit / 2, value + unit / 2, True, False, "rounded")
    if kind == "nearly":
        return HedgeRange(value - unit / 2, value, reading="nearly")
    if kind == "above":
        return HedgeRange(value, None, low_inclusive=False, reading="above")
    if kind == "at_least":
        return HedgeRange(value, None, reading="at_least")
    if kind == "below":
        return HedgeRange(0, value, high_inclusive=False, reading="below")
    if kind == "at_most":
        return HedgeRange(0, value, reading="at_most")
    low = count.low if count.low is not None else rule.get("low")
    high = count.high if count.high is not None else rule.get("high")
    return HedgeRange(low, high, reading="range")


# "around 380" equal to 380 is a match; a vague "hundreds of" (value 200) or an exclusive "more than"
# never equals a figure, the best it gets is within_tolerance.
_READINGS_THAT_STATE_THE_VALUE = {"exact", "rounded", "nearly", "at_least", "at_most"}


@dataclass(frozen=True)
class Tolerance:
    """Widens every implied range by an absolute amount or by a fraction of the article's value."""

    absolute: float = 0.0
    relative: float = 0.0

    def amount(self, value: float) -> float:
        return max(self.absolute, self.relative * abs(value))

    def describe(self) -> str:
        if self.relative:
            return f"{self.relative * 100:g}%"
        return f"{self.absolute:g}" if self.absolute else "none"


def parse_tolerance(text: str | None) -> Tolerance:
    """'5' -> 5 either side; '2%' -> 2% of the article's value either side."""
    if text is None or not str(text).strip():
        return Tolerance()
    raw = str(text).strip()
    try:
        if raw.endswith("%"):
            number = float(raw[:-1])
            tolerance = Tolerance(relative=number / 100)
        else:
            number = float(raw)
            tolerance = Tolerance(absolute=number)
    except ValueError:
        raise ValueError(f"tolerance {raw!r} is not a number or a percentage (e.g. 5 or 2%)") from None
    if number < 0 or not math.isfinite(number):
        raise ValueError(f"tolerance {raw!r} must be a non-negative number")
    return tolerance


def judge(article_value: float, official: float, hedge: HedgeRange, tolerance: Tolerance = Tolerance()
          ) -> Verdict:
    widened = hedge.widened(tolerance.amount(article_value))
    if not widened.contains(official):
        return "mismatch"
    if official == article_value and hedge.reading in _READINGS_THAT_STATE_THE_VALUE:
        return "match"
    return "within_tolerance"


# --------------------------------------------------------------------------------------------
# Measures


@cache
def _measure_table() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    data = load_json_asset("measure_synonyms.json")
    groups: dict[str, set[str]] = {}
    for group, words in data["groups"].items():
        for word in words:
            groups.setdefault(word.lower(), set()).add(group)
    return {w: frozenset(g) for w, g in groups.items()}, {k.lower(): v for k, v in data["irregular_plurals"].items()}


def singular(word: str) -> str:
    word = word.lower().strip(".,;:'’\"()")
    irregular = _measure_table()[1]
    if word in irregular:
        return irregular[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [singular(w) for w in re.findall(r"[A-Za-z&]+", text)]


def measure_fit(measure: str, count: Count) -> int | None:
    """0 when the count's head noun is a word of the measure, 1 when they share a synonym group,
    None when they count different things."""
    groups = _measure_table()[0]
    measure_words = set(_words(measure))
    heads = [singular(count.head)] if count.head.strip() else _words(count.unit)[-1:]
    for head in heads:
        if head in measure_words:
            return 0
        head_groups = groups.get(head, frozenset())
        if any(head_groups & groups.get(word, frozenset()) for word in measure_words):
            return 1
    return None


# --------------------------------------------------------------------------------------------
# Organisations


_CODE = re.compile(r"^[A-Z0-9]{3,6}$")


def looks_like_code(text: str) -> bool:
    return bool(_CODE.match(text.strip())) and any(c.isdigit() for c in text) or bool(
        re.match(r"^R[A-Z0-9]{2}([A-Z0-9]{2})?$", text.strip()))


def _field(entry: Any, *names: str) -> Any:
    for name in names:
        value = entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)
        if value:
            return value
    return None


class GazetteerView:
    """The hospital gazetteer (newsfacts.gazetteer) seen through the few questions the check asks.
    Without the module, or when it fails, every answer is empty and the check uses the records alone."""

    def __init__(self, gazetteer: Any = None):
        self._gazetteer = gazetteer
        self._answers: dict[tuple[str, str], list] = {}  # every figure asks about every record's organisations

    @classmethod
    def load(cls) -> GazetteerView:
        return cls(_load_gazetteer())

    def _ask(self, method: str, argument: str) -> list:
        if (method, argument) not in self._answers:
            self._answers[(method, argument)] = self._ask_gazetteer(method, argument)
        return self._answers[(method, argument)]

    def _ask_gazetteer(self, method: str, argument: str) -> list:
        ask = getattr(self._gazetteer, method, None)
        if ask is None:
            return []
        try:
            answer = ask(argument)
        except Exception:  # the gazetteer is an optional helper; a failure there must not stop a check
            return []
        if answer is None:
            return []
        if isinstance(answer, list | tuple | set):
            return list(answer)
        return [answer]

    def entry_keys(self, entry: Any) -> tuple[set[str], set[str], set[str]]:
        """(normalised names, ODS codes, operator ODS codes) of a gazetteer entry."""
        forms = [_field(entry, "name"), *(_field(entry, "aliases") or []), *(_field(entry, "acronyms") or [])]
        names = {normalise_name(n) for n in forms if isinstance(n, str) and n}
        code = _field(entry, "ods_code", "ods", "code")
        operator = _field(entry, "operator_ods", "operator_code", "trust_ods", "operator", "trust")
        operators: set[str] = set()
        if isinstance(operator, str) and operator:
            if looks_like_code(operator):
                operators.add(operator.upper())
            else:
                operators |= {c for e in self.lookup(operator) for c in [_field(e, "ods_code", "ods", "code")]
                              if isinstance(c, str)}
        elif operator is not None:
            operator_code = _field(operator, "ods_code", "ods", "code")
            if isinstance(operator_code, str):
                operators.add(operator_code.upper())
        return names, ({code.upper()} if isinstance(code, str) else set()), operators

    def lookup(self, name: str) -> list:
        found = self._ask("lookup", name)
        return found if len(found) == 1 else []  # an ambiguous name is never guessed

    def by_ods(self, code: str) -> list:
        return self._ask("by_ods", code.upper())

    def sites_of_trust(self, code: str) -> list:
        return self._ask("sites_of_trust", code.upper())


@cache
def _load_gazetteer() -> Any:
    try:
        from newsfacts.gazetteer import Gazetteer
    except ImportError:
        return None
    try:
        return Gazetteer.load()
    except Exception:  # a missing or broken gazetteer file leaves the check to the records' own data
        return None


@dataclass
class OrganisationKeys:
    names: set[str]
    codes: set[str]
    site_names: set[str]
    site_codes: set[str]


def figure_organisation_keys(organisation: str, gazetteer: GazetteerView) -> OrganisationKeys:
    """What a figure's organisation (a name or an ODS code) may be called in an article, and the
    names and codes of the hospital sites it runs."""
    names, codes = {normalise_name(organisation)}, set()
    if looks_like_code(organisation):
        codes.add(organisation.strip().upper())
    for entry in [*(gazetteer.by_ods(c) for c in list(codes)), gazetteer.lookup(organisation)]:
        for item in entry:
            entry_names, entry_codes, _ = gazetteer.entry_keys(item)
            names |= entry_names
            codes |= entry_codes
    site_names, site_codes = set(), set()
    for code in codes:
        for site in gazetteer.sites_of_trust(code):
            entry_names, entry_codes, _ = gazetteer.entry_keys(site)
            site_names |= entry_names
            site_codes |= entry_codes
    return OrganisationKeys(names - {""}, codes, site_names - {""}, site_codes)


def _record_org_keys(org: Organisation, gazetteer: GazetteerView) -> tuple[set[str], set[str], set[str]]:
    names = {normalise_name(n) for n in [org.name, *org.aliases, *(m.text for m in org.mentions)]} - {""}
    codes = {org.ods_code.upper()} if org.ods_code else set()
    operators: set[str] = set()
    entries = [*(gazetteer.by_ods(c) for c in codes)] or [gazetteer.lookup(org.name)]
    for found in entries:
        for entry in found:
            _, entry_codes, entry_operators = gazetteer.entry_keys(entry)
            codes |= entry_codes
            operators |= entry_operators
    return names, codes, operators


def covered_organisations(record: ArticleRecord, keys: OrganisationKeys, gazetteer: GazetteerView) -> set[str]:
    """Ids of the record's organisations a figure speaks for: the organisation itself and the
    hospitals it runs (by the record's `operator` links or the gazetteer)."""
    own, covered = set(), set()
    for org in record.organisations:
        names, codes, operators = _record_org_keys(org, gazetteer)
        if names & keys.names or codes & keys.codes:
            own.add(org.id)
        elif names & keys.site_names or codes & keys.site_codes or operators & keys.codes:
            covered.add(org.id)
    for org in record.organisations:
        if org.operator and org.operator in own:
            covered.add(org.id)
    return own | covered


# --------------------------------------------------------------------------------------------
# Report


class CountRef(BaseModel):
    article_id: str
    count: str
    text: str
    value: float | int
    qualifier: str | None = None
    head: str
    organisation: str | None = None
    part_of: str | None = None
    sentence: str
    mark_start: int
    mark_end: int
    reads_as: str


class FigureResult(BaseModel):
    figure: Figure
    verdict: Verdict
    article_id: str | None = None
    title: str | None = None
    published: str | None = None
    count: CountRef | None = None
    difference: float | int | None = None
    note: str = ""


class ConsistencyResult(BaseModel):
    article_id: str
    title: str | None = None
    kind: str
    expected: float | int
    actual: float | int
    ok: bool
    verdict: Verdict
    difference: float | int
    note: str = ""
    counts: list[CountRef] = []


class CheckReport(BaseModel):
    figures_file: str | None = None
    records_file: str | None = None
    tolerance: str = "none"
    lag_days: int = DEFAULT_LAG_DAYS
    articles: int = 0
    figures: list[FigureResult] = []
    consistency: list[ConsistencyResult] = []
    unverified: list[CountRef] = []
    warnings: list[str] = []
    summary: dict[str, int] = {}

    def has_mismatch(self, *, include_consistency: bool = False) -> bool:
        if any(r.verdict == "mismatch" for r in self.figures):
            return True
        return include_consistency and any(r.verdict == "mismatch" for r in self.consistency)

    def exit_code(self, *, include_consistency: bool = False) -> int:
        return 1 if self.has_mismatch(include_consistency=include_consistency) else 0


def _sentence_span(record: ArticleRecord, count: Count) -> tuple[int, int]:
    """Where the count's sentence lies in the record text (the paragraph around it if unknown)."""
    text = record.text
    if count.sentence:
        start = text.rfind(count.sentence, 0, count.start + 1)
        if start >= 0 and start + len(count.sentence) >= count.end:
            return start, start + len(count.sentence)
    para_start = text.rfind("\n", 0, count.start) + 1
    para_end = text.find("\n", count.end)
    return para_start, para_end if para_end >= 0 else len(text)


def count_ref(record: ArticleRecord, count: Count) -> CountRef:
    start, end = _sentence_span(record, count)
    sentence = record.text[start:end] if end > start else count.sentence
    mark_start, mark_end = count.start - start, count.end - start
    if not (0 <= mark_start < mark_end <= len(sentence)) or sentence[mark_start:mark_end] != count.text:
        sentence = count.sentence or count.text
        found = sentence.find(count.text)
        mark_start, mark_end = (found, found + len(count.text)) if found >= 0 else (0, 0)
    org_names = {o.id: o.name for o in record.organisations}
    return CountRef(article_id=record.article_id, count=count.id, text=count.text, value=count.value,
                    qualifier=count.qualifier, head=count.head,
                    organisation=org_names.get(count.organisation or "", count.organisation),
                    part_of=count.part_of, sentence=sentence, mark_start=mark_start, mark_end=mark_end,
                    reads_as=implied_range(count).describe())


def _published(record: ArticleRecord) -> dt.date | None:
    try:
        return dt.date.fromisoformat(record.published) if record.published else None
    except ValueError:
        return None


def date_fits(figure: Figure, published: dt.date | None, lag_days: int) -> bool:
    """An article fits a figure when it was published within the figure's period or up to
    lag_days after it ended; an article without a publication date fits any period."""
    if published is None:
        return True
    return figure.start <= published <= figure.end + dt.timedelta(days=lag_days)


def _mentions_in(record: ArticleRecord, org_ids: set[str], span: tuple[int, int]) -> bool:
    return any(span[0] <= m.start < span[1] for o in record.organisations if o.id in org_ids for m in o.mentions)


_HOSPITAL_WORD = re.compile(r"\bhospitals?\b", re.IGNORECASE)


def _site_city(org: Organisation, gazetteer: GazetteerView) -> str | None:
    for entry in gazetteer.by_ods(org.ods_code) if org.ods_code else []:
        city = _field(entry, "city")
        if isinstance(city, str):
            return normalise_name(city)
    return None


def _hospitals_of_place(record: ArticleRecord, count: Count, org_ids: set[str], gazetteer: GazetteerView) -> bool:
    """A count tied only to a place, in a sentence about hospitals ("at both major Nottingham
    hospitals"), belongs to the organisation that runs every hospital the article names in that
    place. When hospitals of other organisations lie there too, the count stays unattributed."""
    if count.organisation is not None or count.place is None or not _HOSPITAL_WORD.search(count.sentence):
        return False
    place = next((normalise_name(p.name) for p in record.places if p.id == count.place), None)
    if not place:
        return False
    there = [o for o in record.organisations if o.kind == "hospital"
             and (_site_city(o, gazetteer) == place or (_site_city(o, gazetteer) is None
                                                         and place in normalise_name(o.name).split()))]
    return bool(there) and all(o.id in org_ids for o in there)


def candidate_counts(record: ArticleRecord, figure: Figure, org_ids: set[str],
                     gazetteer: GazetteerView | None = None) -> list[tuple[int, Count]]:
    """(measure fit, count) for the counts of the figure's organisation that count a compatible
    thing. A count with no organisation link is taken when its sentence names the organisation,
    or when it is tied to a place whose hospitals the organisation runs (`_hospitals_of_place`)."""
    gazetteer = gazetteer or GazetteerView(None)
    linked, unlinked = [], []
    for count in record.counts:
        fit = measure_fit(figure.measure, count)
        if fit is None:
            continue
        if count.organisation in org_ids:
            linked.append((fit, count))
        elif count.organisation is None and (_mentions_in(record, org_ids, _sentence_span(record, count))
                                             or _hospitals_of_place(record, count, org_ids, gazetteer)):
            unlinked.append((fit, count))
    return linked or unlinked


def _difference(official: float, article: float) -> float | int:
    diff = official - article
    return int(diff) if float(diff).is_integer() else round(diff, 6)


def _check_figure(record: ArticleRecord, figure: Figure, org_ids: set[str], tolerance: Tolerance,
                  gazetteer: GazetteerView) -> tuple[FigureResult, Count] | None:
    scored = []
    for fit, count in candidate_counts(record, figure, org_ids, gazetteer):
        verdict = judge(count.value, figure.value, implied_range(count), tolerance)
        # the count that names the measure itself, and a total before its parts, speak for the figure;
        # only between equals does the closer value win
        scored.append(((fit, count.part_of is not None, VERDICT_ORDER[verdict], count.start), verdict, count))
    if not scored:
        return None
    _, verdict, count = min(scored, key=lambda item: item[0])
    others = len(scored) - 1
    note = f"{others} other compatible count(s) in the article" if others else ""
    if record.published is None:
        note = "; ".join(filter(None, [note, "the article has no publication date"]))
    return FigureResult(figure=figure, verdict=verdict, article_id=record.article_id, title=record.title,
                        published=record.published, count=count_ref(record, count),
                        difference=_difference(figure.value, count.value), note=note), count


def _check_consistency(record: ArticleRecord, check: ConsistencyCheck, tolerance: Tolerance) -> ConsistencyResult:
    by_id = {c.id: c for c in record.counts}
    members = [by_id[i] for i in check.counts if i in by_id]
    totals = [c for c in members if c.value == check.expected]
    if totals:
        verdict = judge(check.expected, check.actual, implied_range(totals[0]), tolerance)
        reading = f"{totals[0].text!r} reads as {implied_range(totals[0]).describe()}"
    elif check.expected == check.actual:
        verdict, reading = "match", ""
    else:
        verdict, reading = ("within_tolerance" if check.ok else "mismatch"), ""
    if (verdict != "mismatch") != check.ok:
        reading = "; ".join(filter(None, [reading, f"the record marks this check ok={check.ok}"]))
    return ConsistencyResult(article_id=record.article_id, title=record.title, kind=check.kind,
                             expected=check.expected, actual=check.actual, ok=check.ok, verdict=verdict,
                             difference=_difference(check.actual, check.expected),
                             note="; ".join(filter(None, [check.note, reading])),
                             counts=[count_ref(record, c) for c in members])


def check_records(records: Sequence[ArticleRecord], figures: Sequence[Figure], *,
                  tolerance: Tolerance | None = None, lag_days: int = DEFAULT_LAG_DAYS,
                  gazetteer: GazetteerView | None = None) -> CheckReport:
    """Every figure against every record: one result per record that reports the figure, or one
    `not_reported` result; plus the records' consistency checks and the counts no figure covers."""
    tolerance = tolerance or Tolerance()
    gazetteer = gazetteer if gazetteer is not None else GazetteerView.load()
    results: list[FigureResult] = []
    used: set[tuple[str, str]] = set()
    for figure in figures:
        keys = figure_organisation_keys(figure.organisation, gazetteer)
        found, mentioned = [], 0
        for record in records:
            if not date_fits(figure, _published(record), lag_days):
                continue
            org_ids = covered_organisations(record, keys, gazetteer)
            if not org_ids:
                continue
            mentioned += 1
            checked = _check_figure(record, figure, org_ids, tolerance, gazetteer)
            if checked:
                result, count = checked
                found.append(result)
                used.add((record.article_id, count.id))
        if found:
            results.extend(found)
        else:
            note = (f"{mentioned} article(s) in the period name the organisation but give no compatible count"
                    if mentioned else "no article in the period names the organisation")
            results.append(FigureResult(figure=figure, verdict="not_reported", note=note))
    consistency = [_check_consistency(r, c, tolerance) for r in records for c in r.consistency]
    unverified = [count_ref(r, c) for r in records for c in r.counts if (r.article_id, c.id) not in used]
    summary = {v: sum(1 for r in results if r.verdict == v) for v in VERDICT_ORDER}
    summary["unverified"] = len(unverified)
    summary["consistency_mismatch"] = sum(1 for c in consistency if c.verdict == "mismatch")
    return CheckReport(tolerance=tolerance.describe(), lag_days=lag_days, articles=len(records),
                       figures=results, consistency=consistency, unverified=unverified, summary=summary)


def check_files(records_path: Path | str, figures_path: Path | str, *, tolerance: str | Tolerance | None = None,
                lag_days: int = DEFAULT_LAG_DAYS, gazetteer: GazetteerView | None = None) -> CheckReport:
    """`newsfacts check` as a function. Raises FiguresError (bad figures file), FileNotFoundError
    (no records file) and ValueError (bad tolerance)."""
    figures = load_figures(figures_path)
    if not isinstance(tolerance, Tolerance):
        tolerance = parse_tolerance(tolerance)
    records, warnings = load_records(records_path)
    report = check_records(records, figures, tolerance=tolerance, lag_days=lag_days, gazetteer=gazetteer)
    report.figures_file, report.records_file = str(figures_path), str(records_path)
    report.warnings = warnings + report.warnings
    return report


# --------------------------------------------------------------------------------------------
# Rendering

_VERDICT_STYLE = {"match": "green", "within_tolerance": "cyan", "mismatch": "bold red", "not_reported": "yellow"}


def _signed(value: float | int | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + _num(value) if value else "0"


def render_terminal(report: CheckReport, console: Any) -> None:
    """Rich tables: figures, consistency checks, unverified counts, then a summary line."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Official figures", title_justify="left", show_lines=False)
    for column in ("verdict", "organisation", "measure", "period", "official", "article says", "diff", "source"):
        table.add_column(column, justify="right" if column in {"official", "diff"} else "left",
                         overflow="fold", no_wrap=column == "verdict", max_width=36 if column == "source" else None)
    for result in report.figures:
        figure = result.figure
        said = Text("")
        if result.count:
            reading = result.count.reads_as
            said = Text(result.count.text + (f" ({reading})" if reading != _num(result.count.value) else ""))
        elif result.note:
            said = Text(result.note, style="dim")
        table.add_row(Text(result.verdict, style=_VERDICT_STYLE[result.verdict]), figure.organisation,
                      figure.measure, figure.period, _num(figure.value), said,
                      _signed(result.difference) if result.count else "", figure.source)
    console.print(table)
    if report.consistency:
        checks = Table(title="The articles' own consistency checks", title_justify="left")
        for column in ("verdict", "kind", "expected", "actual", "diff", "counts", "note"):
            checks.add_column(column, overflow="fold")
        for item in report.consistency:
            checks.add_row(Text(item.verdict, style=_VERDICT_STYLE[item.verdict]), item.kind, _num(item.expected),
                           _num(item.actual), _signed(item.difference), ", ".join(c.text for c in item.counts),
                           item.note)
        console.print(checks)
    if report.unverified:
        loose = Table(title="Unverified counts (no figure covers them)", title_justify="left")
        for column in ("count", "value", "reads as", "organisation", "part of"):
            loose.add_column(column, overflow="fold")
        for ref in report.unverified:
            loose.add_row(ref.text, _num(ref.value), ref.reads_as, ref.organisation or "", ref.part_of or "")
        console.print(loose)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/] {warning}")
    s = report.summary
    console.print(f"{report.articles} article(s), {len(report.figures)} figure result(s): {s.get('match', 0)} match, "
                  f"{s.get('within_tolerance', 0)} within tolerance, {s.get('mismatch', 0)} mismatch, "
                  f"{s.get('not_reported', 0)} not reported; {s.get('unverified', 0)} unverified count(s); "
                  f"{s.get('consistency_mismatch', 0)} consistency mismatch(es); tolerance {report.tolerance}")


def render_json(report: CheckReport) -> str:
    return report.model_dump_json(indent=2)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;color:#1d1d1f;
line-height:1.45;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}th,td{padding:.4rem .5rem;border-bottom:1px solid #eee;
vertical-align:top;text-align:left}th{background:#f6f6f6}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.verdict{display:inline-block;padding:.1rem .45rem;border-radius:.3rem;font-weight:600;font-size:.85rem;
white-space:nowrap}
.match{background:#d9f2dd;color:#14532d}.within_tolerance{background:#dbeafe;color:#1e3a8a}
.mismatch{background:#fde2e1;color:#7f1d1d}.not_reported{background:#fef3c7;color:#78350f}
.unverified{background:#eee;color:#333}
mark{background:#ffe066;padding:0 .1rem;border-radius:.15rem}
.period{white-space:nowrap}.sentence{font-family:Georgia,serif}.muted{color:#666;font-size:.9rem}
.summary span{margin-right:1rem}
"""


def _marked_sentence(ref: CountRef) -> str:
    s, a, b = ref.sentence, ref.mark_start, ref.mark_end
    if not (0 <= a < b <= len(s)):
        return html.escape(s)
    return f"{html.escape(s[:a])}<mark>{html.escape(s[a:b])}</mark>{html.escape(s[b:])}"


def _marked_sentences(refs: Sequence[CountRef]) -> str:
    """Each sentence once, with every count it carries highlighted."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for ref in refs:
        spans.setdefault(ref.sentence, [])
        if 0 <= ref.mark_start < ref.mark_end <= len(ref.sentence):
            spans[ref.sentence].append((ref.mark_start, ref.mark_end))
    out = []
    for sentence, marks in spans.items():
        pieces, at = [], 0
        for start, end in sorted(set(marks)):
            if start < at:
                continue
            pieces.append(f"{html.escape(sentence[at:start])}<mark>{html.escape(sentence[start:end])}</mark>")
            at = end
        pieces.append(html.escape(sentence[at:]))
        out.append(f'<div class="sentence">{"".join(pieces)}</div>')
    return "".join(out)


def _badge(verdict: str) -> str:
    return f'<span class="verdict {verdict}">{html.escape(verdict)}</span>'


def _source(text: str) -> str:
    if re.match(r"^https?://\S+$", text):
        return f'<a href="{html.escape(text, quote=True)}" rel="noreferrer">{html.escape(text)}</a>'
    return html.escape(text)


def render_html(report: CheckReport) -> str:
    """One self-contained page (inline CSS, no scripts or external resources): each verdict next to
    the article sentence that carries the number, the number in <mark>."""
    e = html.escape
    s = report.summary
    rows = []
    for r in report.figures:
        f = r.figure
        if r.count:
            sentence = (f'<div class="sentence">{_marked_sentence(r.count)}</div>'
                        f'<div class="muted">reads as {e(r.count.reads_as)}'
                        f'{" · " + e(r.title) if r.title else ""}</div>')
        else:
            sentence = f'<div class="muted">{e(r.note)}</div>'
        diff = _signed(r.difference) if r.count else ""
        rows.append(f'<tr data-verdict="{r.verdict}"><td>{_badge(r.verdict)}</td><td>{e(f.organisation)}</td>'
                    f'<td>{e(f.measure)}</td><td class="period">{e(f.period)}</td>'
                    f'<td class="num">{e(_num(f.value))}</td>'
                    f'<td>{sentence}</td><td class="num">{e(diff)}</td><td>{_source(f.source)}</td></tr>')
    checks = []
    for c in report.consistency:
        sentences = _marked_sentences(c.counts)
        checks.append(f'<tr data-verdict="{c.verdict}"><td>{_badge(c.verdict)}</td><td>{e(c.kind)}</td>'
                      f'<td class="num">{e(_num(c.expected))}</td><td class="num">{e(_num(c.actual))}</td>'
                      f'<td class="num">{e(_signed(c.difference))}</td><td>{sentences}'
                      f'<div class="muted">{e(c.note)}</div></td></tr>')
    loose = [f'<tr><td>{_badge("unverified")}</td><td><div class="sentence">{_marked_sentence(u)}</div></td>'
             f'<td class="num">{e(_num(u.value))}</td><td>{e(u.reads_as)}</td><td>{e(u.organisation or "")}</td></tr>'
             for u in report.unverified]
    warnings = "".join(f"<li>{e(w)}</li>" for w in report.warnings)

    def section(title: str, head: Iterable[str], body: list[str], empty: str) -> str:
        if not body:
            return f"<h2>{e(title)}</h2><p class=\"muted\">{e(empty)}</p>"
        header = "".join(f"<th>{e(h)}</th>" for h in head)
        return f"<h2>{e(title)}</h2><table><thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>"

    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>newsfacts check</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>newsfacts check: articles against official figures</h1>",
        f'<p class="muted">records {e(report.records_file or "")} · figures {e(report.figures_file or "")} · '
        f"tolerance {e(report.tolerance)} · articles published up to {report.lag_days} day(s) after a "
        "figure's period</p>",
        '<p class="summary">' + "".join(
            f'<span>{_badge(v)} {s.get(v, 0)}</span>' for v in VERDICT_ORDER) +
        f'<span>{_badge("unverified")} {s.get("unverified", 0)}</span></p>',
        section("Official figures", ["verdict", "organisation", "measure", "period", "official",
                                     "the article says", "difference", "source"], rows, "No figures."),
        section("The articles' own consistency checks", ["verdict", "kind", "expected", "actual", "difference",
                                                         "counts"], checks, "The records carry no consistency checks."),
        section("Unverified counts", ["", "sentence", "value", "reads as", "organisation"], loose,
                "Every extracted count is covered by a figure."),
        f"<h2>Warnings</h2><ul>{warnings}</ul>" if warnings else "",
        "</body></html>",
    ])


def write_html(report: CheckReport, path: Path | str) -> Path:
    path = Path(path)
    path.write_text(render_html(report), encoding="utf-8")
    return path
