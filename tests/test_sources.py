"""Reading inputs: formats, titles, publication dates, decoding and the error codes."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from newsfacts import runner
from newsfacts.sources import Article, SourceError, decode_bytes, iter_input_files, parse_published, read_path


def _one(path) -> Article:
    (item,) = list(read_path(path))
    assert isinstance(item, Article)
    return item


def test_text_file_title_when_blank_line_follows(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Strike hits hospitals\n\nAround 380 people had appointments called off.\n")
    article = _one(path)
    assert article.title == "Strike hits hospitals"
    assert article.text == "Around 380 people had appointments called off."
    assert article.format == "text" and article.published is None


def test_text_file_without_title_keeps_every_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("First paragraph.\nSecond paragraph.\n")
    article = _one(path)
    assert article.title is None
    assert article.text == "First paragraph.\nSecond paragraph."


@pytest.mark.parametrize("key", ["date", "published", "publicationDate", "pubDate"])
def test_markdown_front_matter_date_fields(tmp_path, key):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: >\n  Council cuts\n{key}: \"2019-03-14 21:22:46 +0000\"\n---\nBody text here.\n")
    article = _one(path)
    assert article.title == "Council cuts"
    assert article.published == dt.date(2019, 3, 14)
    assert article.published_from == "front_matter"
    assert article.text == "Body text here."


def test_a_published_flag_is_not_taken_for_a_date(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\npublished: true\ndate: 2014-05-02\n---\nBody.\n")
    article = _one(path)
    assert article.published == dt.date(2014, 5, 2)


def test_markdown_with_bad_yaml_is_a_parse_error(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody.\n")
    with pytest.raises(SourceError) as info:
        list(read_path(path))
    assert info.value.code == "parse_error"


def test_json_and_jsonl_articles(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "T", "body": "Some text.", "pubDate": "2020-02-03"}))
    article = _one(path)
    assert (article.text, article.title, article.published, article.published_from) == (
        "Some text.", "T", dt.date(2020, 2, 3), "json")

    lines = tmp_path / "many.jsonl"
    lines.write_text("\n".join([json.dumps({"text": "One."}), "{not json", json.dumps({"content": "Three."}),
                                json.dumps({"title": "no text"})]) + "\n")
    items = list(read_path(lines))
    assert [type(i).__name__ for i in items] == ["Article", "SourceError", "Article", "SourceError"]
    assert items[1].code == "parse_error" and "line 2" in items[1].message
    assert items[0].key.endswith("#1") and items[2].key.endswith("#3")


def test_html_main_text_title_and_date(tmp_path):
    path = tmp_path / "a.html"
    body = " ".join(["Around 380 people had appointments or surgery called off at both hospitals."] * 4)
    path.write_text(
        "<html><head><title>Strike hits Nottingham</title>"
        '<meta property="article:published_time" content="2016-01-12T09:00:00Z">'
        '<script src="http://example.invalid/x.js"></script></head>'
        f"<body><nav>Home | News</nav><article><h1>Strike hits Nottingham</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Cookie policy</footer></body></html>")
    article = _one(path)
    assert "Around 380 people" in article.text and "Cookie policy" not in article.text
    assert article.title == "Strike hits Nottingham"
    assert article.published == dt.date(2016, 1, 12) and article.published_from == "html"


def test_latin1_file_decodes_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("The scheme costs \xa35m, said the caf\xe9 owner.".encode("latin-1"))
    article = _one(path)
    assert "£5m" in article.text and "café" in article.text
    assert any("not valid UTF-8" in w for w in article.warnings)


def test_error_codes(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "ctrl.txt").write_bytes(bytes(range(1, 9)) * 100)
    expected = {"empty.txt": "empty", "bin.txt": "binary", "big.txt": "too_large", "ctrl.txt": "not_text"}
    for name, code in expected.items():
        with pytest.raises(SourceError) as info:
            list(read_path(tmp_path / name, max_bytes=1000))
        assert info.value.code == code, name
        assert info.value.message


def test_decode_prefers_utf8_and_reads_bom():
    assert decode_bytes("Queen’s".encode()) == ("Queen’s", None)
    assert decode_bytes("\ufeffHello".encode("utf-8")) == ("Hello", None)
    assert decode_bytes("Hi there".encode("utf-16"))[0] == "Hi there"


def test_parse_published_formats():
    assert parse_published("2016-01-12") == dt.date(2016, 1, 12)
    assert parse_published(dt.datetime(2016, 1, 12, 8)) == dt.date(2016, 1, 12)
    assert parse_published("Tue, 12 Jan 2016 08:00:00 GMT") == dt.date(2016, 1, 12)
    assert parse_published(None) is None
    for bad in ("2016-13-45", "sometime soon"):
        with pytest.raises(ValueError):
            parse_published(bad)


def test_folder_walk_is_sorted_skips_gold_and_outside_symlinks(tmp_path):
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "b" / "2.txt").write_text("two")
    (root / "1.md").write_text("one")
    (root / "1.facts.json").write_text("{}")
    (root / "README.md").write_text("about")
    outside = tmp_path / "secret.txt"
    outside.write_text("do not read")
    (root / "link.txt").symlink_to(outside)
    (root / "inside-link.txt").symlink_to(root / "1.md")
    names = [p.relative_to(root).as_posix() for p in iter_input_files([root])]
    assert names == ["1.md", "b/2.txt", "inside-link.txt"]
    assert [p.name for p in iter_input_files([root], glob="*.txt")] == ["2.txt", "inside-link.txt"]


UTF16_ARTICLE = ("Ward closure\n\nThe trust said 14 beds on the ward would close from Monday, and "
                 "that patients had been moved to the city’s general hospital.\n")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_decodes(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff".encode(encoding) + UTF16_ARTICLE.encode(encoding))
    article = _one(path)
    assert article.title == "Ward closure"
    assert article.text == UTF16_ARTICLE.split("\n\n", 1)[1].strip()
    assert article.warnings == []


def test_utf16_text_in_another_script_still_decodes():
    text = "市议会周二表示，病房将于下周关闭。\n" * 6  # no ASCII letter, but line breaks
    assert decode_bytes("\ufeff".encode("utf-16-le") + text.encode("utf-16-le")) == (text, None)


def _bytes_that_decode_as_utf16(size: int, seed: int, byteorder: str = "little") -> bytes:
    """Random bytes, but never a lone surrogate: the junk that UTF-16 decoding alone lets through."""
    rng = random.Random(seed)
    units = []
    while len(units) < size // 2:
        unit = rng.randrange(0x10000)
        if not 0xD800 <= unit <= 0xDFFF:
            units.append(unit)
    data = b"".join(unit.to_bytes(2, byteorder) for unit in units)
    data.decode(f"utf-16-{byteorder[0]}e")  # the premise: a codec check alone would accept it
    return data


NOT_UTF16 = {
    "random": lambda byteorder: _bytes_that_decode_as_utf16(4000, 1, byteorder),
    "random-short": lambda byteorder: _bytes_that_decode_as_utf16(400, 2, byteorder),
    "utf8-after-mark": lambda _: (b"Police closed the road for six hours after the crash on the bypass, the "
                                  b"council said; two drivers were taken to hospital.\n"),
    # Pairs of ASCII letters are all CJK ideographs: nothing a text never has, but no ASCII either.
    "letters-after-mark": lambda _: b"thetrustsaidfourteenbedswouldcloseonmondayandpatientsweremoved" * 3,
    "nul": lambda _: b"\x00" * 300,
    "byte-ramp": lambda _: bytes(range(256)) * 4,
    "odd-length": lambda _: b"odd" * 11,
}


@pytest.mark.parametrize("junk", NOT_UTF16)
@pytest.mark.parametrize(("mark", "byteorder"), [(b"\xff\xfe", "little"), (b"\xfe\xff", "big")], ids=["le", "be"])
def test_a_utf16_mark_before_bytes_that_are_not_utf16_text_is_not_text(tmp_path, mark, byteorder, junk):
    path = tmp_path / "a.txt"
    path.write_bytes(mark + NOT_UTF16[junk](byteorder))
    with pytest.raises(SourceError) as info:
        list(read_path(path))
    assert info.value.code == "not_text"
    assert "UTF-16" in info.value.message and info.value.sha256


def test_a_bad_utf16_file_is_one_error_and_the_rest_of_the_batch_is_read(tmp_path, extractor):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The hospital said 12 nurses were off sick on Friday.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe" + _bytes_that_decode_as_utf16(2000, seed=3))
    (folder / "c.txt").write_bytes("\ufeff".encode("utf-16-be") + UTF16_ARTICLE.encode("utf-16-be"))
    items = list(runner.iter_articles([folder], runner.RunOptions()))
    results = [(Path(key).name, kind, json.loads(line))
               for key, kind, line in runner.extract_results(items, runner.RunOptions(), extractor)]
    assert [(name, kind) for name, kind, _ in results] == [("a.txt", "record"), ("b.txt", "error"),
                                                          ("c.txt", "record")]
    assert results[1][2]["error"] == "not_text"
    assert results[2][2]["title"] == "Ward closure" and "14 beds" in results[2][2]["text"]
