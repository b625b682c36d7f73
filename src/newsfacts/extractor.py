"""From articles to records: the library's entry points.

    >>> import newsfacts
    >>> record = newsfacts.extract_text("Around 380 people ...", published="2016-01-12")
    >>> extractor = newsfacts.Extractor()
    >>> for result in extractor.extract_articles(articles): ...
"""

from __future__ import annotations

import datetime as dt
import hashlib
import traceback
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.doctext import doc_text
from newsfacts.pipeline import build_pipeline
from newsfacts.records import ArticleRecord, ErrorRecord, ErrorSource, Source
from newsfacts.sources import Article, SourceError, parse_published

DEFAULT_BATCH_SIZE = 32


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def record_from_doc(doc: Doc, article: Article) -> ArticleRecord:
    return ArticleRecord(
        article_id=article_id(article.text),
        source=Source(path=article.path, sha256=article.sha256, format=article.format),
        title=article.title,
        published=article.published.isoformat() if article.published else None,
        published_from=article.published_from if article.published else None,
        text=doc_text(doc),
        people=doc._.people or [],
        organisations=doc._.organisations or [],
        places=doc._.places or [],
        counts=doc._.counts or [],
        quotes=doc._.quotes or [],
        dates=doc._.dates or [],
        consistency=doc._.consistency or [],
        warnings=[*article.warnings, *(doc._.warnings or [])],
    )


def error_record(key_or_path: str | None, code: str, message: str, sha256: str | None = None) -> ErrorRecord:
    return ErrorRecord(source=ErrorSource(path=key_or_path, sha256=sha256), error=code, message=message)


class Extractor:
    """A spaCy pipeline built once, turning articles into records in batches."""

    def __init__(self, model: str | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 nlp: Language | None = None):
        self.nlp = nlp if nlp is not None else build_pipeline(model)
        self.batch_size = batch_size

    def _make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published
        return doc

    def extract(self, article: Article) -> ArticleRecord:
        doc = self.nlp(self._make_doc(article))
        return record_from_doc(doc, article)

    def extract_articles(self, items: Iterable[Article | SourceError]) -> Iterator[ArticleRecord | ErrorRecord]:
        """One result per item, in order. Input errors pass through as error records; an article
        that makes the pipeline fail becomes an error record without stopping the others."""
        for _, result in self.extract_pairs(items):
            yield result

    def extract_pairs(self, items: Iterable[Article | SourceError]
                      ) -> Iterator[tuple[Article | SourceError, ArticleRecord | ErrorRecord]]:
        """(item, result) for each item, in order."""
        batch: list[Article | SourceError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article | SourceError]
                   ) -> Iterator[tuple[Article | SourceError, ArticleRecord | ErrorRecord]]:
        results: dict[int, ArticleRecord | ErrorRecord] = {}
        articles = []
        for item in batch:
            if isinstance(item, Article) and len(item.text) > self.nlp.max_length:
                results[id(item)] = error_record(
                    item.key, "too_large", f"the article text is {len(item.text):,} characters, over "
                    f"the pipeline's limit of {self.nlp.max_length:,}", item.sha256)
            elif isinstance(item, Article):
                articles.append(item)
        try:
            docs = list(self.nlp.pipe(self._make_doc(a) for a in articles))
            for article, doc in zip(articles, docs, strict=True):
                results[id(article)] = self._safe_record(doc, article)
        except Exception:  # one bad article must not cost the batch: redo them one by one
            for article in articles:
                try:
                    results[id(article)] = self.extract(article)
                except Exception as exc:
                    results[id(article)] = _internal_error(article, exc)
        for item in batch:
            if isinstance(item, SourceError):
                yield item, error_record(item.key, item.code, item.message, item.sha256)
            else:
                yield item, results[id(item)]

    @staticmethod
    def _safe_record(doc: Doc, article: Article) -> ArticleRecord | ErrorRecord:
        try:
            return record_from_doc(doc, article)
        except Exception as exc:
            return _internal_error(article, exc)


def _internal_error(article: Article, exc: Exception) -> ErrorRecord:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    return error_record(article.key, "internal",
                        f"newsfacts failed on this article ({type(exc).__name__}: {exc}{where}); "
                        "please report it with the file", article.sha256)


@cache
def default_extractor(model: str | None = None) -> Extractor:
    return Extractor(model)


def extract_text(text: str, published: str | dt.date | None = None, *, title: str | None = None,
                 model: str | None = None) -> ArticleRecord:
    """The record for one article's text. `published` (a date or "YYYY-MM-DD") anchors
    relative dates; without it they get value null."""
    published_date = parse_published(published)
    article = Article(text=text, title=title, published=published_date,
                      published_from="option" if published_date else None, format="text")
    return default_extractor(model).extract(article)
