"""The free-text safety rules: the labelled corpus, the rules' grammar, and the rule files themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.safety_corpus import correct, evaluate, load_corpus
from coachbot.domain import safety
from coachbot.i18n import LANGUAGES, messages_dir

RULES = safety.load_rules(messages_dir(), LANGUAGES)
CORPUS = load_corpus()
FIGURES = evaluate(CORPUS, RULES)["figures"]


def reading(text: str, lang: str = "en") -> safety.Reading:
    return safety.read_any(RULES, text, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_corpus_has_at_least_150_phrases_per_language_in_every_class(lang: str) -> None:
    f = FIGURES[lang]
    assert f["phrases"] >= 150
    assert min(f[f"{c}_n"] for c in ("emergency", "warning", "worry", "negated", "everyday")) >= 15


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_emergency_and_warning_phrase_is_recognised(lang: str) -> None:
    missed = [p.text for p in CORPUS if p.language == lang and p.label in ("emergency", "warning")
              and not correct(p, reading(p.text, lang))]
    assert missed == []
    assert FIGURES[lang]["emergency_recall"] == FIGURES[lang]["warning_recall"] == 1.0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_most_2_percent_of_negated_or_everyday_phrases_are_answered_as_an_emergency(lang: str) -> None:
    assert FIGURES[lang]["negated_or_everyday_as_emergency"] <= 0.02


@pytest.mark.parametrize("lang", LANGUAGES)
def test_worry_is_never_answered_as_an_emergency(lang: str) -> None:
    assert FIGURES[lang]["worry_as_emergency"] == 0
    assert [p.text for p in CORPUS if p.language == lang and p.label == "worry"
            and reading(p.text, lang).kind != safety.WORRY] == []


@pytest.mark.parametrize(("text", "lang", "kind"), [
    # negation, before and after, in lists, and where it stops
    ("no weakness, just my eyelid", "en", "none"),
    ("No weakness, but my face is drooping", "en", "emergency"),
    ("I'm not weak, my face is drooping", "en", "emergency"),
    ("weakness: none", "en", "none"),
    ("no weakness, numbness or tingling", "en", "none"),
    ("not sure but my arm feels weaker", "en", "warning"),
    ("не могу сказать что слабость", "ru", "none"),
    ("не сказал бы, что это слабость", "ru", "none"),
    ("слабости нет", "ru", "none"),
    ("не могу дышать", "ru", "emergency"),
    ("sin debilidad", "es", "none"),
    ("no puedo respirar", "es", "emergency"),
    # typos, upper case, emoji, word order
    ("wekness in my hand", "en", "warning"),
    ("MY FACE IS DROOPING", "en", "emergency"),
    ("🚨🚨 can't breathe 😱", "en", "emergency"),
    ("drooping, my face", "en", "emergency"),
    ("devilidad en la mano", "es", "warning"),
    ("слабасть в руке", "ru", "warning"),
    # worry: a disease name the person typed, or fear
    ("ALS?", "en", "worry"),
    ("БАС", "ru", "worry"),
    ("¿ELA?", "es", "worry"),
    # everyday words that look like signs
    ("weak coffee", "en", "none"),
    ("box breathing", "en", "none"),
    ("tengo la espalda rígida después de mover muebles", "es", "none"),
])
def test_the_rules_read_meaning(text: str, lang: str, kind: str) -> None:
    assert reading(text, lang).kind == kind


def test_warnings_name_their_sign_and_self_harm_asks_for_the_crisis_reply() -> None:
    assert reading("my arm is getting weaker and I keep tripping").signs == ("weakness", "balance")
    assert reading("tingling in my toes").signs == ("numbness",)
    assert reading("I want to end my life").reply == safety.CRISIS
    assert reading("I can't breathe").reply == ""


@pytest.mark.parametrize("phrase", [p for p in CORPUS if p.label in ("emergency", "warning")][::7],
                         ids=lambda p: p.text[:30])
def test_case_and_emoji_do_not_change_a_reading(phrase) -> None:
    base = reading(phrase.text, phrase.language).kind
    assert reading(phrase.text.upper(), phrase.language).kind == base
    assert reading(f"😟 {phrase.text} 🙏", phrase.language).kind == base


@given(st.text(max_size=300))
def test_any_text_gets_a_reading(text: str) -> None:
    assert reading(text).kind in safety.KINDS


def test_typos_are_forgiven_in_the_persons_language_only() -> None:
    assert safety.read_any(RULES, "muebles", "es").kind == "none"   # not a typo of "mumble"
    assert safety.read_any(RULES, "wekness", "en").kind == "warning"
    assert safety.read_any(RULES, "wekness", "ru").kind == "warning"  # listed as a common misspelling


def test_a_broken_rule_file_names_the_file_and_the_problem(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / safety.RULES_FILE).write_text(
        '[meanings]\nweak = ["weak*"]\n[[warning]]\nname = "x"\nsign = "weakness"\nwhen = ["weak", "sudden"]\n',
        encoding="utf-8")
    with pytest.raises(safety.RulesError, match=r"safety-rules.toml: warning rule 'x' uses unknown meanings \['sudden'\]"):
        safety.load_rules(tmp_path, ["en"])
    (tmp_path / "en" / safety.RULES_FILE).write_text("[meanings\n", encoding="utf-8")
    with pytest.raises(safety.RulesError, match="safety-rules.toml"):
        safety.load_rules(tmp_path, ["en"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_file_is_complete(lang: str) -> None:
    rs = RULES[lang]
    kinds = {r.kind for r in rs.rules}
    assert kinds == {"emergency", "warning", "worry"}
    assert any(r.reply == safety.CRISIS for r in rs.rules), "thoughts of self-harm get the crisis reply"
    assert {r.sign for r in rs.rules if r.kind == "warning"} == {
        "weakness", "balance", "shrinking", "stiffness", "numbness", "speaking", "breathing"}
