"""Quotes and who said them: direct, partial and reported speech, with speakers resolved.

Two passes over each article, both linear:

1. `scan_quote_marks` walks the raw text once and pairs quotation marks ("straight", “curly”,
   ‘single curly’, 'single straight'), skipping apostrophes inside words (don’t, Queen’s,
   patients’ records), joining a quote that runs over several paragraphs (each opening with a
   mark, only the last closing) and capping an unclosed quote at its paragraph end, so a stray
   mark never swallows the rest of the article.
2. `QuoteFinder` (the spaCy component "newsfacts_quotes") classifies each quoted span as
   direct or partial, joins split quotes ("X," she said, "Y"), finds the cue verb and its
   subject in the dependency parse, adds reported speech (X said (that) ..., according to X),
   and resolves speakers: names and descriptions to the people and organisations found by
   newsfacts_entities, pronouns to the nearest compatible antecedent, a quote without a cue to
   the speaker of the quote or reported speech just before it.

Cue words and speaker nouns are data: models/speech_verbs.json.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsfacts.assets import load_json_asset
from newsfacts.doctext import doc_text
from newsfacts.records import Quote, Speaker

try:  # the entity linker's own lookups, when it provides them
    from newsfacts.entities import entity_for_span as _entity_for_span
except ImportError:  # pragma: no cover - depends on the entities module's version
    _entity_for_span = None
try:
    from newsfacts.entities import person_gender as _person_gender
except ImportError:  # pragma: no cover
    _person_gender = None

# ---------------------------------------------------------------------------------------------
# Pass 1: quotation marks

_DOUBLE, _SINGLE = "double", "single"
_OPEN, _CLOSE, _EITHER, _LOOSE = "open", "close", "either", "loose"
_MARKS = {"“": (_DOUBLE, _OPEN), "„": (_DOUBLE, _OPEN), "”": (_DOUBLE, _CLOSE),
          '"': (_DOUBLE, _EITHER), "«": (_DOUBLE, _OPEN), "»": (_DOUBLE, _CLOSE),
          "‘": (_SINGLE, _OPEN), "’": (_SINGLE, _CLOSE), "'": (_SINGLE, _EITHER),
          "`": (_SINGLE, _OPEN)}
# What may stand right before an opening mark / right after a closing one.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | {"\u00a0"}
_AFTER_CLOSE = set(" \t\n)]}—–-/:;,.!?…") | {"\u00a0"}
_LOOSE_CLOSE_AFTER = set("'’,.!?…")


@dataclass
class _Mark:
    at: int
    style: str
    role: str
    possessive: bool = False  # "s’" / "s'" that may be a plural possessive
    width: int = 1  # two for '' and ``, the typewriter double marks of some wires


@dataclass
class QuoteSpan:
    """A quoted stretch of text: `start`/`end` delimit the content without the outer marks,
    `open_at`/`close_end` include them (for an unclosed quote, `close_end == end`)."""

    open_at: int
    start: int
    end: int
    close_end: int
    style: str
    paragraphs: int = 1
    closed: bool = True


def _classify(text: str, i: int) -> _Mark | None:
    char = text[i]
    style, role = _MARKS[char]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if style == _SINGLE and char != "‘" and char != "`":
        if prev.isalnum() and nxt.isalpha():
            return None  # don’t, hospital’s, Queen’s
        if (prev.isspace() or i == 0) and nxt.isdigit():
            return None  # ’90s
    if char == "‘" and prev.isalpha() and nxt.isalpha():
        return None  # a misprinted apostrophe: don‘t
    if char == "“" and (prev.isalnum() or prev in ",.!?…") and (
            nxt.isspace() or nxt in ",.;:!?"):
        role = _CLOSE  # a misprinted closing mark: “It's unusual,“ said Mr Noble
    if role == _EITHER:
        opens = (i == 0 or prev in _BEFORE_OPEN or prev in "“‘\"'") and not nxt.isspace()
        closes = not prev.isspace() and (nxt in _AFTER_CLOSE or nxt in "”’\"'" or i + 1 == len(text))
        if opens and not closes:
            # 'audiences,"Katie Packer said' closes a quote that is open; 'said,"Yes' opens one
            role = _EITHER if char == '"' and prev in ",.!?" else _OPEN
        elif closes and not opens:
            role = _CLOSE
        elif not opens and not closes:
            if char == '"' and prev.isspace() and _loose_close_at(text, i):
                # "the term 'outreach,' " he told: a closing mark set off by a space after a
                # nested quote or punctuation; it may only close a quote already open
                return _Mark(i, style, _LOOSE)
            return None  # a mark standing between spaces, or a measurement (6'2)
    possessive = style == _SINGLE and role != _OPEN and prev in "sS" and nxt in " \u00a0"
    return _Mark(i, style, role, possessive)


def _classify_pair(text: str, i: int) -> _Mark | None:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 2] if i + 2 < len(text) else "\n"
    if text[i] == "`" or ((i == 0 or prev in _BEFORE_OPEN) and not nxt.isspace()):
        return _Mark(i, _DOUBLE, _OPEN, width=2)
    if not prev.isspace():
        return _Mark(i, _DOUBLE, _CLOSE, width=2)
    if _loose_close_at(text, i):  # "the term 'Manhattan poor,' '' she said"
        return _Mark(i, _DOUBLE, _LOOSE, width=2)
    return None


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line: newlines separate paragraphs."""
    bounds, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            bounds.append((start, end))
        start = end + 1
    return bounds


def _rstrip_at(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _loose_close_at(text: str, i: int) -> bool:
    """Whether the last character before `i`, spaces aside, is one a closing mark set off by a
    space may follow (the end of a nested quote, or punctuation)."""
    end = _rstrip_at(text, 0, i)
    return text[end - 1:end] in _LOOSE_CLOSE_AFTER


# models/speech_verbs.json, read once: the cues of a QuoteFinder given no others, and of the
# module's functions called without a component (scan_quote_marks, _Speaker.record)
_CUES = load_json_asset("speech_verbs.json")


def _inverted_cues(cues: dict) -> frozenset[str]:
    """'“...,” Said Jo Roe': cue words a capital letter may glue to the name after them."""
    return frozenset(cues.get("inverted_cue_words", []))


def _narration_pattern(inverted_cues: frozenset[str]) -> re.Pattern:
    """"... sorry'. He said that ...": a sentence opening with a third-person pronoun and a
    reporting verb is the writer's narration, not more of the quote."""
    return re.compile(
        r"(?<=[.!?…'’\"”])\s+(?:He|She|They)\s+(?:also\s+|later\s+|then\s+)?(?:"
        + "|".join(sorted(w for w in inverted_cues if w.isalpha())) + r")\b")


_INVERTED_CUES = _inverted_cues(_CUES)
_NARRATION = _narration_pattern(_INVERTED_CUES)


def _narration_at(text: str, start: int, end: int, narration_re: re.Pattern) -> int | None:
    """Where narration starts inside text[start:end], if it does."""
    found = narration_re.search(text, start, end)
    return found.start() if found is not None else None


def scan_quote_marks(text: str, narration_re: re.Pattern = _NARRATION) -> list[QuoteSpan]:
    """Every quoted span of `text`, in order (see the module docstring). `narration_re`: the
    narration that ends an unclosed quote (a component's own, made from its cues)."""
    paragraphs = _paragraph_bounds(text)
    marks_by_para: list[list[_Mark]] = []
    for start, end in paragraphs:
        marks = []
        i = start
        while i < end:
            if text[i] in _MARKS:
                if text[i:i + 2] in ("''", "``"):
                    mark = _classify_pair(text, i)
                else:
                    mark = _classify(text, i)
                if mark is not None:
                    marks.append(mark)
                    i += mark.width
                    continue
            i += 1
        marks_by_para.append(marks)

    spans: list[QuoteSpan] = []
    current: QuoteSpan | None = None
    skip_first = False  # the opening mark of a continued paragraph is already accounted for
    for p, ((_p_start, p_end), marks) in enumerate(zip(paragraphs, marks_by_para, strict=True)):
        # where the paragraph's last ” and last mark of each style that may close stand: "is
        # there one later on" is then one comparison, not a scan of the marks after each mark
        last_curly_close, last_closer = -1, {}
        for k, mark in enumerate(marks):
            if text[mark.at] == "”":
                last_curly_close = k
            if mark.role != _OPEN:
                last_closer[mark.style] = k
        for k, mark in enumerate(marks):
            if skip_first and k == 0:
                continue
            if current is None:
                if mark.role not in (_CLOSE, _LOOSE):
                    current = QuoteSpan(mark.at, mark.at + mark.width, -1, -1, mark.style)
                continue
            if mark.style != current.style:
                continue  # a quote inside the quote, in the other style
            if text[mark.at] == '"' and text[current.open_at] in "“„" and last_curly_close > k:
                continue  # “... term it a "scandal" ...”: straight marks nested in curly ones
            narration = _narration_at(text, current.start, mark.at, narration_re) \
                if mark.role == _OPEN else None
            if mark.role == _OPEN and narration is None \
                    and text[current.start:mark.at].rstrip()[-1:] in ".!?…" \
                    and text[mark.at - 1:mark.at].isspace():
                # ‘...taken this step. “We want ...’: paragraphs of one quote run together on
                # one line, each reopening the quote; it goes on.
                continue
            if mark.role == _OPEN:
                # A second opening mark: the first quote was never closed. End it before this one
                # (or before the narration that follows it: '“... sorry’. He said that ... “').
                end = _rstrip_at(text, current.start, narration if narration is not None
                                 else mark.at)
                current.end = current.close_end = end
                current.closed = False
                spans.append(current)
                current = QuoteSpan(mark.at, mark.at + mark.width, -1, -1, mark.style)
                continue
            if mark.possessive and last_closer.get(mark.style, -1) > k:
                continue  # patients’ records: a later mark closes the quote
            if mark.at == current.start and mark.role == _EITHER:
                continue
            current.end, current.close_end = mark.at, mark.at + mark.width
            if mark.role == _LOOSE:
                current.end = _rstrip_at(text, current.start, mark.at)
            spans.append(current)
            current = None
        skip_first = False
        if current is not None:
            following = marks_by_para[p + 1] if p + 1 < len(marks_by_para) else []
            next_start = paragraphs[p + 1][0] if p + 1 < len(paragraphs) else None
            if (following and following[0].style == current.style
                    and following[0].role not in (_CLOSE, _LOOSE)
                    and not text[next_start:following[0].at].strip()):
                current.paragraphs += 1
                skip_first = True
            else:
                current.end = current.close_end = _rstrip_at(text, current.start, p_end)
                current.closed = False
                if current.end > current.start:
                    spans.append(current)
                current = None
    return [s for s in spans if text[s.start:s.end].strip()]


# ---------------------------------------------------------------------------------------------
# Pass 2: quotes, cues and speakers in the parsed document

_FEMALE_PRONOUNS = {"she", "her"}
_MALE_PRONOUNS = {"he", "him"}
_ORG_PRONOUNS = {"it", "they", "we", "its"}
_FIRST_PERSON = {"i", "we", "you", "me", "us"}
_NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# "after students commented on it": a speech act in a clause of time or cause is background,
# not the voice a following quote continues
_BACKGROUND_MARKS = {"after", "before", "until", "when", "whenever", "since", "because",
                     "although", "though", "while", "once", "if", "unless"}
# "[Jane Roe,](http://...) Labour MP, announced": a name written as a markdown link
_LINKED_NAME = re.compile(r"\s*\[([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}),?\]\(https?://[^)\s]*\)")
# Capitalised words (small words between them), maybe linked, ending right before a noun:
# "Cut the Rent campaign", "[ Save Our Wards ](http://...)campaign"
_BODY_WORDS = r"[A-Z][\w’'&-]*(?: +(?:the|of|and|for|a|our|in|on|[A-Z][\w’'&-]*))*"
_BODY_NAME_BEFORE = re.compile(
    r"(?:\[ *(" + _BODY_WORDS + r") *\]\([^)\s]*\) *|(?:^|(?<=[\s(]))(" + _BODY_WORDS
    + r") +)$")
# "](http://...)": the rest of a markdown link after its text
_LINK_REST = re.compile(r"\]\([^)\s]*\)")
_NAME_DEPS = {"compound", "det", "amod", "nmod", "poss", "case", "flat", "nummod"}


def _phrase_head(token: Token) -> Token:
    """The head of the phrase a name is part of ("Chancellor Jo Roe", "Jo Roe, the chair"): up
    through compounds, flat names and appositions."""
    while token.dep_ in ("compound", "flat", "appos"):
        token = token.head
    return token


def _may_speak(subject: Token) -> bool:
    """A subject that can be a speaker: no date or amount, except the share of a poll ("14
    percent said", "about four in 10 said") and an age standing for a person ("the
    46-year-old said")."""
    if subject.ent_type_ not in _NOT_SPEAKERS:
        return True
    if subject.ent_type_ in ("PERCENT", "CARDINAL") and subject.dep_ == "nsubj":
        return True
    return subject.lower_.endswith("-old") or subject.lower_ == "old" and any(
        t.lower_ == "year" for t in subject.lefts)


@dataclass
class _Speaker:
    text: str
    name: str | None = None
    person: str | None = None
    organisation: str | None = None

    def record(self, inverted_cues: frozenset[str] = _INVERTED_CUES) -> Speaker:
        return Speaker(text=_unlink(self.text), name=_uncued(_unlink(self.name), inverted_cues),
                       person=self.person, organisation=self.organisation)


def _unlink(name: str | None) -> str | None:
    """"[Paul Noke](http://...": markdown link leftovers are no part of a name."""
    if not name or not any(c in name for c in "[]") and "http" not in name:
        return name
    cleaned = re.sub(r"\]\([^)\s]*\)?", " ", name)  # "](http://...)", maybe cut short
    cleaned = re.sub(r"^\S*https?://[^)\s]*\)", "", cleaned)  # the tail of a link
    cleaned = re.sub(r"\(?https?://\S*", "", cleaned).replace("[", "").replace("]", "")
    return " ".join(cleaned.split()).strip(" ,") or name


def _uncued(name: str | None, inverted_cues: frozenset[str]) -> str | None:
    """"Said Jo Roe" (from '“...,” Said Jo Roe'): the cue the name was read with is no part of
    it."""
    words = (name or "").split()
    if len(words) > 1 and words[0][:1].isupper() and words[0].lower() in inverted_cues:
        return " ".join(words[1:])
    return name


@dataclass
class _Found:
    kind: str
    start: int
    end: int
    paragraphs: int = 1
    speaker: _Speaker | None = None
    cue: str | None = None
    extra: dict = field(default_factory=dict)


@Language.factory("newsfacts_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


class QuoteFinder:
    """The spaCy component: writes `doc._.quotes` (a list of `records.Quote`)."""

    def __init__(self, cues: dict | None = None):
        cues = cues if cues is not None else _CUES
        self.direct_cues = frozenset(cues["direct"])
        self.reported_cues = frozenset(cues["reported"])
        self.spokesperson_nouns = frozenset(cues["spokesperson_nouns"])
        self.office_nouns = frozenset(cues.get("office_nouns", []))
        self.clause_only_cues = frozenset(cues.get("clause_only_cues", []))
        self.refusal_verbs = frozenset(cues.get("refusal_verbs", []))
        self.organisation_nouns = frozenset(cues["organisation_nouns"])
        # "the union" may be the BMA, "the force" Merseyside Police: kinds and name words
        self.noun_kinds = cues.get("organisation_noun_kinds", {})
        self.noun_name_words = cues.get("organisation_noun_name_words", {})
        self.source_nouns = frozenset(cues.get("source_nouns", []))
        self.document_nouns = frozenset(cues.get("document_nouns", []))
        self.vague_speakers = frozenset(cues.get("vague_speakers", []))
        self.group_speakers = dict(cues.get("group_speakers", {}))
        # "shot back", "as she put it": verbs that are cues only with their particle or object
        self.particle_cues = {verb: frozenset(words) for verb, words in
                              cues.get("particle_direct", {}).items()}
        self.all_cues = self.direct_cues | self.reported_cues
        # nouns for a body, its voice or its papers: "officials", "reports" are no vague crowd
        self.body_nouns = (self.organisation_nouns | self.spokesperson_nouns
                           | self.document_nouns | self.source_nouns)
        self.titles = {gender: frozenset(words) for gender, words in cues["titles"].items()}
        self.honorifics = frozenset(cues.get("honorifics", [])).union(*self.titles.values())
        self.inverted_cues = _inverted_cues(cues)
        self.narration_re = _narration_pattern(self.inverted_cues)

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.quotes = _Article(self, doc).quotes()
        except Exception as exc:  # a parse we did not foresee must not cost the article
            doc._.quotes = []
            warnings = doc._.warnings if doc._.warnings is not None else []
            warnings.append(f"quotes: extraction failed ({type(exc).__name__}: {exc})")
            doc._.warnings = warnings
        return doc


class _Article:
    """One document's quotes; holds the per-document indexes the lookups share."""

    def __init__(self, finder: QuoteFinder, doc: Doc):
        self.finder = finder
        self.doc = doc
        self.text = doc_text(doc)
        self.paragraphs = _paragraph_bounds(self.text)
        self.para_starts = [s for s, _ in self.paragraphs]
        self.token_starts = doc.to_array(IDX).tolist() if len(doc) else []  # no Token objects
        self.spans = scan_quote_marks(self.text, finder.narration_re)
        self.quoted = [(s.open_at, s.close_end) for s in self.spans]
        self.quoted_starts = [s.open_at for s in self.spans]
        self.sent_starts = sorted(
            {s.start_char for s in doc.sents} | {p for p in self.para_starts})
        self.people = list(doc._.people or [])
        self.organisations = list(doc._.organisations or [])
        self.places = list(doc._.places or [])
        self.genders: dict[str, str | None] = {}
        self._mentions = self._mention_index()
        self._mention_starts = [m[0] for m in self._mentions]
        # a mention starting this far or further before a span has ended before it
        self._longest_mention = max((max(0, m[1] - m[0]) for m in self._mentions), default=0)
        self._roles: dict[int, tuple[int, bool, bool, bool]] = {}  # _mention_roles, by index
        self._name_words: dict[str, set[str]] = {}  # _place_and_organisation_words, by `besides`

    # -- lookups ----------------------------------------------------------------------------

    def _mention_index(self) -> list[tuple[int, int, str, object]]:
        mentions = []
        for kind, entities in (("person", self.people), ("organisation", self.organisations),
                               ("place", self.places)):
            for entity in entities:
                for m in entity.mentions:
                    mentions.append((m.start, m.end, kind, entity))
        if not self.people and not self.organisations:  # no entity component: use the NER
            for ent in self.doc.ents:
                kind = {"PERSON": "person", "ORG": "organisation"}.get(ent.label_)
                if kind:
                    # no ids: they would point at records that do not exist
                    mentions.append((ent.start_char, ent.end_char, kind, _BareEntity(
                        None, ent.text)))
        mentions.sort(key=lambda m: m[0])
        return mentions

    def _mentions_overlapping(self, start: int, end: int) -> list[tuple[int, int, str, object]]:
        """The mentions overlapping [start, end), in start order."""
        first = bisect.bisect_right(self._mention_starts, start - self._longest_mention)
        last = bisect.bisect_left(self._mention_starts, end, lo=first)
        return [m for m in self._mentions[first:last] if m[1] > start]

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, char) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]

    def token_at(self, char: int) -> Token:
        return self.doc[max(0, bisect.bisect_right(self.token_starts, char) - 1)]

    def sentence_start(self, char: int, back: int = 0) -> int:
        """The start of the sentence holding `char`, or of the one `back` sentences before."""
        return self.sent_starts[max(0, bisect.bisect_right(self.sent_starts, char) - 1 - back)]

    def sentence_end(self, char: int) -> int:
        i = bisect.bisect_right(self.sent_starts, char)
        end = self.sent_starts[i] if i < len(self.sent_starts) else len(self.text)
        return min(end, self.paragraphs[self.paragraph_of(char)][1])

    def entity_at(self, start: int, end: int, head: Token | None = None):
        """(kind, entity) for a span: the entities module's lookup when it has one, else the
        mention overlapping the span's head (or the span)."""
        if _entity_for_span is not None:
            try:
                found = _entity_for_span(self.doc, start, end)
            except Exception:
                found = None
            if found:
                kind, ident = found
                entity = self._by_id(kind, ident)
                if entity is not None:
                    return kind, entity
        lo, hi = (head.idx, head.idx + len(head)) if head is not None else (start, end)
        best = None
        for m_start, m_end, kind, entity in self._mentions:
            if m_start >= hi:
                break
            if m_end > lo and kind != "place":
                best = (kind, entity)
        return best

    def _by_id(self, kind: str, ident: str):
        pool = {"person": self.people, "organisation": self.organisations,
                "place": self.places}.get(kind, [])
        return next((e for e in pool if e.id == ident), None)

    def gender(self, person) -> str | None:
        key = person.id or str(id(person))
        if key in self.genders:  # an unknown (None) too: the lookups below give it again
            return self.genders[key]
        found = None
        if _person_gender is not None:
            try:
                found = _person_gender(person)
            except Exception:
                found = None
        if found is None:
            for m in getattr(person, "mentions", []):
                before = self.text[max(0, m.start - 12):m.start].split()
                words = [before[-1].lower().rstrip(".")] if before else []
                words += [m.text.split()[0].lower().rstrip(".")] if m.text.split() else []
                for g, titles in self.finder.titles.items():
                    if any(w in titles for w in words):
                        found = g
        self.genders[key] = found
        return found

    # -- speakers ---------------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        subject = self._subject_of(verb)
        if subject is not None and self._is_dateline(subject):
            # "WASHINGTON -- President Obama, dedicating ..., said": the dateline is no speaker
            named = [c for c in subject.children if c.dep_ == "appos"
                     and c.ent_type_ in ("PERSON", "ORG")]
            return named[0] if named else None
        if subject is not None and subject.ent_type_ == "ORG" and subject.i < verb.i:
            # "Association of Chief Police Officers president Chris Fox said", parsed with the
            # organisation as the subject: the person its phrase ends with speaks
            last = self.doc[verb.i - 1]
            if last.ent_type_ == "PERSON" and subject.i < last.i <= subject.right_edge.i:
                return last
        return subject

    def _is_dateline(self, token: Token) -> bool:
        """"WASHINGTON --", "LONDON —": a place in capitals opening a paragraph, then a dash."""
        p_start = self.paragraphs[self.paragraph_of(token.idx)][0]
        first = token.left_edge if token.left_edge.i < token.i else token
        if first.idx != p_start and self.text[p_start:first.idx].strip():
            return False
        words = self.text[first.idx:token.idx + len(token)]
        after = self.doc[token.i + 1].text if token.i + 1 < len(self.doc) else ""
        return words.isupper() and len(words) > 2 and after in ("--", "—", "–", "-")

    def _subject_of(self, verb: Token) -> Token | None:
        if verb.lower_ == "according":
            for child in verb.children:
                if child.lower_ == "to":
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "PROPN" \
                and not any(c.dep_ == "nsubj" for c in verb.children) \
                and not self.in_quote(verb.head.idx):
            # "footage of Hillary Clinton asking, ...", but "a statement calling it ..." is
            # whoever issued the statement
            return verb.head
        with_subject = self._with_subject(verb)
        if with_subject is not None:
            return with_subject
        # "X said ... and added", "X mocked it, saying ...", "X responded by saying ...":
        # the subject of the verb governing the cue
        chain = [verb]
        participle = verb.dep_ in ("conj", "xcomp", "advcl") or verb.tag_ == "VBG"
        if participle:
            for ancestor in verb.ancestors:
                if len(chain) > 3:
                    break
                chain.append(ancestor)
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj"):
            # "Trump told Newsmax that Romney had ..., adding, ...": a participle hung on the
            # reported clause still belongs to the speech verb above it
            chain = [verb] + sorted(chain[1:], key=lambda c: not self.is_cue(
                c, self.finder.direct_cues, allow_particle=True))
        for candidate in chain:
            # "After saying ..., she was taken to hospital": a passive subject governs too
            passive = candidate.i != verb.i and verb.tag_ == "VBG" \
                and verb.dep_ in ("pcomp", "xcomp")
            deps = ("nsubj", "csubj", "nsubjpass") if passive else ("nsubj", "csubj")
            subjects = [c for c in candidate.children if c.dep_ in deps
                        and not self.in_quote(c.idx) and _may_speak(c)]
            if subjects and not any(c.ent_type_ == "PERSON" for c in subjects):
                # "Alex Compton, ICSMSU President said": the name the parser hung aside
                subjects += [c for c in candidate.children if c.dep_ in ("npadvmod", "dep")
                             and c.ent_type_ == "PERSON" and c.i < candidate.i
                             and not self.in_quote(c.idx)]
            # "Cabinet member for care, Councillor Derek Platten, said": the name, if any
            subjects.sort(key=lambda c: (c.ent_type_ != "PERSON", c.ent_type_ != "ORG",
                                         abs(candidate.i - c.i)))
            for child in subjects:
                if child.tag_ in ("WDT", "WP") and candidate.dep_ == "relcl":
                    return candidate.head  # "Smith, who said ..."
                if child.tag_ in ("WDT", "WP") and candidate.i != verb.i:
                    break  # "He ruled out free care - which is on offer ..., saying": not it
                return child
        if verb.dep_ in ("acl", "relcl", "advcl") and verb.head.pos_ in ("NOUN", "PROPN") \
                and not self.in_quote(verb.head.idx):
            return verb.head
        if participle:
            # "Sanders said, going on to say ...": a misparsed participle clause takes the
            # subject of the clause before it in the sentence
            for token in reversed(self.doc[max(verb.sent.start, verb.i - 15):verb.i]):
                if token.dep_ == "nsubj" and token.head.i < verb.i and token.head.pos_ in (
                        "VERB", "AUX") and token.head.dep_ != "relcl" \
                        and not self.in_quote(token.idx) \
                        and token.ent_type_ not in _NOT_SPEAKERS:
                    return token
        parenthesised = self._subject_before_parenthesis(verb)
        if parenthesised is not None:
            return parenthesised
        adjacent = self._adjacent_subject(verb)
        if adjacent is not None:
            return adjacent
        # A misparse across a paragraph break: the subject is the paragraph's first noun phrase.
        p_start = self.paragraphs[self.paragraph_of(verb.idx)][0]
        if verb.sent.start_char >= p_start:
            return None
        for token in self.doc[self.token_at(p_start).i:verb.i]:
            if token.idx >= p_start and token.pos_ in ("PROPN", "NOUN", "PRON") \
                    and token.ent_type_ not in _NOT_SPEAKERS \
                    and not self.in_quote(token.idx):
                head = token
                while head.dep_ in ("compound", "flat") and head.head.i < verb.i:
                    head = head.head
                return head
        return None

    def _with_subject(self, verb: Token) -> Token | None:
        """"..., with Jo Roe, the union's leader, saying “...”": a participle right after a
        name introduced by an adjunct "with" has that name for its subject."""
        if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        j = verb.i - 1
        while j > verb.sent.start and (self.doc[j].is_punct or self.doc[j].text in ("[", "]")):
            j -= 1
        for token in (self.doc[j], *self.doc[j].ancestors):
            if token.i >= verb.i or self.in_quote(token.idx):
                return None
            if token.dep_ == "pobj" and token.head.lower_ == "with":
                # set off as an adjunct (", with X saying"), not a verb's "side with X"
                adjunct = token.head.i == verb.sent.start or self.doc[token.head.i - 1].text == ","
                named = token.ent_type_ in ("PERSON", "ORG") or token.pos_ == "PROPN"
                return token if named and adjunct else None
        return None

    def _subject_before_parenthesis(self, verb: Token) -> Token | None:
        """"Dr Jane Roe, on her first day in the post, said": the parser may lose the subject
        behind a parenthesis; the name right before its opening comma is the speaker."""
        comma = verb.i - 1
        while comma > 0 and self.doc[comma].pos_ == "ADV":  # ", forcefully told"
            comma -= 1
        if comma < 1 or self.doc[comma].text != ",":
            return None
        sent_start = verb.sent.start
        named = self.doc[comma - 1]
        if named.ent_type_ == "PERSON" and named.dep_ == "appos" and comma - 1 > sent_start \
                and not self.in_quote(named.idx):
            # "In an article, one of its authors, Jo Roe, said": the name set off before the cue
            return named
        for j in range(comma - 1, max(sent_start, verb.i - 30) - 1, -1):
            token = self.doc[j]
            if token.text in ("“", "”", '"') or self.in_quote(token.idx):
                return None
            if token.text == ",":
                before = self.doc[j - 1] if j > sent_start else None
                if before is not None and before.ent_type_ in ("PERSON", "ORG") \
                        and not self.in_quote(before.idx):
                    return before
                return None
        return None

    def _adjacent_subject(self, verb: Token) -> Token | None:
        """The misparsed "”, Tulsa police Chief Chuck Jordan said" / "said the mayor": the
        noun phrase right before the cue, else right after it."""
        j = verb.i - 1
        while j >= 0 and self.doc[j].pos_ in ("ADV", "AUX", "PART"):
            j -= 1
        if j >= 0:
            token = self.doc[j]
            if token.pos_ in ("PROPN", "NOUN", "PRON") and not self.in_quote(token.idx) \
                    and token.ent_type_ not in _NOT_SPEAKERS:
                # "Protesters marching through the streets chanted": the phrase's head noun
                head = token
                while head.dep_ in ("pobj", "prep", "acl") and head.head.i < head.i:
                    head = head.head
                if head.i != token.i and head.pos_ in ("PROPN", "NOUN") \
                        and not self.in_quote(head.idx) and head.ent_type_ not in _NOT_SPEAKERS:
                    return head
                return token
        found = None
        for token in self.doc[verb.i + 1:verb.i + 8]:
            if self.in_quote(token.idx) or token.pos_ not in ("DET", "PROPN", "NOUN", "ADJ") \
                    or token.ent_type_ in _NOT_SPEAKERS:
                # only a phrase that ends the clause: not "said services had been ..."
                return found if token.is_punct or token.ent_type_ in _NOT_SPEAKERS else None
            if token.pos_ in ("PROPN", "NOUN"):
                found = token
        return None

    def speaker_span(self, head: Token) -> tuple[int, int]:
        if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            first, last = head.i, head.i + 1
            while first > 0 and head.ent_iob_ != "B" and self.doc[first].ent_iob_ == "I":
                first -= 1
            while last < len(self.doc) and self.doc[last].ent_iob_ == "I":
                last += 1
            ent = self.doc[first:last]
            if head.ent_type_ in ("GPE", "LOC"):
                # "Universities UK": capitalised words before a place make a body's name
                while first > 0 and self.doc[first - 1].dep_ == "compound" \
                        and self.doc[first - 1].head.i == head.i \
                        and self.doc[first - 1].text[:1].isupper() \
                        and not self.doc[first - 1].ent_type_:
                    first -= 1
            if ent:
                # "Mr Patel": the title belongs to the name as written
                while first > 0 and self.doc[first - 1].lower_.rstrip(".") in \
                        self.finder.honorifics:
                    first -= 1
                return self.doc[first].idx, ent.end_char
        left = head.i
        for child in sorted(head.lefts, key=lambda t: -t.i):
            if child.dep_ in _NAME_DEPS and child.i == left - 1 or (
                    child.dep_ in _NAME_DEPS and child.right_edge.i == left - 1):
                left = child.left_edge.i
        while left > 0 and not self.doc[left - 1].whitespace_ and "-" in (
                self.doc[left - 1].text, self.doc[left].text):
            left -= 1  # "the 46-year-old"
        if 0 < left < head.i and self.doc[left - 1].dep_ == "det":
            left -= 1
        right = head.i
        for child in head.rights:
            if child.dep_ in ("prep", "relcl", "acl") and child.left_edge.i == right + 1 \
                    and child.right_edge.i - head.i < 16:
                right = child.right_edge.i
            elif child.dep_ in ("flat", "compound") and child.i == right + 1:
                right = child.i
        for k in range(head.i + 1, right + 1):  # nor into a quote
            if self.in_quote(self.doc[k].idx):
                right = k - 1
                break
        # never across a paragraph break (the parser sometimes joins paragraphs)
        p_start, p_end = self.paragraphs[self.paragraph_of(head.idx)]
        while left < head.i and self.doc[left].idx < p_start:
            left += 1
        while right > head.i and (self.doc[right].is_punct or self.doc[right].idx >= p_end):
            right -= 1
        return self.doc[left].idx, self.doc[right].idx + len(self.doc[right])

    def resolve(self, head: Token, before: int, depth: int = 0) -> _Speaker:
        if head.text == "[":
            # "[Jane Roe, Union President](http://...) urged": the parser may take the link's
            # bracket for the subject; the name inside it speaks
            inside = []
            for token in self.doc[head.i + 1:head.i + 16]:
                if token.text == "]":
                    break
                inside.append(token)
            named = [t for t in inside if t.ent_type_ in ("PERSON", "ORG")]
            if named:
                head = named[0]  # the span around it is the whole name
            else:
                names = [t for t in inside if t.pos_ == "PROPN"]
                if names:
                    head = names[0]
                    while head.i + 1 < len(self.doc) and self.doc[head.i + 1].pos_ == "PROPN":
                        head = self.doc[head.i + 1]  # the last word of the name
        body = self._joint_signers_body(head, before) if depth == 0 else None
        if body is not None:
            return body
        if not head.ent_type_ or head.ent_type_ in _NOT_SPEAKERS:
            # "the union leader John Smith", "Labour's leader, Jane Doe", "one of them, Jo
            # Roe,": the name says who
            named = [c for c in head.children if c.dep_ in ("appos", "compound")
                     and c.ent_type_ in ("PERSON", "ORG")]
            if not named and head.lemma_.lower() in self.finder.spokesperson_nouns:
                # "the RCN's director for the region, Jane Doe,": the parser may hang the
                # name on the last noun of the description
                named = [t for t in self.doc[head.i + 1:head.right_edge.i + 1]
                         if t.dep_ == "appos" and t.ent_type_ == "PERSON"]
            if named:  # a person's name before an organisation word ("the union leader")
                named.sort(key=lambda c: (c.ent_type_ != "PERSON", c.dep_ != "appos"))
                head = named[0]
            elif head.lemma_.lower() in self.finder.source_nouns:
                # "according to figures released by the council": the body behind them
                for token in head.subtree:
                    if token.dep_ in ("agent", "prep") and token.lower_ in ("by", "from") \
                            and token.i > head.i:
                        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
                        if pobj is not None:
                            inner = self.resolve(pobj, before)
                            if inner.organisation or inner.person or inner.name:
                                return _Speaker(self.text[slice(*self.speaker_span(head))],
                                                inner.name, inner.person, inner.organisation)
        start, end = self.speaker_span(head)
        written = self.text[start:end]
        lower = head.lower_
        if head.pos_ == "PRON" or lower in _FEMALE_PRONOUNS | _MALE_PRONOUNS | _ORG_PRONOUNS:
            if lower in _FEMALE_PRONOUNS | _MALE_PRONOUNS:
                want = "f" if lower in _FEMALE_PRONOUNS else "m"
                spokesman = self._spokesperson_before(head, want)
                if spokesman is not None:
                    inner = self.resolve(spokesman, before)
                    return _Speaker(head.text, inner.name or inner.text, inner.person,
                                    inner.organisation)
                person = self.antecedent_person(head.idx, want)
                unlisted = self._unlisted_antecedent(head, want)
                if unlisted is not None and (person is None or unlisted[0] > max(
                        (m.start for m in getattr(person, "mentions", []) if m.start < head.idx),
                        default=-1)):
                    return _Speaker(head.text, unlisted[1])
                if person is not None:
                    key = person.id or str(id(person))
                    if self.genders.get(key) is None:
                        self.genders[key] = want
                    return _Speaker(head.text, person.name, person=person.id)
                return _Speaker(head.text)
            group = self._joint_people_before(head) if lower == "they" else None
            if group is not None:
                inner = self.resolve(group, before, depth + 1)
                return _Speaker(head.text, inner.name, inner.person, inner.organisation)
            if lower in _ORG_PRONOUNS:
                found = self.antecedent_organisation(head)
                if found is not None:
                    return _Speaker(head.text, found.name, found.person, found.organisation)
            return _Speaker(head.text)
        holder = self._office_holder(head)
        if holder is not None:
            return _Speaker(written, holder.name, person=holder.id)
        # an unnamed post no one in the article holds ("the chair of the committee for the
        # BMA") speaks for its body, as a spokesperson does
        unheld_post = head.lemma_.lower() in self.finder.office_nouns and head.pos_ == "NOUN" \
            and not any(t.ent_type_ == "PERSON" for t in head.subtree)
        if head.lemma_.lower() in self.finder.spokesperson_nouns \
                or head.lower_ in self.finder.spokesperson_nouns or unheld_post:
            # "a spokesman for the trust": the organisation speaks through them; a person's
            # spokesman ("Tony Blair's official spokesman") is someone else, named by the role
            for pobj in self._body_objects(head):
                inner = self.resolve(pobj, before)
                whole = self._longer_name(pobj, inner)
                if whole is not None:
                    return _Speaker(written, whole)
                if inner.organisation:
                    return _Speaker(written, inner.name, None, inner.organisation)
                if inner.person:
                    return _Speaker(written, written)
                if pobj.ent_type_ == "ORG" and inner.name:
                    return _Speaker(written, inner.name)  # a body the lookups missed
            for child in head.lefts:
                if child.dep_ == "poss":
                    inner = self.resolve(child, before)
                    if inner.organisation:
                        return _Speaker(written, inner.name, None, inner.organisation)
                    if inner.person:
                        return _Speaker(written, written)
                if child.dep_ == "compound" and (child.ent_type_ == "ORG" or child.lemma_.lower()
                                                 in self.finder.organisation_nouns):
                    # "a College spokesperson", "a BMA spokesman": the body they speak for
                    inner = self.resolve(child, before, depth + 1)
                    if inner.organisation:
                        return _Speaker(written, inner.name, None, inner.organisation)
                if child.dep_ == "compound" and child.text[:1].isupper():
                    # "Acme bosses": a name the article gives an organisation elsewhere, where
                    # the lookups missed this mention of it
                    org = self._organisation_named(child.text)
                    if org is not None:
                        return _Speaker(written, org.name, None, org.id)
            if head.lower_.startswith("spokes") and not any(
                    c.dep_ in ("poss", "prep", "compound") for c in head.children):
                # a bare "the spokeswoman", "a spokesperson": the one introduced before ("a
                # spokeswoman for the trust"), else the organisation the text is about
                inner = self._bare_spokesperson(head, before)
                if inner is not None and (inner.organisation or inner.name):
                    return _Speaker(written, inner.name, inner.person, inner.organisation)
        if head.lower_ in ("statement", "letter") and any(
                c.lower_ == "the" for c in head.children):
            earlier = self._statement_author(head)
            if earlier is not None:
                return _Speaker(written, earlier.name, earlier.person, earlier.organisation)
        linked = self._linked_name_before(head)
        if linked is not None:
            return _Speaker(written, linked)
        if head.lemma_.lower() in self.finder.document_nouns and not head.ent_type_ \
                and depth < 2:
            author = self._document_author(head)
            if author is not None:
                inner = self.resolve(author, before, depth + 1)
                if inner.person or inner.organisation or inner.name:
                    return _Speaker(written, inner.name, inner.person, inner.organisation)
        found = self.entity_at(start, end, head)
        if found is not None and found[0] == "place":
            found = None  # "officials in Powys": a place says where, it does not speak
        if found is not None and head.pos_ in ("NOUN", "NUM") and self._named_in_clause(head, found[1],
                                                                               start, end):
            found = None
        if found is not None and found[1].name.lower().removeprefix("the ") in \
                self.finder.organisation_nouns:
            found = None  # an entity named just "union" is the description, not the name
        if found is not None:
            kind, entity = found
            return _Speaker(written, entity.name, person=entity.id if kind == "person" else None,
                            organisation=entity.id if kind == "organisation" else None)
        body_name = self._body_name_before(head)
        if body_name is not None:
            return _Speaker(written, body_name)
        same_owner = self._organisation_of_same_place(head)
        if same_owner is not None:
            return _Speaker(written, same_owner.name, organisation=same_owner.id)
        group_kinds = self.finder.group_speakers.get(head.lower_)
        if found is None and group_kinds and not head.ent_type_:
            # "Ministers say": the government the article named before
            kinds = set(group_kinds)
            org = self._nearest_mention(head.idx, "organisation",
                                        lambda e: getattr(e, "kind", None) in kinds)
            if org is not None:
                return _Speaker(written, org.name, organisation=org.id)
        if head.lemma_.lower() in self.finder.organisation_nouns and not self._distinguished(head):
            org = self.described_organisation(head)
            if org is not None:
                return _Speaker(written, org.name, organisation=org.id)
        return _Speaker(written, written if head.pos_ == "PROPN" else None)

    # words that date a post or qualify its holder, not the post itself ("the new minister")
    _OFFICE_QUALIFIERS = frozenset({"new", "former", "current", "then", "outgoing", "incoming",
                                    "interim", "acting", "deputy", "own"})

    def _office_holder(self, head: Token):
        """The person an unnamed post stands for ("our correspondent", "a chief constable",
        "the chairman of the federation"): one whose written role holds the post's noun and
        its modifiers, the nearest before else the first after; failing that, the person the
        text names first after the description, in its paragraph or the next, if no role of
        theirs says they hold another post. None for a plural or a name."""
        noun = head.lemma_.lower()
        if noun not in self.finder.office_nouns or head.pos_ != "NOUN" or head.tag_ != "NN" \
                or head.ent_type_ or self.in_quote(head.idx):
            return None
        if any(c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in head.children):
            return None  # "Tony Blair's chief of staff" is someone else
        modifiers = [c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod")
                     and c.pos_ in ("NOUN", "PROPN", "ADJ")
                     and c.lower_ not in self._OFFICE_QUALIFIERS]
        holders = [p for p in self.people if any(
            self._role_fits(role, noun, modifiers) for role in getattr(p, "roles", []) or [])]
        if holders:
            ids = {id(p) for p in holders}
            return self._nearest_mention(head.idx, "person", lambda e: id(e) in ids)
        para = self.paragraph_of(head.idx)
        for m_start, _end, kind, entity in self._mentions:
            if kind != "person" or self.in_quote(m_start):
                continue
            first = min((m.start for m in getattr(entity, "mentions", [])), default=m_start)
            if first < head.idx:
                continue  # named before: not the one the description introduces
            if self.paragraph_of(m_start) - para > 1:
                return None
            roles = getattr(entity, "roles", []) or []
            if roles and not any(noun in (r.title or "").lower().split() for r in roles):
                return None  # "Prime Minister Tony Blair" is not "the police chief"
            name = self.token_at(max(m_start, _end - 1))
            if not self._speaks(name):
                return None  # "Sir Jo Roe advised ministers": named, but not as the voice
            if any(post.lemma_.lower() != noun for post in self._posts_beside(name)):
                return None  # "the government's negotiator, Sir Jo Roe," holds another post
            return entity
        return None

    @staticmethod
    def _posts_beside(name: Token) -> list[Token]:
        """The common nouns set beside a name as its post: "the firm's negotiator, Jo Roe",
        "Jo Roe, the chair of ...", "general secretary Jo Roe"."""
        while name.dep_ in ("compound", "flat"):
            name = name.head
        posts = [c for c in name.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"]
        if name.dep_ == "appos" and name.head.pos_ == "NOUN":
            posts.append(name.head)
        return posts

    def _speaks(self, token: Token) -> bool:
        """Whether a name is the subject of a speech verb ("Jan Berry said:"), or of a clause
        the parser hung the speech verb on ("Dr Jo Roe, ... after X was sacked, admitted")."""
        return self._subject_roles(_phrase_head(token))[1]

    def _subject_roles(self, head: Token) -> tuple[bool, bool]:
        """(topic, speaks) for the head of a name's phrase, testing its verb as a cue once for
        both. topic: the subject of a main clause or of a speech verb, the likely topic;
        speaks: see _speaks."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return False, False
        verb = head.head
        cue = self.is_cue(verb, self.finder.direct_cues, allow_particle=True)
        speaks = cue and not self.in_quote(verb.idx) or any(
            self.is_cue(c, self.finder.direct_cues, allow_particle=True)
            and not self.in_quote(c.idx)
            for c in verb.children if c.dep_ in ("dep", "conj", "parataxis"))
        return verb.dep_ == "ROOT" or cue, speaks

    def _role_fits(self, role, noun: str, modifiers: list[str]) -> bool:
        words = (role.title or "").lower().replace("-", " ").split()
        if noun not in words and noun.replace("-", " ") not in " ".join(words):
            return False
        org = self._by_id("organisation", role.organisation) if role.organisation else None
        if org is not None:
            words = words + org.name.lower().split()
        return all(any(w.startswith(m) for w in words) for m in modifiers)

    def _nearest_mention(self, char: int, kind: str, keep):
        """The entity of `kind` that `keep` accepts named (outside quotes) last before `char`,
        else the first named after it."""
        best = None
        for m_start, _end, m_kind, entity in self._mentions:
            if m_kind != kind or not keep(entity) or self.in_quote(m_start):
                continue
            if m_start >= char:
                return best or entity
            best = entity
        return best

    def _body_name_before(self, head: Token) -> str | None:
        """"the [Save Our Wards](http://...) campaign", "the Keep Our Library campaign": a
        name the entity lookups do not know, written (or linked) in capitals right before an
        organisation noun, is the body's name."""
        if head.pos_ != "NOUN" or head.tag_ != "NN" \
                or head.lemma_.lower() not in self.finder.organisation_nouns:
            return None
        p_start = self.paragraphs[self.paragraph_of(head.idx)][0]
        before = self.text[max(p_start, head.idx - 160):head.idx]
        found = _BODY_NAME_BEFORE.search(before)
        if found is None:
            return None
        words = (found.group(1) or found.group(2)).split()
        while words and (words[0] in ("The", "A", "An") or words[0].endswith(("’", "'", "’s",
                                                                              "'s"))):
            words = words[1:]  # "The", "Goldsmiths’": no part of the name
        name = " ".join(words)
        if len(words) < 2 or not words[-1][:1].isupper() \
                or words[-1].lower() in self.finder.organisation_nouns:
            return None
        return name

    @staticmethod
    def _body_objects(head: Token) -> list[Token]:
        """The nouns after "for", "of" or "at" that may name the body a spokesperson or post
        speaks for, nearest first, one level down too ("the chair of the nurses' forum for the
        RCN")."""
        def objects(owner: Token) -> list[Token]:
            return [c for prep in owner.rights if prep.dep_ == "prep"
                    and prep.lower_ in ("for", "of", "at")
                    for c in prep.children if c.dep_ == "pobj"]

        first = objects(head)
        return first + [deeper for noun in first for deeper in objects(noun)]

    def _organisation_of_same_place(self, head: Token):
        """"South Korea's top car maker" after "South Korea's Hyundai Motor": a description
        owned by a place is the organisation the text wrote with that same place's possessive
        (the last one before it)."""
        if head.pos_ != "NOUN" or head.tag_ != "NN":
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"
                      and c.ent_type_ in ("GPE", "LOC")), None)
        if owner is None:
            return None
        possessive = self.text[owner.left_edge.idx:owner.idx + len(owner)]
        found = None
        for m_start, _end, kind, entity in self._mentions:
            if m_start >= head.idx:
                break
            if kind != "organisation" or self.in_quote(m_start):
                continue
            before = self.text[max(0, m_start - len(possessive) - 3):m_start]
            if before.replace("’", "'").endswith((possessive + "'s ", possessive + "' ")):
                found = entity
        return found

    def _organisation_named(self, name: str):
        """The organisation whose name, or one of its mentions, is written `name`."""
        for org in self.organisations:
            if org.name == name or any(m.text == name for m in getattr(org, "mentions", [])):
                return org
        return None

    def unnamed(self, subject: Token) -> _Speaker:
        """The speaker as written, with no name: one the text does not name and who speaks
        for no named body (corpus/README: such quotes are kept, not annotated)."""
        return _Speaker(self.text[slice(*self.speaker_span(subject))])

    def _joint_signers_body(self, head: Token, before: int) -> _Speaker | None:
        """"Jo Hale, Sam Rudd and Kim Bright, representatives of the RCN, said": words several
        named people sign for a body the text names go to the body (corpus/README: joint
        speakers); with no body named, the first named person speaks (the subject's head)."""
        if head.ent_type_ != "PERSON":
            return None
        people = [head, *(c for c in head.conjuncts if c.ent_type_ == "PERSON")]
        if len(people) < 2:
            return None
        for person in people:
            for post in person.children:
                if post.dep_ == "appos" and post.pos_ == "NOUN" and (
                        post.lemma_.lower() in self.finder.spokesperson_nouns
                        or post.lower_ in self.finder.spokesperson_nouns):
                    for named in self._body_objects(post):
                        inner = self.resolve(named, before, 1)
                        if inner.organisation or inner.name and not inner.person \
                                and named.pos_ == "PROPN":
                            start, end = self.speaker_span(head)
                            return _Speaker(self.text[start:end], inner.name, None,
                                            inner.organisation)
        return None

    def _joint_people_before(self, pronoun: Token) -> Token | None:
        """"Prof. Jo Roe and Prof. Sam Fox said ... They told students": "they" continues the
        named people who were the subject of the sentence before (or of its own sentence,
        before it); the first of them stands for the group (corpus/README: joint speakers)."""
        sent = pronoun.sent
        sentences = [self.doc[sent.start:pronoun.i]]
        if sent.start > 0:
            sentences.append(self.doc[sent.start - 1].sent)
        for span in sentences:
            for token in reversed(list(span)):
                if token.dep_ != "nsubj" or token.pos_ == "PRON" or self.in_quote(token.idx):
                    continue
                # the nearest subject decides: "UCU are ..., which they say" is UCU
                joint = token.ent_type_ == "PERSON" and any(
                    c.ent_type_ == "PERSON" for c in token.conjuncts)
                return token if joint else None
        return None

    def _vague(self, subject: Token) -> bool:
        """"Many have said", "some of the students complained", "Protesters said", "the
        villagers claim": a speaker who is no one in particular (a bare group of people, not
        ministers, officials or the members of a named body, nor "one of them, Jo Roe")."""
        if subject.pos_ in ("VERB", "AUX", "ADJ", "ADV", "ADP"):
            return True  # "providing the figures, continuing ...": a misparse, not a speaker
        for token in subject.subtree:  # "Labour MPs", "members of the BMA", "one of them, Jo Roe"
            if token.i != subject.i and (token.pos_ == "PROPN" or token.ent_type_ in (
                    "PERSON", "ORG", "NORP", "GPE")) and not self.in_quote(token.idx) \
                    and not self._place_after_in(token, subject):
                return False
        if subject.lower_ in self.finder.vague_speakers and subject.pos_ != "PROPN":
            return True
        if subject.tag_ != "NNS" or subject.pos_ != "NOUN" or subject.ent_type_:
            return False
        if subject.lemma_.lower() in self.finder.organisation_nouns \
                and subject.lower_ != subject.lemma_.lower():
            # "opposition parties said", "campaign groups say": several bodies, none named,
            # so no one body speaks (but "police said" is one force)
            return True
        if subject.lemma_.lower() in self.finder.body_nouns \
                or subject.lower_ in self.finder.group_speakers:
            return False
        det = [c.lower_ for c in subject.children if c.dep_ in ("det", "amod", "nummod")
               and c.i < subject.i and c.pos_ in ("DET", "NUM", "PRON")]
        return all(d in ("the", "many", "some", "most", "several", "all", "these", "those")
                   for d in det)

    def _place_after_in(self, token: Token, subject: Token) -> bool:
        """"residents in Small Heath", "officials across the county": a place that only says
        where the group is names no one in it."""
        is_place = token.ent_type_ in ("GPE", "LOC", "FAC") or any(
            kind == "place" for _s, _e, kind, _x in
            self._mentions_overlapping(token.idx, token.idx + len(token)))
        if not is_place:
            return False
        places_after = ("in", "across", "near", "around")
        while token.dep_ in ("compound", "flat", "conj") and token.head.i not in (token.i,
                                                                                 subject.i):
            token = token.head
        if token.dep_ == "conj" and token.head.i == subject.i:
            # "Residents in Leeds, Bradford and York": a list of places misread as more subjects
            return any(c.dep_ == "prep" and c.lower_ in places_after for c in subject.children)
        return token.dep_ == "pobj" and token.head.lower_ in places_after \
            and token.head.head.i == subject.i

    def _document_author(self, head: Token) -> Token | None:
        """"The email, sent by Dr Jane Roe, stated": the writer of a document that "says"
        something, named beside it or where it was first mentioned ("in an article posted by
        the Daily News ... The article went on to say")."""
        author = self._author_of(head)
        if author is not None:
            return author
        for token in self._same_word_before(head, 7, lemma=True):
            if not self.in_quote(token.idx):
                author = self._author_of(token)
                if author is not None:
                    return author
        return None

    def _author_of(self, document: Token) -> Token | None:
        """"an email sent by X", "a letter from X", "X's letter", "an article that X wrote",
        "X wrote an article"."""
        for token in document.subtree:
            # on the noun or on a participle hung on it, not deeper ("an email to members
            # overseen by the committee" was not sent by the committee)
            near = token.head.i == document.i or token.head.head.i == document.i \
                and token.head.dep_ in ("acl", "relcl") and token.head.pos_ == "VERB"
            if near and token.i > document.i and token.lower_ in ("by", "from") \
                    and token.dep_ in ("agent", "prep") and not self.in_quote(token.idx):
                pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() not in self.finder.document_nouns:
                    return pobj
        for child in document.children:
            if child.dep_ == "poss" and not self.in_quote(child.idx):
                return child
            if child.dep_ == "relcl":
                subject = next((c for c in child.children if c.dep_ == "nsubj"
                                and c.tag_ not in ("WDT", "WP")), None)
                if subject is not None and not self.in_quote(subject.idx):
                    return subject
        if document.dep_ == "dobj" and document.head.pos_ == "VERB":
            subject = next((c for c in document.head.children if c.dep_ == "nsubj"
                            and c.tag_ not in ("WDT", "WP")), None)
            if subject is not None and not self.in_quote(subject.idx) \
                    and subject.lower_ not in _FIRST_PERSON:
                return subject
        return None

    def _unlisted_antecedent(self, pronoun: Token, want: str) -> tuple[int, str] | None:
        """(position, name) of a name the entity components missed or took for an organisation
        that a "he" or "she" stands for: the subject named before the pronoun in its sentence
        ("In an article that Jane Doe wrote, she argued ...") or in the two sentences before,
        or further back through the earlier "she"s (or "he"s) it continues. The caller prefers
        a person the lookups know named after it."""
        words = _FEMALE_PRONOUNS if want == "f" else _MALE_PRONOUNS
        sent, end, back, gap = pronoun.sent, pronoun.i, 0, 0
        while back < 20:
            found = self._unlisted_subject(sent, end)
            if found is not None:
                return found
            if not self.in_quote(sent[0].idx):  # a sentence inside a quote does not count
                back += 1
                gap = 0 if any(t.lower_ in words and not self.in_quote(t.idx)
                               for t in self.doc[sent.start:end]) else gap + 1
                if gap >= 3:
                    return None  # three sentences with no "she": the chain is broken
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            end = sent.end
        return None

    def _place_and_organisation_words(self, besides: str) -> set[str]:
        """The capitalised words of the article's places and organisations, but `besides`."""
        if besides not in self._name_words:
            words = set()
            for entity in (*self.places, *self.organisations):
                name = getattr(entity, "name", "") or ""
                if name != besides:
                    words |= {w.lower() for w in name.split() if w[:1].isupper()}
            self._name_words[besides] = words
        return self._name_words[besides]

    def _linked_name_before(self, head: Token) -> str | None:
        """"[Jane Roe,](http://...) Labour MP for Leeds, said": the parser takes "MP" (or the
        place) for the subject; the linked name its phrase opens with speaks."""
        if head.ent_type_ == "PERSON" or head.pos_ == "PRON":
            return None
        sent = head.sent
        start = sent.start
        if start > 0 and self.paragraph_of(self.doc[start - 1].idx) == self.paragraph_of(
                head.idx):
            prev = self.doc[start - 1].sent  # the splitter may cut after the link
            if _LINKED_NAME.fullmatch(prev.text.strip()):
                start = prev.start
        start_char = self.doc[start].idx
        link = _LINKED_NAME.match(self.text[start_char:head.idx])
        if link is None or self.in_quote(head.idx):
            return None
        between = [t for t in self.doc[start:head.i] if t.idx >= start_char + link.end()]
        if any(t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":") for t in between):
            return None
        return link.group(1)

    def _unlisted_subject(self, sent: Span, end: int) -> tuple[int, str] | None:
        sent_start = sent.start
        link = _LINKED_NAME.match(self.text[sent.start_char:self.doc[end - 1].idx + 1]) \
            if end > sent_start else None
        if link is not None:  # "[Jane Roe,](http://...) Labour MP, said"
            return sent.start_char + link.start(1), link.group(1)
        found = None
        for token in self.doc[sent_start:end]:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" \
                    or token.ent_type_ not in ("", "PERSON") or self.in_quote(token.idx):
                continue  # "the Licensing Act" (LAW), a place or a body: no person
            first = token.i
            while first > sent_start and self.doc[first - 1].pos_ == "PROPN" \
                    and self.doc[first - 1].dep_ in ("compound", "flat"):
                first -= 1
            span = self.doc[first:token.i + 1]
            names = span.text.split()
            if not 2 <= len(names) <= 3 or not all(
                    n[:1].isupper() and n.replace("-", "").replace("’", "").isalpha()
                    for n in names) or any(n.lower() in self.finder.organisation_nouns
                                           for n in names):
                continue
            overlapping = [(kind, getattr(entity, "kind", None)) for _start, _end, kind, entity
                           in self._mentions_overlapping(span.start_char, span.end_char)]
            if any(kind != "organisation" or org_kind not in (None, "other")
                   for kind, org_kind in overlapping):
                continue  # a person the lookups know, a place, or a real organisation
            if any(n.lower() in self._place_and_organisation_words(span.text) for n in names):
                continue  # "Imperial West" shares a word with "Imperial College": a place or body
            found = (span.start_char, span.text)
        return found

    def _named_in_clause(self, head: Token, entity, start: int, end: int) -> bool:
        """"the petition to expel Ms Roe", "a letter sent to Sir John": the name sits in a
        clause hung on the noun, so it is not who the noun is (but "a source who works for
        the firm" is the firm's)."""
        inside = [m for m in getattr(entity, "mentions", []) if start <= m.start < end]
        if not inside:
            return False
        for m in inside:
            token = self.token_at(m.start)
            clause = False
            for ancestor in token.ancestors:
                if ancestor.i == head.i:
                    break
                if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() not in (
                        "work", "represent"):
                    clause = True
            else:
                return False  # not under the noun at all
            if not clause:
                return False
        return True

    def _longer_name(self, head: Token, inner: _Speaker) -> str | None:
        """"a spokesman for Save Ashford Hospital": a campaign or body the lookups do not know,
        whose name holds one they do; the name as written, not the hospital inside it."""
        start, end = self.speaker_span(head)
        written = self.text[start:end].strip()
        words = written.split()
        if len(words) < 2 or not inner.name or not words[0][:1].isupper() \
                or words[0].lower() in ("the", "a", "an") or self.in_quote(start):
            return None
        known = inner.name.lower().split()
        if words[0].lower() in known or written.lower() in inner.name.lower():
            return None
        if not any(w.lower() in written.lower().split() for w in known):
            return None  # the lookup found another name, not one inside this one
        return written

    def _bare_spokesperson(self, head: Token, before: int) -> _Speaker | None:
        for token in self._same_word_before(head, 5):
            if not self.in_quote(token.idx) and any(c.dep_ in ("poss", "prep")
                                                    for c in token.children):
                return self.resolve(token, before)
        return self.antecedent_organisation(head)

    def _spokesperson_before(self, pronoun: Token, want: str) -> Token | None:
        """"Tony Blair's official spokesman declined to say ... He said:": a spokesman or
        spokeswoman, or an unnamed post held by a person ("Our correspondent said ... he
        added"), that a sentence before is about is who "he" or "she" is, not the person named
        beside them. Up to three sentences back (a quotation's own sentences aside), while no
        sentence between names a person."""
        sent_start, looked, steps = pronoun.sent.start, 0, 0
        while sent_start > 0 and looked < 3 and steps < 12:
            prev = self.doc[sent_start - 1].sent
            sent_start, steps = prev.start, steps + 1
            if self.in_quote(prev.root.idx):
                continue
            looked += 1
            for subject in prev:
                if subject.dep_ == "nsubj" and not self.in_quote(subject.idx) and (
                        subject.head.i == prev.root.i or self.is_cue(
                            subject.head, self.finder.direct_cues, allow_particle=True)) \
                        and self._describes_speaker(subject, want):
                    return subject
            if any(kind == "person" and not self.in_quote(m_start) for m_start, _e, kind, _x
                   in self._mentions_overlapping(prev.start_char, prev.end_char)):
                return None
        return None

    def _describes_speaker(self, subject: Token, want: str) -> bool:
        word = subject.lower_
        if word == "spokesperson" or word == ("spokeswoman" if want == "f" else "spokesman"):
            return True
        holder = self._office_holder(subject)
        return holder is not None and self.gender(holder) in (None, want)

    def _statement_author(self, head: Token) -> _Speaker | None:
        """"the statement said": whoever "said in a statement" in the sentences before."""
        for token in self._same_word_before(head, 3):
            if token.head.dep_ == "prep":
                verb = token.head.head
                if self.is_cue(verb, self.finder.direct_cues, allow_particle=True):
                    subject = self.subject_of(verb)
                    if subject is not None and subject.lower_ != head.lower_:
                        return self.resolve(subject, subject.idx)
        return None

    def _same_word_before(self, head: Token, sentences: int, *, lemma: bool = False):
        """The earlier tokens of `head`'s word (lower case, or its lemma), nearest first, back
        to the start of the sentence `sentences` before `head`'s: where the text may have
        introduced what a bare "the statement", "the spokeswoman", "the article" stands for."""
        def word(token: Token) -> str:
            return token.lemma_.lower() if lemma else token.lower_

        first = self.token_at(self.sentence_start(head.idx, back=sentences)).i
        wanted = word(head)
        return (token for token in reversed(self.doc[first:head.i]) if word(token) == wanted)

    @staticmethod
    def _distinguished(head: Token) -> bool:
        # "the trust which runs Kings Mill": a description that sets it apart from the trust
        # named before, so the nearest "... Trust" is the wrong guess
        return any(c.dep_ in ("relcl", "acl", "prep") for c in head.rights)

    def antecedent_person(self, before: int, want: str):
        """The nearest compatible person named before: in the nearest sentence that names one,
        its subject if one of them is ("Mr Trump told Mr Pence ... He said" is Mr Trump), else
        the last named; but a person named there only as a passive's agent ("the money
        announced by Chancellor Jo Roe") yields to one who spoke as a subject in the three
        sentences before it."""
        best = best_subject = speaker = None
        best_sentence = speaker_sentence = -1
        best_oblique = False
        for index, (m_start, _end, kind, entity) in enumerate(self._mentions):
            if m_start >= before:
                break
            if kind != "person" or self.in_quote(m_start):
                continue
            gender = self.gender(entity)
            if gender is not None and gender != want:
                continue
            sentence, best_oblique, topic, speaks = self._mention_roles(index)
            if sentence != best_sentence:
                best_sentence, best_subject = sentence, None
            best = entity
            if topic:
                best_subject = best_subject or entity
            if speaks:
                speaker, speaker_sentence = entity, sentence
        if best_subject is None and best_oblique and speaker is not None \
                and speaker is not best and best_sentence - speaker_sentence <= 3:
            return speaker
        return best_subject or best

    def _mention_roles(self, index: int) -> tuple[int, bool, bool, bool]:
        """(sentence, oblique, topic, speaks) of the mention self._mentions[index], worked out
        once per document (antecedent_person goes over every earlier mention for each pronoun).
        oblique: a name only as the agent of a passive ("announced by Chancellor Jo Roe");
        topic and speaks: see _subject_roles."""
        roles = self._roles.get(index)
        if roles is None:
            m_start, m_end = self._mentions[index][:2]
            head = _phrase_head(self.token_at(max(m_start, m_end - 1)))
            roles = (bisect.bisect_right(self.sent_starts, m_start),
                     head.dep_ == "pobj" and head.head.dep_ == "agent", *self._subject_roles(head))
            self._roles[index] = roles
        return roles

    def antecedent_organisation(self, pronoun: Token):
        """The organisation an "it" stands for: the subject of a sentence just before (which may
        describe the organisation without naming it), else the nearest organisation named."""
        sent = pronoun.sent
        seen = 0
        start = sent.start
        while start > 0 and seen < 2:
            prev_sent = self.doc[start - 1].sent
            start = prev_sent.start
            seen += 1
            for token in prev_sent:
                if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" \
                        and token.pos_ != "PRON" and not self.in_quote(token.idx):
                    found = self.entity_at(*self.speaker_span(token), token)
                    if found is not None and found[0] == "organisation" or (
                            found is None
                            and token.lemma_.lower() in self.finder.organisation_nouns):
                        return self.resolve(token, token.idx)
                    if found is None and token.lemma_.lower() in self.finder.document_nouns:
                        # "The petition says ... It also argues": the document, whose author
                        # speaks if the text names one (corpus/README: documents)
                        return self.resolve(token, token.idx)
        best = None
        for m_start, _end, kind, entity in self._mentions:
            if m_start >= pronoun.idx:
                break
            if kind == "organisation" and not self.in_quote(m_start):
                best = entity
        return _Speaker(best.name, best.name, organisation=best.id) if best else None

    def described_organisation(self, head: Token):
        """"the trust", "the union", "the county council": the organisation named before that
        the description fits best: its modifiers in the name ("county"), then the noun as the
        name's last word or the organisation's kind (a union for "the union"), then a name
        holding the noun anywhere; the nearest among equals."""
        noun = head.lemma_.lower()
        kinds = set(self.finder.noun_kinds.get(noun, []))
        name_words = {noun, head.lower_, *self.finder.noun_name_words.get(noun, [])}
        modifiers = [c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod")
                     and c.pos_ in ("NOUN", "ADJ", "PROPN")]
        best, best_rank = None, (False, 0, 0)
        described = set()  # "ABN Amro, the Netherlands' largest bank": the text says it is one
        # "Deutsche Bank" is a name, not a description
        named_head = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts)
        for m_start, _end, kind, entity in self._mentions:
            if m_start >= head.idx:
                break
            if kind != "organisation" or self.in_quote(m_start):
                continue
            words = entity.name.lower().replace("’", "'").split()
            if [w for w in words if w != "the"] == [noun]:
                continue  # an "organisation" named just "College" is the description itself
            if not named_head and self._described_as(m_start, _end, noun):
                described.add(id(entity))
            fits = 2 if (words and words[-1] in name_words) or getattr(
                entity, "kind", None) in kinds else 1 if name_words & set(words) else 0
            if fits and getattr(entity, "kind", None) in kinds and name_words & set(words):
                fits = 3  # "the college": Imperial College London, more than another university
            if not fits and id(entity) not in described:
                continue
            matched = sum(any(w.startswith(m) for w in words) for m in modifiers)
            rank = (id(entity) in described, matched, fits)
            if rank >= best_rank:
                best, best_rank = entity, rank
        if best is None and modifiers:
            # "the county council" in a lede, named in full further down
            for m_start, _end, kind, entity in self._mentions:
                words = entity.name.lower().split()
                if m_start > head.idx and kind == "organisation" and words \
                        and words[-1] in name_words \
                        and all(any(w.startswith(m) for w in words) for m in modifiers):
                    return entity
        return best

    def _described_as(self, start: int, end: int, noun: str) -> bool:
        """Whether the name at [start, end) is set beside the noun: "ABN Amro, the Netherlands'
        largest bank", "Dutch bank ABN Amro", "Imperial college"."""
        name = self.token_at(max(start, end - 1))
        while name.dep_ in ("compound", "flat") and name.head.i != name.i \
                and name.head.idx < end:
            name = name.head
        beside = [c for c in name.children if c.dep_ in ("appos", "compound")]
        if name.dep_ == "appos" or name.dep_ == "compound" and name.head.i == name.i + 1:
            beside.append(name.head)  # "X, the largest bank", "members at Imperial college"
        return any(t.lemma_.lower() == noun and t.pos_ == "NOUN" for t in beside)

    # -- cues ---------------------------------------------------------------------------------

    def is_cue(self, token: Token, lemmas: frozenset, *, allow_particle: bool) -> bool:
        """Whether `token` is a cue among `lemmas`. `allow_particle`: whether a verb of
        `particle_direct` ("shot back", "as she put it") counts, with its particle or object
        right after it. Those verbs introduce a quotation (direct cues), never a reported
        clause, so the lookups for a quotation's cue allow them and reported speech does not."""
        if token.lower_ == "according":
            return token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to"
        lemma = token.lemma_.lower()
        if allow_particle and lemma in self.finder.particle_cues and token.pos_ == "VERB":
            words = self.finder.particle_cues[lemma]
            return any(c.lower_ in words and c.dep_ in ("prt", "dobj", "advmod")
                       and c.i == token.i + 1 for c in token.children)
        # a participle only with an auxiliary or, misparsed for a past tense, its own subject
        # ("Trump boasted, ...")
        return token.pos_ in ("VERB", "AUX") and lemma in lemmas \
            and token.tag_ != "VBN" or (token.tag_ == "VBN" and lemma in lemmas
                                         and any(c.dep_ in ("aux", "nsubj")
                                                 for c in token.children))

    def cue_text(self, verb: Token) -> str:
        if verb.lower_ == "according":
            return self.text[verb.idx:self.doc[verb.i + 1].idx + len(self.doc[verb.i + 1])]
        nxt = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.text == ":" and nxt.idx == verb.idx + len(verb):
            return verb.text + ":"
        return verb.text

    def cues_between(self, start: int, end: int) -> list[Token]:
        if end <= start:
            return []
        first = self.token_at(start)
        tokens = self.doc[first.i:]
        found = []
        for token in tokens:
            if token.idx >= end:
                break
            if token.idx >= start and not self.in_quote(token.idx) \
                    and self.is_cue(token, self.finder.direct_cues, allow_particle=True) \
                    and not self._noun_infinitive(token):
                found.append(token)
        return found

    @staticmethod
    def _noun_infinitive(verb: Token) -> bool:
        """"a willingness to maintain good relations", "plans to announce cuts": an infinitive
        hung on a noun names an act, no one's speech."""
        return verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.pos_ == "NOUN" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)

    # -- the quotes -----------------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        found: list[_Found] = []
        direct = self.direct_quotes()
        found.extend(direct)
        found.extend(self.reported_speech(direct))
        found.sort(key=lambda f: (f.start, f.kind))
        return [Quote(id=f"q{i}", kind=f.kind, text=self.text[f.start:f.end], start=f.start,
                      end=f.end, paragraphs=f.paragraphs,
                      speaker=f.speaker.record(self.finder.inverted_cues) if f.speaker else None, cue=f.cue)
                for i, f in enumerate(found, 1)]

    def merged_spans(self) -> list[list[QuoteSpan]]:
        """Quote spans grouped so a split quote ("X," she said, "Y") is one group."""
        groups: list[list[QuoteSpan]] = []
        for span in self.spans:
            if groups:
                last = groups[-1][-1]
                gap = self.text[last.close_end:span.open_at]
                same_para = self.paragraph_of(last.end) == self.paragraph_of(span.start)
                first_text = self.text[last.start:last.end].rstrip()
                interrupted = first_text.endswith(",") or gap.lstrip().startswith(",")
                # the gap is one cue clause: ", she said, " / ", said Ms Akhtar. "
                clause = gap.strip(" ,.:;\u00a0")
                one_clause = "\n" not in gap and not any(
                    clause[k] in ".!?" and clause[k + 1:k + 3].strip()[:1].isupper()
                    for k in range(len(clause) - 1))
                own_cue = self.cues_between(
                    span.close_end, self.sentence_end(min(span.close_end, len(self.text) - 1)))
                if same_para and interrupted and one_clause and len(gap) < 100 and \
                        gap.rstrip()[-1:] in ",.:" and not own_cue and \
                        self.cues_between(last.close_end, span.open_at):
                    groups[-1].append(span)
                    continue
            groups.append([span])
        return groups

    def direct_quotes(self) -> list[_Found]:
        out: list[_Found] = []
        for group in self.merged_spans():
            first, last = group[0], group[-1]
            content = self.text[first.start:last.end]
            para = self.paragraph_of(first.open_at)
            p_start, p_end = self.paragraphs[para]
            sent_start = max(self.sentence_start(first.open_at), p_start)
            lead = self.text[sent_start:first.open_at]
            # A quote inside a sentence that started in an earlier quote: the lead is this
            # paragraph's text since the last quote closed.
            lead_stripped = lead.strip()
            after_end = self.sentence_end(max(last.close_end - 1, last.start))
            # "...the term 'bed blocking,'": the comma inside a nested quote counts too
            last_char = content.rstrip().rstrip("'’\"”")[-1:]
            if last_char in ",?!—-" or self.text[last.close_end:last.close_end + 1] == ",":
                # “...,” she said: the sentence goes on after the mark, wherever the
                # sentence splitter put its boundary
                resume = last.close_end
                while resume < p_end - 1 and self.text[resume].isspace():
                    resume += 1
                after_end = max(after_end, self.sentence_end(min(resume, p_end - 1)))
            next_quote = bisect.bisect_left(self.quoted_starts, last.close_end)
            if next_quote < len(self.quoted_starts):
                after_end = min(after_end, self.quoted_starts[next_quote])
            after_end = min(max(after_end, last.close_end), p_end)
            tail = self.text[last.close_end:after_end]
            words = len(content.split())
            ends_clause = last_char in ".,!?…:;—-" or tail.lstrip()[:1] in ",.!?"
            lead_cues = self.cues_between(sent_start, first.open_at)
            after_cue = self.text[lead_cues[-1].idx + len(lead_cues[-1]):first.open_at].strip(
                " ,:\u00a0") if lead_cues else ""
            lead_ends_with_cue = bool(lead_cues) and not after_cue
            # "X said that “We are proud of ... .”": a whole sentence after the cue and "that"
            # ("told Felix that “...”": the person told may stand between)
            between_cue = after_cue.lower().removesuffix("that").split()
            cue_that = bool(lead_cues) and lead_stripped.lower().endswith(" that") and (
                not between_cue or lead_cues[-1].lemma_.lower() == "tell"
                and len(between_cue) <= 3) and content[:1].isupper() and words >= 4 and (
                    last_char in ".!?" or tail.strip()[:1] in (".", "")) and first.closed
            whole_sentence = self._whole_sentence_after_cue(
                lead_cues[-1] if lead_cues else None, first, last, words, last_char, tail)
            is_direct = (len(group) > 1 or first.paragraphs > 1 or not lead_stripped or cue_that
                         or whole_sentence or lead_stripped.endswith(":")
                         or (lead_ends_with_cue and content[:1].isupper())
                         or (lead_stripped.endswith(",") and content[:1].isupper()
                             and words >= 3)) and (ends_clause or words >= 4)
            kind = "direct" if is_direct else "partial"
            if len(group) == 1 and first.paragraphs == 1 and _looks_like_title(content):
                continue
            cue_token = None
            gap_cues = [c for a, b in zip(group, group[1:], strict=False)
                        for c in self.cues_between(a.close_end, b.open_at)]
            tail_cues = self.cues_between(last.close_end, after_end)
            if gap_cues:
                cue_token = gap_cues[0]
            elif kind == "partial":
                cue_token = self._governing_cue(first.start)
                if cue_token is None:
                    sent_cues = lead_cues + tail_cues
                    cue_token = lead_cues[-1] if lead_cues else (
                        sent_cues[0] if sent_cues else None)
            elif tail_cues and (not lead_cues or not lead_stripped.endswith(":")
                                or self._cue_follows(last_char, last.close_end, tail_cues[0])):
                # "X declared: “...,” she said": the cue right after a quote ending in a comma
                # is its own
                cue_token = tail_cues[0]
            elif lead_cues:
                cue_token = lead_cues[-1]
            elif not lead_stripped and para > 0:
                # "She said:" as its own paragraph, the quote in the next
                prev_start, prev_end = self.paragraphs[para - 1]
                if self.text[prev_start:prev_end].rstrip().endswith(":"):
                    cues = self.cues_between(self.sentence_start(prev_end - 1), prev_end)
                    cue_token = cues[-1] if cues else None
            speaker = None
            cue = None
            if cue_token is not None:
                subject = self.subject_of(cue_token)
                cue = self.cue_text(cue_token)
                if subject is not None and self._vague(subject):
                    speaker = self.unnamed(subject)
                elif subject is not None:
                    speaker = self.resolve(subject, first.open_at)
            if kind == "partial" and cue_token is None:
                enclosing = self._enclosing_reported(first.open_at)
                if enclosing is None:
                    continue  # scare quotes or a title, not speech
                cue, speaker = enclosing
            if kind == "direct" and speaker is None and cue_token is None:
                speaker = self._dash_attribution(self.text[last.close_end:p_end])
            if kind == "direct" and speaker is None and cue_token is None:
                speaker = self._signature_line(last.close_end)
                if speaker is None and self._pull_quote(first.open_at, last.close_end):
                    continue  # the page's pull quote, not someone's words
            if kind == "direct" and speaker is None and cue_token is None \
                    and lead_stripped.endswith(":"):
                speaker = self._colon_attribution(sent_start + len(lead.rstrip()) - 1)
            if kind == "direct" and speaker is None:
                speaker = self.previous_speaker(out, first.open_at)
            out.append(_Found(kind, first.start, last.end,
                              paragraphs=sum(s.paragraphs for s in group) - len(group) + 1
                              if len(group) > 1 else first.paragraphs,
                              speaker=speaker, cue=cue))
        return out

    def _whole_sentence_after_cue(self, cue: Token | None, first: QuoteSpan, last: QuoteSpan,
                                  words: int, last_char: str, tail: str) -> bool:
        """`said “we will address this in due course.”`: a whole sentence quoted right after a
        speech verb (the person told may stand between, a markdown link around either) is
        direct, capital or not (corpus/README); `said “the costs ...”, and that ...`, a clause
        the narration goes on from, is not. (`words`, `last_char`: the quote's word count and
        last character, nested closing marks aside.)"""
        if cue is None or not first.closed or not last.closed or words < 5:
            return False
        if last_char not in (".", "!", "?"):
            return False
        unlinked_tail = _LINK_REST.sub("", tail).strip()
        if unlinked_tail not in ("", "."):
            return False
        between = _LINK_REST.sub("", self.text[cue.idx + len(cue):first.open_at])
        between = between.replace("[", " ").replace("]", " ").strip(" ,:\u00a0").split()
        return not between or cue.lemma_.lower() == "tell" and len(between) <= 3

    def _dash_attribution(self, tail: str) -> _Speaker | None:
        """“...” ― Pamela Padilla: a name after a dash signs the quote."""
        stripped = tail.lstrip()
        if not stripped[:1] or stripped[0] not in "―—–-":
            return None
        name = stripped.lstrip("―—–- ").split(",")[0].strip().rstrip(".")
        words = name.split()
        if 1 < len(words) <= 5 and all(w[:1].isupper() for w in words):
            # the entity of that name, else one whose name holds it
            for _s, _e, kind, entity in sorted(self._mentions, key=lambda m: m[3].name != name):
                if entity.name == name or name in entity.name:
                    return _Speaker(name, entity.name,
                                    person=entity.id if kind == "person" else None,
                                    organisation=entity.id if kind == "organisation" else None)
            return _Speaker(name, name)
        return None

    def _pull_quote(self, open_at: int, close_end: int) -> bool:
        """"> “Some expressed concern about ...”": a markdown blockquote that is nothing but a
        quote, with no cue and no signature, is the page's pull quote."""
        p_start, p_end = self.paragraphs[self.paragraph_of(open_at)]
        return self.text[p_start:open_at].strip() == ">" and not self.text[
            close_end:p_end].strip(" .")

    def _signature_line(self, close_end: int) -> _Speaker | None:
        """A markdown blockquote signed on its next line ("> “...”" then "> Jane Roe"): the
        name on that line speaks."""
        para = self.paragraph_of(close_end - 1)
        p_start, p_end = self.paragraphs[para]
        if not self.text[p_start:p_end].lstrip().startswith(">") \
                or self.text[close_end:p_end].strip() or para + 1 >= len(self.paragraphs):
            return None
        n_start, n_end = self.paragraphs[para + 1]
        line = self.text[n_start:n_end].strip()
        if not line.startswith(">"):
            return None
        name = line.lstrip("> ").strip()
        words = name.split()
        if 1 <= len(words) <= 6 and name[:1].isupper() and not any(
                c in name for c in "“”\".!?:;") and all(
                w[:1].isupper() or w in ("of", "for", "and", "&", "the", "de")
                for w in words):
            return self._dash_attribution("— " + name) or _Speaker(name, name)
        return None

    def _cue_follows(self, last_char: str, close_end: int, cue: Token) -> bool:
        """“...,” she said / “...,” said the mayor: a cue within a few words of the mark
        (`last_char`: the quote's last character, nested closing marks aside)."""
        if last_char not in ",?!":
            return False
        between = self.text[close_end:cue.idx].split()
        return len(between) <= 3 and not any(w[-1:] in ".!?" for w in between)

    def _colon_attribution(self, colon: int) -> _Speaker | None:
        """"Rep. Jane Roe (D-Ohio): “...”", "A familiar voice celebrated the attack online:
        “...”": a name right before the colon, else the subject of the clause it ends."""
        token = self.token_at(colon)
        if not token.text.endswith(":"):
            return None
        before = token.i - 1 if token.text == ":" else token.i  # "):" may be one token
        if before >= 0 and self.doc[before].text.startswith(")"):  # "(D-Ohio)"
            while before > 0 and self.doc[before].text != "(" and token.i - before < 12:
                before -= 1
            before -= 1
        if before >= 0 and self.doc[before].ent_type_ in ("PERSON", "ORG") \
                and not self.in_quote(self.doc[before].idx):
            return self.resolve(self.doc[before], token.idx)
        verb = token.head
        while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX") \
                and not self.in_quote(verb.head.idx):
            verb = verb.head
        if verb.i > token.i or self.in_quote(verb.idx):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and _may_speak(c)
                        and not self.in_quote(c.idx) and c.lower_ not in _FIRST_PERSON), None)
        return self.resolve(subject, token.idx) if subject is not None else None

    def _governing_cue(self, char: int) -> Token | None:
        """The cue a partial quote hangs on; in "X said the BMA had announced it 'to
        coincide with ...'" the outer speech verb, since X's words are being quoted."""
        found = None
        for ancestor in self.token_at(char).ancestors:
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in ancestor.children):
                continue  # "the cuts trusts have been asked to make": the asked do not speak
            if not self.in_quote(ancestor.idx) \
                    and self.is_cue(ancestor, self.finder.direct_cues, allow_particle=True):
                if found is not None and (found.dep_ == "conj" and any(
                        c.dep_ == "nsubj" for c in found.children) or not (
                        ancestor.lemma_.lower() in ("say", "tell")
                        and ancestor.sent == found.sent)):
                    break  # "X said ... but he said that 'Y'": the nearer cue is its own
                found = ancestor
        return found

    def _enclosing_reported(self, char: int):
        token = self.token_at(char)
        for ancestor in token.ancestors:
            if self.is_cue(ancestor, self.finder.direct_cues, allow_particle=True):
                subject = self.subject_of(ancestor)
                if subject is not None:
                    return self.cue_text(ancestor), self.resolve(subject, char)
        return None

    def previous_speaker(self, found: list[_Found], char: int) -> _Speaker | None:
        """A quote with no cue continues the speaker of the quote or reported speech just
        before it (in this paragraph or the two before)."""
        para = self.paragraph_of(char)
        for earlier in reversed(found):
            if earlier.speaker is not None and para - self.paragraph_of(earlier.end) <= 2:
                candidate = earlier
                break
        else:
            candidate = None
        # reported speech in the preceding sentences may be nearer than the last quote
        window_start = self.paragraphs[max(0, para - 1)][0]
        if candidate is not None:
            window_start = max(window_start, candidate.end)
        cues = self.finder.all_cues
        for token in reversed(self.doc[self.token_at(window_start).i:self.token_at(char).i]):
            if token.idx < window_start:
                break
            # "He didn't suggest retaliation." reports no speech, nor does a bare verb ("the
            # NHS needed to create ... rather than respond to ill health")
            if not self.in_quote(token.idx) and self.is_cue(token, cues, allow_particle=True) \
                    and not any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in
                                _BACKGROUND_MARKS for c in token.children) \
                    and (token.tag_ != "VB" or any(c.dep_ == "nsubj" for c in token.children)):
                subject = self.subject_of(token)
                if subject is not None and not self._vague(subject):
                    return self.resolve(subject, char)
        return candidate.speaker if candidate is not None else None

    def reported_speech(self, direct: list[_Found]) -> list[_Found]:
        out: list[_Found] = []
        covered_until = -1
        cues = self.finder.reported_cues | {"according"}  # once, not per token
        for token in self.doc:
            if token.idx < covered_until or self.in_quote(token.idx):
                continue
            if not self.is_cue(token, cues, allow_particle=False) or self._unsaid(token):
                continue
            para_start, para_end = self.paragraphs[self.paragraph_of(token.idx)]
            if token.lower_ == "according":
                content = self._according_content(token)
            else:
                content = self._reported_clause(token, para_start, para_end)
            if content is None:
                continue
            start, end = content
            if self.in_quote(start) or len(self.text[start:end].split()) < 2:
                continue  # the clause is a direct quote, found already
            subject = self.subject_of(token)
            if subject is None or subject.lower_ in _FIRST_PERSON:
                continue
            speaker = self.unnamed(subject) if self._vague(subject) else self.resolve(subject,
                                                                                       start)
            out.append(_Found("indirect", start, end, speaker=speaker, cue=self.cue_text(token)))
            covered_until = max(covered_until, end) if start > token.idx else covered_until
        return out

    def _unsaid(self, cue: Token) -> bool:
        """"did not say where ...", "declined to say whether ...": a speech act denied or
        refused reports nothing."""
        if any(c.dep_ == "neg" for c in cue.children):
            return True
        return cue.dep_ == "xcomp" and (cue.head.lemma_.lower() in self.finder.refusal_verbs
                                        or any(c.dep_ == "neg" for c in cue.head.children))

    def _reported_clause(self, cue: Token, para_start: int, para_end: int):
        """(start, end) of what the cue reports: its clausal complement, without "that"; for
        a cue after its content ("..., the trust said."), the clause it comments on."""
        # a clause with a verb: not the small clause of "declared itself bankrupt"
        clauses = [c for c in cue.children if c.dep_ == "ccomp" and para_start <= c.idx < para_end
                   and c.pos_ in ("VERB", "AUX")]
        clauses.sort(key=lambda c: (c.i < cue.i, abs(c.i - cue.i)))
        misread = self._object_read_for_subject(cue, clauses[0] if clauses else None)
        if clauses:
            clause = clauses[0]
            first, last = clause.left_edge, clause.right_edge
            if first.i < cue.i < clause.i:
                # "pay, which the union says has fallen": the content follows the cue
                first = self.doc[cue.i + 1]
            if misread is not None:
                first = misread.left_edge
        elif misread is not None and para_start <= misread.idx < para_end:
            first, last = misread.left_edge, misread.right_edge
        elif cue.dep_ == "parataxis" and cue.head.i < cue.i and cue.head.dep_ == "ROOT" \
                and any(c.dep_ == "nsubj" for c in cue.children):
            # "Most patients waited, the trust said, ...": the main clause up to the cue's phrase
            first = cue.head.left_edge
            last = self.doc[cue.left_edge.i - 1] if cue.left_edge.i > first.i else first
        else:
            return None
        while first.i < last.i and (first.dep_ == "mark" and first.lower_ in
                                    ("that", "whether", "if") or first.is_punct
                                    or first.is_space):
            first = self.doc[first.i + 1]
        first = self._after_lead_modifier(first, last)
        last = self._before_next_report(first, last)
        while last.i > first.i and (last.is_punct or last.is_space):
            last = self.doc[last.i - 1]
        start, end = max(first.idx, para_start), min(last.idx + len(last), para_end)
        return (start, end) if end > start else None

    def _after_lead_modifier(self, first: Token, last: Token) -> Token:
        """"said earlier this month it would ...", "Instead, the new law could help, he
        argued": a time phrase or a linking adverb opening the clause, before its subject,
        belongs to the narration (when the cue was spoken, how the text goes on), not to the
        words reported."""
        if first.dep_ == "advmod" and first.pos_ == "ADV" and first.i + 1 <= last.i \
                and self.doc[first.i + 1].text == "," and first.i == first.sent.start:
            after = self.doc[first.i + 2] if first.i + 2 <= last.i else None
        elif first.ent_type_ in ("DATE", "TIME"):
            phrase = first
            while phrase.head.ent_type_ in ("DATE", "TIME") and phrase.head.i != phrase.i:
                phrase = phrase.head  # "earlier this month": up to the phrase's head
            if phrase.dep_ not in ("npadvmod", "advmod") or phrase.right_edge.i >= last.i:
                return first
            after = self.doc[phrase.right_edge.i + 1]
        else:
            return first
        if after is None or after.dep_ not in ("nsubj", "nsubjpass", "det", "compound",
                                              "amod", "poss"):
            return first  # only when the clause's subject comes next
        return after

    def _before_next_report(self, first: Token, last: Token) -> Token:
        """The clause stops where the speaker goes on to report something else, at a comma
        before a participle cue (", adding that ..."): that is reported on its own."""
        for token in self.doc[first.i + 1:last.i + 1]:
            if token.tag_ != "VBG" or token.dep_ not in ("advcl", "conj") \
                    or self.in_quote(token.idx) or self.doc[token.i - 1].text != "," \
                    or not self.is_cue(token, self.finder.reported_cues, allow_particle=False):
                continue
            end = token.i - 1
            while end > first.i and (self.doc[end].is_punct or self.doc[end].is_space):
                end -= 1
            return self.doc[end]
        return last

    def _object_read_for_subject(self, cue: Token, clause: Token | None) -> Token | None:
        """"said the public needed reassurance", "said the new laws, due to start soon, could
        help": after a cue that takes a clause, never a plain object, the parser may take the
        clause's subject for the cue's object. That object, when the clause has no subject of
        its own (or, with no clause, when the clause's verb hangs on the object as a
        modifier)."""
        if cue.lemma_.lower() not in self.finder.clause_only_cues \
                or any(c.dep_ == "prep" and c.lower_ == "to" for c in cue.children):
            return None  # "added the figures to the report" is no speech
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i
                    and c.pos_ in ("NOUN", "PROPN") and not self.in_quote(c.idx)), None)
        if obj is None or obj.right_edge.i - obj.left_edge.i < 2:
            return None
        if clause is not None:
            if clause.i < obj.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl")
                                       for c in clause.children):
                return None
            return obj
        # the clause's own verb, misread as a modifier ("the public needed reassurance", "the
        # targets intended to ..."); a relative clause ("the figures she had collected") is not
        misread_verb = any(c.dep_ in ("amod", "acl") and c.pos_ == "VERB"
                           and c.tag_ in ("VBD", "VBN", "VBZ", "VBP") for c in obj.children)
        return obj if misread_verb else None

    def _according_content(self, according: Token) -> tuple[int, int] | None:
        sent = according.sent
        phrase = (according.left_edge.i, according.right_edge.i)
        left = self.doc[sent.start:phrase[0]]
        right = self.doc[phrase[1] + 1:sent.end]
        part = right if len(right.text.strip(" ,.\n")) > len(left.text.strip(" ,.\n")) else left
        tokens = [t for t in part if not (t.is_punct or t.is_space)]
        if len(tokens) < 3:
            return None
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


_TITLE_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "with"}


def _looks_like_title(content: str) -> bool:
    """“Fox News Sunday”, “Not Fit To Serve As President.”: every word capitalised is a
    programme, a book or a headline, not speech."""
    words = [w for w in content.strip(" ,.!?:;").split() if w[:1].isalpha()]
    # "Welfare and Communities Officer": a title keeps its short words in lower case
    if not words or not words[0][:1].isupper() or len(words) > 20 or not all(
            w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words) or sum(
            w[:1].isupper() for w in words) < 2 and len(words) > 1:
        return False
    return len(words) >= 2 or not content.rstrip().endswith(("!", "?", "."))


@dataclass
class _BareEntity:
    id: str | None
    name: str
    mentions: list = field(default_factory=list)


def quote_spans(doc_or_text: Doc | Span | str) -> list[tuple[int, int]]:
    """(start, end) of the quoted content in a text: a convenience for benchmarks."""
    text = doc_or_text if isinstance(doc_or_text, str) else doc_or_text.text
    return [(s.start, s.end) for s in scan_quote_marks(text)]
