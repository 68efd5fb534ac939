"""One vocabulary: the course's terms in English and Korean, the words a Korean text must not use,
the names that may stay in Latin letters on a Korean page, and Korean particles chosen for the word.

`tests/unit/test_vocabulary.py` enforces this on every Korean catalogue (`locales/ko/*.py`).
The slides' own Korean words come first (course chapter 10, parts I and II); where the slides
have none, the word of the common Korean machine-learning literature. Pure Python: no Streamlit.

Particles: a Korean text that inserts a name writes the pair as the placeholder's format spec,
`"{optimizer:이/가} 쓰는 값"`, and `t()` picks the member that fits the name's last sound:
"Adam이", "SGD가". See `particle()` for the rule.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One concept: its English and Korean word, the Korean variants not to use, a note."""

    en: str
    ko: str
    avoid: tuple[str, ...] = ()  # regular expressions of Korean variants that mean the same
    note: str = ""


# ---- the glossary: the slides' terms first ---------------------------------------------------
TERMS: tuple[Term, ...] = (
    # the seven tuning points, as numbered on the slide "개요"
    Term("Input preprocessing", "입력 값 전처리", note="slide 개요 ①"),
    Term("Cost function", "비용함수", (r"비용 함수", r"손실 ?함수"), "slide 개요 ②"),
    Term("Activation function", "활성화 함수", note="slide heading: 활성화 알고리즘 ③"),
    Term("Weight initialization", "가중치 초기화", note="slide 개요 ④"),
    Term("Optimizer", "최적화 알고리즘", note="slide 개요 ⑤; 옵티마이저 may follow in brackets"),
    Term("Number of nodes", "노드 개수", note="slide 개요 ⑥"),
    Term("Number of layers", "레이어 개수", note="slide 개요 ⑦"),
    # the vocabulary table of the course notes
    Term("Standardization (StandardScaler)", "표준화"),
    Term("Normalization (Normalizer)", "정규화", note="only for the Normalizer, never for L1/L2"),
    Term(
        "Regularization (L1, L2)",
        "규제",
        (r"L[12] ?정규화", r"정규화 ?(항|강도|계수|세기)", r"가중치 ?정규화"),
        "L1 규제, L2 규제; 정규화 is the Normalizer",
    ),
    Term("Loss", "비용", (r"손실",), "the slides say 비용함수: 비용 for every loss"),
    Term("Cross entropy", "교차 엔트로피", (r"크로스 ?엔트로피",)),
    Term("Back-propagation", "오차 역전파", (r"역전달", r"백프로파게이션")),
    Term("Vanishing gradient", "기울기 소실", (r"그레?라?디언트 ?소실",)),
    Term("Exploding gradient", "기울기 폭주", (r"기울기 폭발", r"그레?라?디언트 ?폭")),
    Term("Gradient", "기울기", (r"그[레라]디언트",)),
    Term("Normal distribution", "정규분포", (r"정규 분포", r"가우스 ?분포", r"가우시안 분포")),
    Term("Uniform distribution", "균일분포", (r"균등 ?분포", r"균일 분포")),
    Term(
        "Standard deviation (σ)",
        "표준편차",
        (r"분산(?! ?σ²)",),
        "the slide calls σ 분산 (a slip); 분산 only for the variance σ²",
    ),
    Term("Variance (σ²)", "분산"),
    Term("Gradient descent", "경사하강법", (r"경사 하강법", r"경사 하강")),
    Term("Stochastic gradient descent", "확률적 경사하강법"),
    Term("Local minimum", "극솟값", (r"지역 ?최솟값", r"국소 ?최솟값", r"로컬 ?미니멈")),
    Term("Global minimum", "최솟값", (r"전역 ?최솟값", r"글로벌 ?미니멈")),
    Term("Learning rate", "학습률", (r"학습 ?속도", r"러닝 ?레이트")),
    Term("Batch", "배치"),
    Term("Epoch", "에포크", (r"에폭",)),
    Term("Node", "노드", (r"유닛",)),
    Term("Hidden layer", "은닉층", (r"히든 ?레이어",)),
    Term(
        "Layer",
        "레이어",
        (r"(?<!은닉)(?<!입력)(?<!출력)층",),
        "층 only inside 은닉층, 입력층, 출력층",
    ),
    Term("Underfitting", "과소적합"),
    Term("Overfitting", "과대적합", (r"(?<!과대)(?<!과소)과적합",)),
    Term("Weight decay", "가중치 감쇠"),
    Term("Rule of thumb (hidden nodes)", "경험적 기준", (r"경험 ?규칙",), "slide: 경험적 논의"),
    # the app's own words, one per concept
    Term("Sample", "샘플", (r"표본",)),
    Term("Parameter", "파라미터", (r"매개 ?변수",)),
    Term("Noise", "노이즈", (r"잡음",)),
    Term("Data set", "데이터 세트", (r"데이터셋",)),
    Term("Label", "레이블", (r"라벨",)),
    Term("Training (the training split)", "학습", (r"훈련",)),
    Term("Bias", "편향", (r"바이어스",)),
    Term("Step (one update)", "걸음"),
    Term("Setting (a knob's value)", "설정", (r"손잡이",), "not the literal 손잡이 for “knob”"),
    Term("Sweep (one setting over many values)", "훑어보기", (r"스윕",), "not the loanword 스윕"),
    Term("Compare (what-if)", "비교", (r"만약에",), "not the literal 만약에? for “what if?”"),
    # optimizer names stay as on the option labels (language-neutral), not transliterated
    Term("AdaGrad", "AdaGrad", (r"아다그라드",), "the option label; the slide writes 아다그라드"),
    Term(
        "RMSProp", "RMSProp", (r"알엠에스프롭",), "the option label; the slide writes 알엠에스프롭"
    ),
    Term("Adam", "Adam", (r"아담",), "the option label; the slide writes 아담"),
)

# Patterns that are never right in a Korean text, whatever the concept.
BANNED: tuple[tuple[str, str], ...] = (
    (r"을\(를\)|를\(을\)", "pick 을 or 를 for the word (placeholder: {x:을/를})"),
    (r"이\(가\)|가\(이\)", "pick 이 or 가 for the word (placeholder: {x:이/가})"),
    (r"은\(는\)|는\(은\)", "pick 은 or 는 for the word (placeholder: {x:은/는})"),
    (r"와\(과\)|과\(와\)", "pick 과 or 와 for the word (placeholder: {x:과/와})"),
    (r"\(으\)로", "pick 으로 or 로 for the word (placeholder: {x:으로/로})"),
)

# Keys whose text may use an avoided word because it explains that word (the slide's slips).
EXPLAINS = {
    "learn.4.slide": ("분산",),
}

# ---- Latin words allowed on a Korean page: names, units, file types --------------------------
_NAME_LIST = """
    ReLU Leaky ELU SELU GELU Swish SiLU Softplus Maxout Sigmoid Linear tanh
    Adam AdamW AdaGrad RMSProp SGD Nesterov Momentum
    StandardScaler MinMaxScaler Normalizer scikit-learn sklearn PyTorch Keras TensorFlow torch optim
    torch.optim nn weight_decay NumPy Streamlit Altair Dask
    Glorot Bengio Xavier He LeCun MSE Hinge Cross-entropy
    L1 L2 CSV JSON UTF-8 NaN MB KB PNG npz XOR
    moons circles xor gaussians spiral spiral3 blobs iris breast_cancer
    regression_plane regression_gaussians
    log exp max min argmax sign diag CE
    auto lock scaler loss
"""
NAMES = frozenset(_NAME_LIST.split())
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z]")
_SKIP = re.compile(r"`[^`]*`|\$[^$]*\$|\{[^{}]*\}|https?://\S+|\d+(\.\d+)?e[-+]?\d+")
_SYMBOL = re.compile(r"[A-Za-z]\d*|[A-Za-z]_[A-Za-z0-9]+")  # x, W1, n_in, W_L


def latin_words(text: str) -> list[str]:
    """Latin-letter words of a Korean text outside `code`, $math$ and {placeholders}."""
    return _LATIN.findall(_SKIP.sub(" ", text))


def foreign_words(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """Latin words that are neither a name (NAMES, or `names`: option labels, data sets) nor a
    symbol of one or two letters or with a subscript (x, W, f′, n_in, W_L)."""
    out = []
    for word in latin_words(text):
        bare = word.rstrip(".-")
        if bare in NAMES or bare in names or len(bare) <= 2 or _SYMBOL.fullmatch(bare):
            continue
        out.append(bare)
    return out


# ---- particles chosen for the word --------------------------------------------------------------
PAIRS = {  # spec → (after a final consonant, after a vowel)
    "을/를": ("을", "를"),
    "이/가": ("이", "가"),
    "은/는": ("은", "는"),
    "과/와": ("과", "와"),
    "으로/로": ("으로", "로"),
    "이나/나": ("이나", "나"),
    "이라/라": ("이라", "라"),
}
# Korean readings of names whose ending the spelling does not tell.
READINGS = {
    "relu": "렐루",
    "tanh": "탄에이치",
    "adam": "아담",
    "adamw": "아담더블유",
    "adagrad": "아다그라드",
    "rmsprop": "알엠에스프롭",
    "sgd": "에스지디",
    "xor": "엑스오어",
    "maxout": "맥스아웃",
    "glorot": "글로로",
    "lecun": "르쿤",
    "he": "히",
    "xavier": "자비에",
    "sigmoid": "시그모이드",
    "softplus": "소프트플러스",
    "swish": "스위시",
    "hinge": "힌지",
    "linear": "리니어",
    "none": "논",
    "scikit-learn": "사이킷런",
    "pytorch": "파이토치",
    "keras": "케라스",
    "numpy": "넘파이",
}
# letter names ending in a consonant: 엘, 알, 엠, 엔; the rest end in a vowel
_LETTER_FINAL = {"L": "ㄹ", "R": "ㄹ", "M": "ㅁ", "N": "ㄴ"}
_SINO = {"0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ"}  # 영 일 삼 육 칠 팔
_ENGLISH_DIGIT = {"1": "ㄴ", "7": "ㄴ", "9": "ㄴ"}  # one, seven, nine; the others end in a vowel
_POWERS = {1: "ㅂ", 2: "ㄱ", 3: "ㄴ"}  # 십 백 천; then 만 (ㄴ), 억 (ㄱ), 조 (vowel)
_CLOSERS = " \t\"'”’»)]}.,;:!?…"
_SYMBOLS = {"%": "", "×": ""}  # read 퍼센트, 배: both end in a vowel


def _hangul_final(ch: str) -> str:
    """'' for a syllable without a final consonant, 'ㄹ' for ㄹ, 'C' for any other."""
    index = (ord(ch) - 0xAC00) % 28
    return "" if index == 0 else "ㄹ" if index == 8 else "C"


def _consonant(jamo: str) -> str:
    """'' stays '', ㄹ stays ㄹ, any other final consonant is 'C'."""
    return jamo if jamo in ("", "ㄹ") else "C"


def _number_final(number: str, english: bool) -> str:
    return _consonant(_number_jamo(number, english))


def _number_jamo(number: str, english: bool) -> str:
    digits = number.replace(",", "")
    if english:
        return _ENGLISH_DIGIT.get(digits[-1], "")
    if "." in digits or digits.rstrip("0") == "" or digits[-1] != "0":
        return _SINO.get(digits[-1], "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros in _POWERS:
        return _POWERS[zeros]
    return "ㄴ" if zeros < 8 else "ㄱ" if zeros < 12 else ""


def _latin_final(word: str) -> str:
    reading = READINGS.get(word.lower())
    if reading:
        return _hangul_final(reading[-1])
    if word.isupper() or len(word) == 1:  # an acronym is read letter by letter
        return _consonant(_LETTER_FINAL.get(word[-1].upper(), ""))
    w = word.lower()
    if w.endswith(("m", "n", "ng")):
        return "C"
    if w.endswith("l") or re.search(r"[^aeiou]le$", w):
        return "ㄹ"
    if re.search(r"(^|[^aeiou])[aeiou](ck|k|p|t)$", w):  # a short vowel + k/p/t: 맥스아웃, 프롭
        return "C"
    return ""


def final_sound(text: str) -> str:
    """How the Korean reading of `text` ends: '' (a vowel), 'ㄹ' or 'C' (another consonant).

    The rule, in order: closing punctuation and a trailing (parenthesis) are skipped, as Korean
    orthography does ("Normalizer (L2)" is read by "Normalizer"); a Hangul syllable by its final
    consonant; "%" (퍼센트) and "×" (배) by their reading; a number by its Sino-Korean reading
    ("8" 팔, "10" 십, "1,000" 천, "0.5" 오), but digits right after a Latin letter in English
    ("L1" 엘원); a Latin word by its reading in READINGS, an all-capital acronym by its last
    letter's name ("SGD" 디, "L" 엘), else by its spelling (…m/n/ng, …l, a short vowel +
    k/p/t end in a consonant; vowels, r, s, d … do not).
    """
    s = text.rstrip(_CLOSERS)
    while s.endswith(")") or s.endswith("）"):
        head = s[: s.rfind("(")].rstrip(_CLOSERS) if "(" in s else ""
        if not head:
            break
        s = head
    s = s.rstrip(_CLOSERS)
    if not s:
        return ""
    if s[-1] in _SYMBOLS:
        return _SYMBOLS[s[-1]]
    if "가" <= s[-1] <= "힣":
        return _hangul_final(s[-1])
    number = re.search(r"[\d,]*\.?\d+$", s)
    if number:
        before = s[: number.start()]
        return _number_final(number.group(), bool(before) and before[-1].isalpha())
    word = re.search(r"[A-Za-z][A-Za-z\-]*$", s)
    if word:
        return _latin_final(word.group().split("-")[-1] or word.group())
    return ""


def particle(word: str, pair: str) -> str:
    """The member of `pair` ("을/를", "이/가", "은/는", "과/와", "으로/로", …) that follows `word`.
    "으로/로" takes 로 after a vowel and after ㄹ ("팔로", "레이어로"), 으로 after other consonants."""
    after_consonant, after_vowel = PAIRS[pair]
    final = final_sound(str(word))
    if pair == "으로/로":
        return after_consonant if final == "C" else after_vowel
    return after_consonant if final else after_vowel


def with_particle(word, pair: str) -> str:
    """`word` followed by the fitting member of `pair`: with_particle("Adam", "이/가") == "Adam이"."""
    return f"{word}{particle(str(word), pair)}"


class KoreanFormatter(string.Formatter):
    """str.format, plus a particle pair as format spec: "{name:을/를}", or after a number format
    and a bar: "{ratio:.1f|이/가}"."""

    def format_field(self, value, format_spec: str) -> str:
        base, _, pair = format_spec.rpartition("|") if "|" in format_spec else ("", "", format_spec)
        if pair in PAIRS:
            return with_particle(super().format_field(value, base), pair)
        return super().format_field(value, format_spec)


FORMATTER = KoreanFormatter()
