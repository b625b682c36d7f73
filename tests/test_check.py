"""newsfacts check: official figures against extracted counts.

The end-to-end tests run the real pipeline on the seed article (corpus/) and the real CLI; the
unit tests build small records by hand to pin down the checker's own matching and verdict rules."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.check import (
    FiguresError,
    GazetteerView,
    Tolerance,
    check_records,
    implied_range,
    judge,
    load_figures,
    measure_fit,
    parse_figures_csv,
    parse_period,
    parse_tolerance,
    rounding_unit,
)
from newsfacts.cli import app
from newsfacts.records import ArticleRecord, ConsistencyCheck, Count, Mention, Organisation, Source

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "nottingham-junior-doctors-strike.md"
EXAMPLE_FIGURES = REPO / "corpus" / "official-figures.csv"
SFH = "Sherwood Forest Hospitals NHS Foundation Trust"
NUH = "Nottingham University Hospitals NHS Trust"
HEADER = "organisation,measure,value,date,source\n"
NO_GAZETTEER = GazetteerView(None)


# ---------------------------------------------------------------------------------------------
# The hedge rule


def count(value, *, qualifier=None, approximate=False, low=None, high=None, head="patients", cid="c1",
          organisation=None, text=None, start=0, sentence="", part_of=None) -> Count:
    text = text or f"{qualifier + ' ' if qualifier else ''}{value} {head}"
    return Count(id=cid, text=text, start=start, end=start + len(text), value=value, low=low, high=high,
                 approximate=approximate, qualifier=qualifier, unit=head, head=head,
                 organisation=organisation, sentence=sentence or text, part_of=part_of)


@pytest.mark.parametrize(("value", "unit"), [(380, 10), (450, 10), (71, 1), (1000, 1000), (1_200_000, 100_000),
                                             (2.5, 0.1), (0, 1)])
def test_rounding_unit_is_the_last_significant_digit(value, unit):
    assert rounding_unit(value) == pytest.approx(unit)


@pytest.mark.parametrize(("hedged", "inside", "outside"), [
    (count(380, qualifier="around", approximate=True), [375, 380, 383, 384], [374, 385, 390]),
    (count(450, qualifier="around", approximate=True), [445, 451, 454], [444, 455]),
    (count(200, qualifier="hundreds of", approximate=True, low=200), [200, 380, 999], [199, 1000]),
    (count(40, qualifier="more than"), [41, 40.5, 10_000], [40, 39]),
    (count(40, qualifier="at least"), [40, 41], [39]),
    (count(40, qualifier="up to"), [0, 40], [41]),
    (count(40, qualifier="fewer than"), [39], [40, 41]),
    (count(380, qualifier="nearly", approximate=True), [375, 379, 380], [374, 381]),
    (count(25, low=20, high=30), [20, 25, 30], [19, 31]),
    (count(71), [71], [70, 72]),
    (count(450, approximate=True), [445, 454], [455]),  # approximate without a known qualifier: rounded
])
def test_implied_range_of_hedges(hedged, inside, outside):
    span = implied_range(hedged)
    assert all(span.contains(v) for v in inside), (span, inside)
    assert not any(span.contains(v) for v in outside), (span, outside)


def test_implied_range_reads_in_whole_numbers():
    assert implied_range(count(380, qualifier="around", approximate=True)).describe() == "375 to 384"
    assert implied_range(count(40, qualifier="more than")).describe() == "more than 40"
    assert implied_range(count(71)).describe() == "71"


@pytest.mark.parametrize(("article", "official", "verdict"), [
    (count(380, qualifier="Around", approximate=True), 380, "match"),
    (count(380, qualifier="around", approximate=True), 383, "within_tolerance"),
    (count(380, qualifier="around", approximate=True), 390, "mismatch"),
    (count(71), 71, "match"),
    (count(71), 72, "mismatch"),
    (count(200, qualifier="hundreds of", approximate=True, low=200), 200, "within_tolerance"),
    (count(40, qualifier="more than"), 40, "mismatch"),
    (count(40, qualifier="more than"), 57, "within_tolerance"),
])
def test_verdicts(article, official, verdict):
    assert judge(article.value, official, implied_range(article)) == verdict


def test_tolerance_widens_ranges_absolute_and_relative():
    exact = count(100)
    assert judge(100, 103, implied_range(exact)) == "mismatch"
    assert judge(100, 103, implied_range(exact), parse_tolerance("3")) == "within_tolerance"
    assert judge(100, 103, implied_range(exact), parse_tolerance("2%")) == "mismatch"
    assert judge(100, 102, implied_range(exact), parse_tolerance("2%")) == "within_tolerance"
    for bad in ("lots", "-1", "x%"):
        with pytest.raises(ValueError):
            parse_tolerance(bad)


def test_measures_are_compatible_through_head_nouns_and_synonyms():
    assert measure_fit("appointments cancelled", count(71, head="appointments")) == 0
    assert measure_fit("appointments cancelled", count(56, head="slots")) == 1
    assert measure_fit("operations cancelled", count(4, head="operations")) == 0
    assert measure_fit("patients affected", count(380, head="people")) == 1
    assert measure_fit("patient affected", count(380, head="patients")) == 0
    assert measure_fit("patients affected", count(71, head="appointments")) is None
    assert measure_fit("beds closed", count(3, head="wards")) is None


# ---------------------------------------------------------------------------------------------
# Figures files


def test_period_forms():
    import datetime as dt

    assert parse_period("2016-01-12") == (dt.date(2016, 1, 12), dt.date(2016, 1, 12))
    assert parse_period("2016-02") == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    assert parse_period("2016-01-01/2016-01-31") == (dt.date(2016, 1, 1), dt.date(2016, 1, 31))
    assert parse_period("2015/2016-03") == (dt.date(2015, 1, 1), dt.date(2016, 3, 31))
    for bad in ("12/01/2016", "2016-13-01", "2016-02-01/2016-01-01", "soon"):
        with pytest.raises(ValueError):
            parse_period(bad)


def test_bad_rows_are_named_by_line():
    text = (HEADER + f"{NUH},patients affected,380,2016-01-12,a citation\n"
            f"{NUH},patients affected,lots,2016-01-12,a citation\n"
            f"{SFH},appointments cancelled,71,12/01/2016,a citation\n"
            f"{SFH},,71,2016-01-12,\n")
    with pytest.raises(FiguresError) as caught:
        parse_figures_csv(text, "figures.csv")
    message = str(caught.value)
    assert "3 bad figure(s)" in message
    assert "line 3: value 'lots' is not a number" in message
    assert "line 4:" in message and "12/01/2016" in message
    assert "line 5: missing measure, source" in message
    assert "line 2" not in message


def test_missing_column_is_a_clear_error():
    with pytest.raises(FiguresError, match="line 1: the header lacks the column.*source"):
        parse_figures_csv("organisation,measure,value,date\nX,patients,1,2016-01-12\n")


def test_figures_in_csv_json_and_jsonl_agree(tmp_path):
    import json

    rows = [{"organisation": NUH, "measure": "patients affected", "value": 380, "period": "2016-01-12",
             "source": "https://example.org/nuh"},
            {"organisation": "RK5", "measure": "appointments cancelled", "value": "1,071",
             "date": "2016-01-01/2016-01-31", "source": "SFH board paper"}]
    (tmp_path / "f.json").write_text(json.dumps({"figures": rows}))
    (tmp_path / "f.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (tmp_path / "f.csv").write_text(
        "Organisation,Measure,Value,Period,Source\n"
        f'{NUH},patients affected,380,2016-01-12,https://example.org/nuh\n'
        'RK5,appointments cancelled,"1,071",2016-01-01/2016-01-31,SFH board paper\n')
    loaded = [load_figures(tmp_path / name) for name in ("f.json", "f.jsonl", "f.csv")]
    for figures in loaded:
        assert [(f.organisation, f.value, f.start.isoformat(), f.end.isoformat()) for f in figures] == [
            (NUH, 380, "2016-01-12", "2016-01-12"), ("RK5", 1071, "2016-01-01", "2016-01-31")]
    (tmp_path / "bad.jsonl").write_text(json.dumps(rows[0]) + "\n{not json\n")
    with pytest.raises(FiguresError, match="line 2: not valid JSON"):
        load_figures(tmp_path / "bad.jsonl")


def test_example_figures_file_loads():
    figures = load_figures(EXAMPLE_FIGURES)
    assert {(f.organisation, f.value) for f in figures} == {(SFH, 71), (NUH, 380)}
    assert all(f.source and f.period == "2016-01-12" for f in figures)


# ---------------------------------------------------------------------------------------------
# Matching on small hand-built records (the checker's own logic)


TEXT = ("Around 380 people had appointments cancelled at the QMC. "
        "Kings Mill Hospital cancelled 71 appointments. "
        "This comprises 56 outpatient slots, 4 inpatient operations and 11 day case procedures.")


def _at(fragment: str) -> int:
    return TEXT.index(fragment)


def hand_record(published="2016-01-12", *, qmc_ods="RX1RA", nuh_ods="RX1") -> ArticleRecord:
    orgs = [
        Organisation(id="o1", name=NUH, kind="nhs_trust", ods_code=nuh_ods),
        Organisation(id="o2", name="Queen's Medical Centre", kind="hospital", aliases=["QMC"], ods_code=qmc_ods,
                     operator="o1", mentions=[Mention(text="QMC", start=_at("QMC"), end=_at("QMC") + 3)]),
        Organisation(id="o3", name=SFH, kind="nhs_trust", ods_code="RK5"),
        Organisation(id="o4", name="King's Mill Hospital", kind="hospital", aliases=["Kings Mill Hospital"],
                     operator="o3"),
    ]
    first, second, third = (s + "." for s in TEXT.split(". "))
    third = third[:-1]
    counts = [
        count(380, qualifier="Around", approximate=True, head="people", cid="c1", text="Around 380 people",
              start=_at("Around 380"), sentence=first, organisation="o2"),
        count(71, head="appointments", cid="c2", text="71 appointments", start=_at("71 app"), sentence=second,
              organisation="o4"),
        count(56, head="slots", cid="c3", text="56 outpatient slots", start=_at("56"), sentence=third,
              organisation="o4", part_of="c2"),
        count(4, head="operations", cid="c4", text="4 inpatient operations", start=_at("4 inp"), sentence=third,
              organisation="o4", part_of="c2"),
        count(11, head="procedures", cid="c5", text="11 day case procedures", start=_at("11 day"),
              sentence=third, organisation="o4", part_of="c2"),
    ]
    checks = [ConsistencyCheck(kind="breakdown", counts=["c2", "c3", "c4", "c5"], expected=71, actual=71, ok=True)]
    return ArticleRecord(article_id="a1", source=Source(sha256="0" * 64, format="text"), published=published,
                         text=TEXT, organisations=orgs, counts=counts, consistency=checks)


def figures_of(*rows: str):
    return parse_figures_csv(HEADER + "\n".join(rows) + "\n")


def test_trust_covers_counts_of_its_hospitals_and_ods_codes_match():
    figures = figures_of(f"{SFH},appointments cancelled,71,2016-01-12,src",
                         "RX1,patients affected,383,2016-01-12,src",
                         "RX1RA,patients affected,390,2016-01-12,src")
    report = check_records([hand_record()], figures, gazetteer=NO_GAZETTEER)
    verdicts = [(r.verdict, r.count.count if r.count else None, r.difference) for r in report.figures]
    assert verdicts == [("match", "c2", 0), ("within_tolerance", "c1", 3), ("mismatch", "c1", 10)]
    assert report.exit_code() == 1
    # the breakdown of the 71 is no figure's: listed as unverified, with what each part reads as
    assert [u.count for u in report.unverified] == ["c3", "c4", "c5"]


def test_a_total_speaks_for_the_measure_before_its_parts():
    report = check_records([hand_record()], figures_of(f"{SFH},appointments cancelled,56,2016-01-12,src",
                                                       f"{SFH},operations cancelled,4,2016-01-12,src"),
                           gazetteer=NO_GAZETTEER)
    first, second = report.figures
    assert (first.verdict, first.count.count, first.difference) == ("mismatch", "c2", -15)
    assert (second.verdict, second.count.count) == ("match", "c4")


def test_figures_outside_the_period_or_for_other_things_are_not_reported():
    figures = figures_of(f"{NUH},patients affected,380,2016-02-01/2016-02-29,src",
                         f"{NUH},beds closed,12,2016-01-12,src",
                         "Leicester Royal Infirmary,patients affected,380,2016-01-12,src",
                         f"{NUH},patients affected,380,2016-01-01/2016-01-10,src")
    report = check_records([hand_record()], figures, gazetteer=NO_GAZETTEER, lag_days=1)
    assert [r.verdict for r in report.figures] == ["not_reported"] * 4
    assert "no compatible count" in report.figures[1].note
    assert report.exit_code() == 0
    later = check_records([hand_record()], figures[3:], gazetteer=NO_GAZETTEER, lag_days=2)
    assert later.figures[0].verdict == "match"  # published two days after the period: within the lag


def test_unlinked_count_is_taken_when_its_sentence_names_the_organisation():
    record = hand_record()
    record.counts[0].organisation = None
    report = check_records([record], figures_of("QMC,patients affected,380,2016-01-12,src"), gazetteer=NO_GAZETTEER)
    assert (report.figures[0].verdict, report.figures[0].count.count) == ("match", "c1")


def test_names_match_across_saint_and_apostrophe_forms():
    """A figures file written by hand names hospitals as people write them, not as the record does."""
    record = hand_record()
    record.organisations[3].name, record.organisations[3].aliases = "Saint King’s Mill Hospital", []
    figures = figures_of("St. Kings Mill Hospital,appointments cancelled,71,2016-01-12,src")
    report = check_records([record], figures, gazetteer=NO_GAZETTEER)
    assert [(r.verdict, r.count.count) for r in report.figures] == [("match", "c2")]


class FakeGazetteer:
    """The interface newsfacts.gazetteer exposes, answering for two Nottingham sites."""

    sites = {"RX1RA": {"name": "Queen's Medical Centre", "aliases": ["QMC"], "ods_code": "RX1RA", "operator": "RX1"},
             "RX1CC": {"name": "Nottingham City Hospital", "aliases": [], "ods_code": "RX1CC", "operator": "RX1"}}
    trusts = {"RX1": {"name": NUH, "aliases": ["NUH"], "ods_code": "RX1"}}

    def lookup(self, name):
        key = name.lower().replace("’", "'")
        return next((e for e in [*self.sites.values(), *self.trusts.values()]
                     if key in {n.lower() for n in [e["name"], *e["aliases"]]}), None)

    def by_ods(self, code):
        return self.sites.get(code) or self.trusts.get(code)

    def sites_of_trust(self, code):
        return [s for s in self.sites.values() if s["operator"] == code]


def test_gazetteer_links_codes_when_the_record_has_none():
    record = hand_record(qmc_ods=None, nuh_ods=None)
    record.organisations[1].operator = None
    figures = figures_of("RX1,patients affected,380,2016-01-12,src", "NUH,patients affected,380,2016-01-12,src")
    without = check_records([record], figures, gazetteer=NO_GAZETTEER)
    assert [r.verdict for r in without.figures] == ["not_reported", "not_reported"]
    with_gazetteer = check_records([record], figures, gazetteer=GazetteerView(FakeGazetteer()))
    assert [r.verdict for r in with_gazetteer.figures] == ["match", "match"]


def test_consistency_total_is_judged_by_the_hedge_rule():
    text = "In total, around 450 patients were affected. Around 380 people at NUH and 71 at SFH."
    counts = [count(450, qualifier="around", approximate=True, cid="c1", text="around 450 patients",
                    start=text.index("around 450"), sentence="In total, around 450 patients were affected."),
              count(380, qualifier="Around", approximate=True, head="people", cid="c2", text="Around 380 people",
                    start=text.index("Around 380")),
              count(71, head="appointments", cid="c3", text="71", start=text.index("71"))]
    checks = [ConsistencyCheck(kind="total", counts=["c1", "c2", "c3"], expected=450, actual=451, ok=True),
              ConsistencyCheck(kind="total", counts=["c1", "c2", "c3"], expected=450, actual=470, ok=True)]
    record = ArticleRecord(article_id="a2", source=Source(sha256="1" * 64, format="text"), published="2016-01-12",
                           text=text, counts=counts, consistency=checks)
    report = check_records([record], figures_of(f"{NUH},patients affected,380,2016-01-12,src"),
                           gazetteer=NO_GAZETTEER)
    first, second = report.consistency
    assert (first.verdict, first.difference) == ("within_tolerance", 1)
    assert "445 to 454" in first.note
    assert second.verdict == "mismatch" and "ok=True" in second.note
    assert report.exit_code() == 0 and report.exit_code(include_consistency=True) == 1
    assert check_records([record], [], tolerance=Tolerance(absolute=20), gazetteer=NO_GAZETTEER
                         ).consistency[1].verdict == "within_tolerance"


# ---------------------------------------------------------------------------------------------
# End to end: the real pipeline on the seed article, the real CLI


runner = CliRunner()


@pytest.fixture(scope="module")
def seed_records(seed_record, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("check") / "records.jsonl"
    path.write_text(seed_record.model_dump_json() + "\n", encoding="utf-8")
    return path


def _figures_file(tmp_path: Path, nuh_value: int) -> Path:
    path = tmp_path / "figures.csv"
    path.write_text(EXAMPLE_FIGURES.read_text(encoding="utf-8").replace(",380,", f",{nuh_value},"), encoding="utf-8")
    return path


def _run_json(records: Path, figures: Path, *extra: str):
    import json

    result = runner.invoke(app, ["check", str(records), "--figures", str(figures), "--json", *extra])
    return result.exit_code, (json.loads(result.output) if result.exit_code in (0, 1) else result.output)


def test_seed_article_matches_both_official_figures(seed_records):
    code, report = _run_json(seed_records, EXAMPLE_FIGURES)
    by_org = {r["figure"]["organisation"]: r for r in report["figures"]}
    assert by_org[SFH]["verdict"] == "match" and by_org[SFH]["count"]["value"] == 71
    assert by_org[NUH]["verdict"] == "match" and by_org[NUH]["count"]["value"] == 380
    assert code == 0


def test_seed_article_within_tolerance_and_mismatch(seed_records, tmp_path):
    code, report = _run_json(seed_records, _figures_file(tmp_path, 383))
    nuh = next(r for r in report["figures"] if r["figure"]["organisation"] == NUH)
    assert (nuh["verdict"], nuh["difference"], code) == ("within_tolerance", 3, 0)
    code, report = _run_json(seed_records, _figures_file(tmp_path, 390))
    nuh = next(r for r in report["figures"] if r["figure"]["organisation"] == NUH)
    assert (nuh["verdict"], nuh["difference"], code) == ("mismatch", 10, 1)
    # --tolerance widens 375..384 on both sides: by 5 to 370..389, by 2% of 380 (7.6) to 367.4..391.6
    code, report = _run_json(seed_records, _figures_file(tmp_path, 390), "--tolerance", "5")
    assert code == 1
    code, report = _run_json(seed_records, _figures_file(tmp_path, 390), "--tolerance", "2%")
    nuh = next(r for r in report["figures"] if r["figure"]["organisation"] == NUH)
    assert (nuh["verdict"], code) == ("within_tolerance", 0)


def test_seed_article_consistency_around_450_against_451(seed_records):
    _, report = _run_json(seed_records, EXAMPLE_FIGURES)
    totals = [c for c in report["consistency"] if c["expected"] == 450]
    assert totals and totals[0]["actual"] == 451 and totals[0]["verdict"] == "within_tolerance"


def test_terminal_table_and_usage_errors(seed_records, tmp_path):
    result = runner.invoke(app, ["check", str(seed_records), "--figures", str(EXAMPLE_FIGURES)],
                           env={"COLUMNS": "240"})
    assert result.exit_code == 0
    assert "Official figures" in result.output and re.search(r"match\s+│ " + SFH, result.output)
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + f"{NUH},patients affected,many,2016-01-12,src\n")
    result = runner.invoke(app, ["check", str(seed_records), "--figures", str(bad)])
    assert result.exit_code == 2 and "line 2" in result.output
    result = runner.invoke(app, ["check", str(tmp_path / "none.jsonl"), "--figures", str(EXAMPLE_FIGURES)])
    assert result.exit_code == 2
    result = runner.invoke(app, ["check", str(seed_records), "--figures", str(EXAMPLE_FIGURES), "--tolerance", "x"])
    assert result.exit_code == 2


def test_bad_record_lines_are_skipped_with_a_warning(seed_records, tmp_path):
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b'{"not": "a record"}\n' + seed_records.read_bytes() + b"{oops\n\xff\xfe{}\n")
    code, report = _run_json(mixed, EXAMPLE_FIGURES)
    assert (report["articles"], code) == (1, 0)
    assert [w.split(": ")[1] for w in report["warnings"]] == ["line 1", "line 3", "line 4"]


# ---------------------------------------------------------------------------------------------
# The HTML report in a real headless Chromium


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_html_is_self_contained(seed_records, tmp_path):
    page = tmp_path / "check.html"
    runner.invoke(app, ["check", str(seed_records), "--figures", str(_figures_file(tmp_path, 390)),
                        "--report", str(page)])
    html = page.read_text(encoding="utf-8")
    assert "<style>" in html
    assert not re.search(r"<(script|link|img|iframe)\b", html, re.I)
    assert not re.search(r"url\(", html)


def test_html_report_in_headless_chromium(seed_records, tmp_path):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (apt-get install -y chromium): the HTML report test needs it")
        pytest.skip("chromium is not installed")
    page = tmp_path / "check.html"
    result = runner.invoke(app, ["check", str(seed_records), "--figures", str(_figures_file(tmp_path, 390)),
                                 "--report", str(page)])
    assert result.exit_code == 1
    dumped = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True).stdout
    rows = re.findall(r'<tr data-verdict="([a-z_]+)">(.*?)</tr>', dumped, re.S)
    shown = {verdict: body for verdict, body in rows}
    # the NUH figure: mismatch by +10, next to the sentence with "Around 380 people" highlighted
    assert "mismatch" in shown and NUH in shown["mismatch"]
    assert re.search(r"<mark>Around 380 people</mark> had appointments or surgery called off", shown["mismatch"])
    assert ">+10<" in shown["mismatch"]
    assert "match" in shown and re.search(r"<mark>71 appointments</mark>", shown["match"])
    assert "within_tolerance" in shown and "around 450" in shown["within_tolerance"].lower()


def test_seed_article_by_ods_codes_acronyms_and_sites(seed_records, tmp_path):
    """Codes and acronyms reach the article's organisations through the gazetteer; a figure for one
    hospital does not take a count given for its whole trust or for two of its hospitals."""
    figures = tmp_path / "codes.csv"
    figures.write_text(HEADER + "RK5,appointments cancelled,71,2016-01-12,src\n"
                                "NUH,patients affected,380,2016-01-01/2016-01-31,src\n"
                                "King's Mill Hospital,appointments cancelled,71,2016-01-12,src\n"
                                "RX1RA,patients affected,380,2016-01-12,src\n"
                                f"{NUH},patients affected,380,2016-02,src\n")
    code, report = _run_json(seed_records, figures)
    assert [(r["verdict"], r["count"] and r["count"]["value"]) for r in report["figures"]] == [
        ("match", 71), ("match", 380), ("not_reported", None), ("not_reported", None), ("not_reported", None)]
    assert code == 0
