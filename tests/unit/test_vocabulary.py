"""One vocabulary on every Korean page: the glossary (playground/app/locales/glossary.py) enforced
on every Korean catalogue file, and the particle helper that picks 을/를, 이/가, (으)로 for a word.

Each catalogue file is its own test case, so a failure names the file, the key, the word found
and the word to use. Files another task owns are marked "[pending: ...]" in the test id: they
still fail until that task has fixed them.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

from playground import data
from playground.app import i18n, locales
from playground.app.locales import glossary
from playground.app.locales.glossary import FORMATTER, PAIRS, TERMS, particle, with_particle

# The catalogue files fixed with the glossary; the others were being rewritten by other tasks at
# the same time: their violations are reported with "[pending]" in the test id (and still fail).
CHECKED = {"common", "learn", "optimizer_lab", "backprop", "upload", "rooms"}


def _areas(lang: str) -> list[str]:
    package = importlib.import_module(f"{locales.__name__}.{lang}")
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__))


AREAS = sorted(set(_areas("en")) | set(_areas("ko")))


def _param(area: str):
    label = f"ko/{area}.py" + ("" if area in CHECKED else " [pending: owned by another task]")
    return pytest.param(area, id=label)


def _ko(area: str) -> dict[str, str]:
    return i18n.catalogue(area, "ko")


def _report(area: str, problems: list[str]) -> str:
    return f"ko/{area}.py: {len(problems)} problem(s)\n  " + "\n  ".join(problems)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


# ---- every key in both languages -------------------------------------------------------------
@pytest.mark.parametrize("area", [_param(a) for a in AREAS])
def test_every_key_in_both_languages_with_the_same_placeholders(area):
    en, ko = i18n.catalogue(area, "en"), i18n.catalogue(area, "ko")
    problems = [f"{k}: only in English" for k in sorted(set(en) - set(ko))]
    problems += [f"{k}: only in Korean" for k in sorted(set(ko) - set(en))]
    problems += [
        f"{k}: placeholders {sorted(_fields(en[k]))} in English, {sorted(_fields(ko[k]))} in Korean"
        for k in sorted(set(en) & set(ko))
        if _fields(en[k]) != _fields(ko[k])
    ]
    problems += [f"{k}: empty Korean text" for k in sorted(ko) if not ko[k].strip()]
    assert not problems, _report(area, problems)


# ---- banned words and one term per concept -----------------------------------------------------
def _rules() -> list[tuple[str, str]]:
    """(pattern, what to write instead) from the glossary's avoided variants and BANNED."""
    rules = [(p, f"use “{term.ko}” ({term.en})") for term in TERMS for p in term.avoid]
    return rules + list(glossary.BANNED)


def _banned(key: str, text: str) -> list[str]:
    allowed = glossary.EXPLAINS.get(key, ())
    out = []
    for pattern, advice in _rules():
        for m in re.finditer(pattern, text):
            if m.group() not in allowed:
                out.append(f"{key}: “{m.group()}” → {advice}")
    return out


@pytest.mark.parametrize("area", [_param(a) for a in _areas("ko")])
def test_no_banned_word_and_one_term_per_concept(area):
    problems = [p for key, text in _ko(area).items() for p in _banned(key, text)]
    assert not problems, _report(area, problems)


# ---- particles ---------------------------------------------------------------------------------
_BARE_PARTICLE = re.compile(
    r"\{[^{}:]*\}[”’\"']?(을|를|이|가|은|는|과|와|으로|로)(?=[\s.,:;!?)」”]|$)"
)


@pytest.mark.parametrize("area", [_param(a) for a in _areas("ko")])
def test_a_placeholder_gets_its_particle_from_the_glossary(area):
    """“{name}을(를)” or “{name}를” cannot be right for every name: the text must say
    “{name:을/를}” so that t() picks the particle for the value."""
    problems = [
        f"{key}: “{m.group()}” → write the pair as the format spec, e.g. {{x:을/를}}"
        for key, text in _ko(area).items()
        for m in _BARE_PARTICLE.finditer(text)
    ]
    assert not problems, _report(area, problems)


SAMPLE_NAMES = ("ReLU", "tanh", "Adam", "Normalizer (L2)", "SGD", "8")


@pytest.mark.parametrize("area", [_param(a) for a in _areas("ko")])
def test_rendered_texts_leave_no_particle_unresolved(area):
    """Every Korean text, filled with each sample name, shows one particle, never “을(를)”."""
    problems = []
    for key, text in _ko(area).items():
        fields = _fields(text)
        for name in SAMPLE_NAMES:
            try:
                shown = FORMATTER.format(text, **dict.fromkeys(fields, name))
            except (ValueError, KeyError, IndexError):
                continue  # a numeric format spec: filled with numbers by the page
            problems += [f"{key} with “{name}”: {bad}" for bad in _unresolved(shown)]
    assert not problems, _report(area, problems)


def _unresolved(text: str) -> list[str]:
    return re.findall(r"\S*(?:" + "|".join(p for p, _ in glossary.BANNED) + ")", text)


@pytest.mark.parametrize(
    ("word", "eul", "i", "ro"),
    [
        ("ReLU", "를", "가", "로"),  # 렐루
        ("tanh", "를", "가", "로"),  # 탄에이치
        ("Adam", "을", "이", "으로"),  # 아담
        ("Normalizer (L2)", "를", "가", "로"),  # read by the word before the parenthesis
        ("SGD", "를", "가", "로"),  # 에스지디
        ("8", "을", "이", "로"),  # 팔: ㄹ takes 로
        ("10", "을", "이", "으로"),  # 십
        ("1,000", "을", "이", "으로"),  # 천
        ("0.5", "를", "가", "로"),  # 영점오
        ("2", "를", "가", "로"),  # 이
        ("L1", "을", "이", "으로"),  # 엘원
        ("Momentum", "을", "이", "으로"),  # 모멘텀
        ("Glorot normal", "을", "이", "로"),  # 노멀: ㄹ
        ("RMSProp", "을", "이", "으로"),  # 알엠에스프롭
        ("Maxout", "을", "이", "으로"),  # 맥스아웃
        ("MSE", "를", "가", "로"),  # 엠에스이
        ("StandardScaler", "를", "가", "로"),  # 스케일러
        ("레이어", "를", "가", "로"),
        ("신경망", "을", "이", "으로"),
        ("비용함수", "를", "가", "로"),
        ("“data.csv”", "를", "가", "로"),  # closing quotes are skipped
        ("38 %", "를", "가", "로"),  # 퍼센트
    ],
)
def test_particle_follows_the_last_sound(word, eul, i, ro):
    assert particle(word, "을/를") == eul
    assert particle(word, "이/가") == i
    assert particle(word, "으로/로") == ro


def test_the_formatter_fills_particles_and_keeps_number_formats():
    assert FORMATTER.format("{a:이/가} 쓰는 값", a="Adam") == "Adam이 쓰는 값"
    assert FORMATTER.format("{a:이/가} 쓰는 값", a="SGD") == "SGD가 쓰는 값"
    assert FORMATTER.format("기본값 {d:을/를} 씁니다", d=8) == "기본값 8을 씁니다"
    assert FORMATTER.format("{r:.1f|과/와} {s:.2f}", r=2.0, s=0.125) == "2.0과 0.12"
    assert with_particle("tanh", "은/는") == "tanh는"
    assert set(PAIRS) >= {"을/를", "이/가", "은/는", "과/와", "으로/로"}


def test_t_uses_the_particle_formatter(monkeypatch):
    monkeypatch.setattr(i18n, "lang", lambda: "ko")
    monkeypatch.setitem(i18n.KO, "test.particle", "{optimizer:이/가} 씁니다")
    assert i18n.t("test.particle", optimizer="Adam") == "Adam이 씁니다"
    assert i18n.t("test.particle", optimizer="SGD") == "SGD가 씁니다"


# ---- no English on a Korean page except names --------------------------------------------------
def _shown_names() -> frozenset[str]:
    """Words of the language-neutral option labels, data set and feature names."""
    words = set(data.NAMES)
    for label in [*i18n.OPTION_LABELS.values(), *(f for n in data.NAMES for f in _features(n))]:
        words |= set(glossary.latin_words(label))
    return frozenset(words)


def _features(name: str) -> tuple[str, ...]:
    return data.get(name).feature_names


@pytest.mark.parametrize("area", [_param(a) for a in _areas("ko")])
def test_no_english_words_on_korean_pages_except_names(area):
    names = _shown_names()
    problems = [
        f"{key}: “{word}” (not a name in glossary.NAMES: translate it, or allow-list the name)"
        for key, text in _ko(area).items()
        for word in glossary.foreign_words(text, names)
    ]
    assert not problems, _report(area, problems)


def test_foreign_word_check_catches_english_and_allows_names():
    assert glossary.foreign_words("ReLU와 Adam, StandardScaler로 학습") == []
    assert glossary.foreign_words("W·x + b, f′(z), β₁, `lock=auto`, {name}") == []
    assert glossary.foreign_words("Page not found") == ["Page", "not", "found"]
    assert glossary.foreign_words("test_accuracy 평균") == ["test_accuracy"]


# ---- the glossary itself ---------------------------------------------------------------------
def test_the_banned_word_check_catches_each_rule():
    cases = {
        "학습 손실": "손실",
        "층마다 줄어듭니다": "층",
        "L2 정규화": "L2 정규화",
        "손잡이 하나": "손잡이",
        "스윕 실행": "스윕",
        "만약에? 설정 비교": "만약에",
        "tanh을(를)": "을(를)",
        "Normalizer (L2)이(가)": "이(가)",
        "“A”(으)로": "(으)로",
        "σ: 분산": "분산",
        "전역 최솟값": "전역 최솟값",
    }
    for text, word in cases.items():
        assert any(word in p for p in _banned("k", text)), text
    fine = "은닉층, 입력층, 출력층과 레이어; 정규화(Normalizer); L2 규제; 분산 σ²; 비용; 극솟값"
    assert _banned("k", fine) == []


def test_glossary_terms_are_the_slide_labels_of_the_seven_points():
    ko = i18n.KO
    slide = [term.ko for term in TERMS[:7]]
    assert [ko[f"sec.{i}"][2:] for i in range(1, 8)] == slide
    assert [ko[f"learn.sec.{i}"][2:] for i in range(1, 8)] == slide


def test_each_korean_term_is_used_for_one_concept():
    seen = {}
    for term in TERMS:
        assert seen.setdefault(term.ko, term.en) == term.en, term.ko
        assert term.ko not in {v for t in TERMS for v in t.avoid}, term.ko
