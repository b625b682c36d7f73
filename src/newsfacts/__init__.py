"""newsfacts: checkable facts (people, organisations, counts, quotes, dates) from news articles."""

from newsfacts.extractor import Extractor, extract_text, record_from_doc
from newsfacts.records import SCHEMA_VERSION, ArticleRecord, ErrorRecord, record_json_schema
from newsfacts.sources import Article, SourceError, read_path

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Article", "ArticleRecord", "ErrorRecord", "Extractor", "SourceError",
           "extract_text", "read_path", "record_from_doc", "record_json_schema", "__version__"]
