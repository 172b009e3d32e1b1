"""The doctor report: its figures as data, its words in each language, and a PDF of one or two pages."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from coachbot.domain.checkins import CheckinDay as CheckinRow
from coachbot.domain.report import MAX_LISTED, Nudge, RedFlag, build_report
from coachbot.domain.stats import FactorStat, IntakeRow, Limits, build_days
from coachbot.handlers.insights import draw_report
from coachbot.handlers.insights_text import chart_text, report_content
from coachbot.i18n import I18n
from coachbot.pdf import PdfContent, Section, render_pdf
from coachbot.render import Renderer

LIMITS = Limits("UTC", "07:00", "23:00", 2000, 300, 360)
END = date(2026, 3, 30)
START = END - timedelta(days=29)


@pytest.fixture(scope="module")
def i18n() -> I18n:
    return I18n()


def sample_days():
    from datetime import UTC, datetime
    rows, intake = [], []
    for n in range(30):
        d = START + timedelta(days=n)
        rows.append(CheckinRow(d, twitches=n % 2 == 0, locations=("arm",) if n % 4 == 0 else ("leg",),
                               frequency="onoff", intensity="noticeable", stress=5 if n < 10 else 2,
                               sleep="5to6", new_medicine=n == 20))
        noon = datetime(d.year, d.month, d.day, 12, tzinfo=UTC)
        intake.append(IntakeRow("caffeine", 400 if n < 6 else 100, noon, d))
        intake.append(IntakeRow("water", 1500, noon, d))
    return build_days(START, END, rows, intake, [], LIMITS)


def test_report_figures() -> None:
    flags = [RedFlag(START + timedelta(days=n), ("weakness",), False) for n in range(8)]
    flags.append(RedFlag(START, (), False))  # a screen with nothing reported is not a red flag
    nudges = [Nudge(START + timedelta(days=3), 2, ("persistent",), "later")]
    report = build_report(sample_days(), LIMITS, date(2025, 12, 1), flags, nudges)
    assert (report.start, report.end, report.first_twitch) == (START, END, date(2025, 12, 1))
    assert (report.summary.checkins, report.summary.twitch_days) == (30, 15)
    assert dict(report.summary.locations) == {"arm": 8, "leg": 7}
    assert report.frequency == (("onoff", 15),)
    assert report.red_flags_total == 8 and len(report.red_flags) == MAX_LISTED
    assert report.red_flags[0].day == START + timedelta(days=7)          # most recent first
    assert report.medicine_days == (START + timedelta(days=20),)
    assert (report.caffeine_over_days, report.water_low_days) == (6, 30)
    assert (report.short_sleep_days, report.high_stress_days) == (30, 10)
    assert report.summary.caffeine_avg_mg == round((6 * 400 + 24 * 100) / 30)
    assert report.nudges == tuple(nudges) and report.has_data


def test_report_words_name_every_figure(i18n: I18n) -> None:
    report = build_report(sample_days(), LIMITS, date(2025, 12, 1),
                          [RedFlag(date(2026, 3, 26), ("weakness", "balance"), False),
                           RedFlag(date(2026, 3, 27), ("new_sign_code",), False)],
                          [Nudge(date(2026, 3, 26), 2, ("weakness",), "booked", date(2026, 3, 28)),
                           Nudge(date(2026, 3, 29), 3, ("persistent",), None)],
                          [(date(2026, 3, 20), "Eyelid after a long run")])
    stats = [FactorStat("high_stress", 10, 5, 20, 10), FactorStat("short_sleep", 2, 2, 0, 0)]
    content = report_content(i18n, "en", report, stats, LIMITS, END)
    text = "\n".join([content.title, content.subtitle, content.footer,
                      *(line for s in content.sections for line in (s.heading, *s.lines))])
    for expected in ("Period: Mar 1, 2026 – Mar 30, 2026 (30 days, from the first day logged)",
                     "First twitch recorded: Dec 1, 2025",
                     "Checked in on 30 of 30 days; twitches on 15 of them.", "arms ×8", "legs ×7",
                     "on and off ×15",
                     "Mar 26, 2026: weakness that is getting worse, trouble with balance or coordination",
                     "Mar 27, 2026: new sign code",      # a warning-sign code no catalog knows yet
                     "New or changed medicine reported on: Mar 21, 2026",
                     "Caffeine: 160 mg a day on average over 30 days logged", "over it on 6 days",
                     "Water: 1,500 ml a day", "below it on 30 days", "over 30 nights answered",
                     "under 7 hours on 30 nights", "4–5 on 10 days",
                     "Stress at 4–5: twitches on 5 of 10 days", "No clear link",
                     "Mar 26, 2026: see a doctor soon. Why: weakness reported. Answered: appointment booked"
                     " or seen a doctor (Mar 28, 2026).",
                     "Mar 29, 2026: book an appointment. Why: twitches that kept coming back for weeks.",
                     "can't show cause", "Mar 20, 2026: Eyelid after a long run", "not a diagnosis"):
        assert expected in text, expected
    assert "no answer" not in text and "2026-03" not in text     # one date style, no ISO dates
    assert "Less than 7 hours" not in text      # a factor without 3 days each side stays out of the PDF
    assert "caus" not in without_disclaimers(text)


def without_disclaimers(text: str) -> str:
    """The text minus the sentences that say what the numbers can't show (they name "cause")."""
    lowered = text.lower()
    for disclaimer in ("can't show what causes what", "can't show cause"):
        lowered = lowered.replace(disclaimer, "")
    return lowered


def draw(*args: object) -> bytes:
    """The report drawn in a worker thread of this process (no child process for unit tests)."""
    return asyncio.run(draw_report(Renderer(isolate=False), *args))


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


# A day over the limit, a short night, a stressed day: each "1", to catch "1 days" and "1 nights".
ONE_OF_EACH = {
    "en": ("Period: Mar 1, 2026 – Mar 30, 2026 (30 days, from the first day logged)", "over it on 1 day.",
           "under 7 hours on 1 night.", "First twitch recorded: Dec 1, 2025", "Page 1 of 2",
           "Checked in on 30 of 30 days; twitches on 15 of them."),
    "es": ("Período: 1 mar 2026 – 30 mar 2026 (30 días, desde el primer día registrado)", "superado en 1 día.",
           "menos de 7 horas en 1 noche.", "Primera contracción muscular registrada: 1 dic 2025",
           "Página 1 de 2", "Registros en 30 de 30 días; con contracciones musculares en 15 de ellos."),
    "ru": ("Период: 1 мар. 2026 г. – 30 мар. 2026 г. (30 дней, с первого дня записей)", "превышен за 1 день.",
           "меньше 7 часов — 1 ночь.", "Первое записанное подёргивание: 1 дек. 2025 г.", "Страница 1 из 2",
           "Дней с отметкой: 30 из 30; с подёргиваниями: 15."),
}


def one_of_each_days():
    from datetime import UTC, datetime
    rows, intake = [], []
    for n in range(30):
        d = START + timedelta(days=n)
        rows.append(CheckinRow(d, twitches=n % 2 == 0, locations=("arm",), frequency="few", intensity="mild",
                               stress=5 if n == 3 else 2, sleep="6to7" if n == 4 else "7to8", step=None))
        noon = datetime(d.year, d.month, d.day, 12, tzinfo=UTC)
        intake.append(IntakeRow("caffeine", 500 if n == 5 else 100, noon, d))
        intake.append(IntakeRow("water", 2500, noon, d))
    return build_days(START, END, rows, intake, [], LIMITS)


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_pdf_text_reads_back_with_plurals_dates_and_period(i18n: I18n, lang: str) -> None:
    days = one_of_each_days()
    report = build_report(days, LIMITS, date(2025, 12, 1), [], [])
    content = report_content(i18n, lang, report, [], LIMITS, END)
    pages, text = pdf_text(draw(content, days, chart_text(i18n, lang, START, END), LIMITS))
    assert pages in (1, 2)
    for expected in ONE_OF_EACH[lang]:
        assert expected in text, (expected, text)
    assert not re.search(r"\b1 (days|nights|días|noches|дней|ночей)\b", text), text
    assert "2026-03" not in text


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_pdf_has_the_persons_figures_in_their_alphabet(i18n: I18n, lang: str) -> None:
    report = build_report(sample_days(), LIMITS, date(2025, 12, 1), [], [])
    content = report_content(i18n, lang, report, [], LIMITS, END)
    pages, text = pdf_text(draw(content, sample_days(), chart_text(i18n, lang, START, END), LIMITS))
    assert pages <= 2 and "160" in text
    assert re.search(r"1\D?500", text), text      # 1,500 / 1 500 / 1.500 as the language writes it
    assert content.title.split()[0] in text    # the title renders in its own alphabet (DejaVu Sans)


def test_text_runs_the_full_width_of_the_page() -> None:
    """A long line wraps near the right margin, not at half the page (the old two-column layout)."""
    words = " ".join(f"word{n}" for n in range(60))
    reader = PdfReader(io.BytesIO(render_pdf(PdfContent("Title", "Subtitle", (Section("One", (words,)),),
                                                        "Footer"), None)))
    lines = reader.pages[0].extract_text().splitlines()
    widest = max(line.count("word") for line in lines)
    assert widest >= 12, lines           # half the page held about six of these


def test_pdf_never_spills_onto_a_third_page() -> None:
    long = tuple(f"Line {n}: " + "a long sentence with many words " * 4 for n in range(160))
    content = PdfContent("Title", "Subtitle", (Section("One", long), Section("Two", long)), "Footer",
                         page_label="Page {page} of {pages}")
    reader = PdfReader(io.BytesIO(render_pdf(content, None)))
    assert len(reader.pages) == 2
    first, second = (p.extract_text() for p in reader.pages)
    assert "Line 0:" in first and "Page 1 of 2" in first and "Footer" in first
    assert "…" in second and "Page 2 of 2" in second


@pytest.mark.parametrize("feature", ["insights", "data"])
def test_catalogs_match_across_languages(feature: str) -> None:
    """Every key in es and ru, with the same placeholders as English (plural variants may add none)."""
    from fluent.syntax import FluentParser, ast, visitor

    class Vars(visitor.Visitor):
        def __init__(self) -> None:
            super().__init__()
            self.names: set[str] = set()

        def visit_VariableReference(self, node: ast.VariableReference) -> None:
            self.names.add(node.id.name)

    def load(lang: str) -> dict[str, set[str]]:
        from coachbot.i18n import messages_dir
        text = (messages_dir() / lang / f"{feature}.ftl").read_text(encoding="utf-8")
        out = {}
        for entry in FluentParser().parse(text).body:
            assert not isinstance(entry, ast.Junk), (lang, entry.content)
            if isinstance(entry, ast.Message):
                v = Vars()
                v.visit(entry)
                out[entry.id.name] = v.names
        return out

    english = load("en")
    for lang in ("es", "ru"):
        other = load(lang)
        assert set(other) == set(english), (lang, set(english) ^ set(other))
        for key, names in english.items():
            assert other[key] == names, (lang, key)


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_summary_renders_without_catalog_errors(i18n: I18n, lang: str, caplog: pytest.LogCaptureFixture) -> None:
    from coachbot.domain.stats import summarize, trigger_stats
    from coachbot.handlers.insights_text import summary_lines, trigger_lines

    days = sample_days()
    lines = summary_lines(i18n, lang, summarize(days[-7:], days[-14:-7]))
    lines += trigger_lines(i18n, lang, trigger_stats(days, LIMITS), LIMITS)
    lines += trigger_lines(i18n, lang, [FactorStat("short_sleep", 5, 5, 4, 4)], LIMITS)   # few good days
    text = "\n".join(lines)
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]
    assert "insights-" not in text and len(text) < 4096


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_every_warning_sign_and_nudge_reason_has_a_name_in_the_report(i18n: I18n, lang: str) -> None:
    """Whatever codes the doctor rules store, the report names them in the person's language."""
    from coachbot.domain.doctor_rules import KNOWN_WARNING_SIGNS
    from coachbot.domain.nudges import REASONS

    for code in KNOWN_WARNING_SIGNS:
        assert i18n.has(f"insights-flag-{code}", lang), code
    for reasons in REASONS.values():
        for code in reasons:
            assert i18n.has(f"insights-reason-{code}", lang), code
