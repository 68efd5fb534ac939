"""한국어 messages about the data sets: CSV files of the data-set folder that were left out,
and inputs too large to compute with."""

MESSAGES = {
    "ds.left_out": "{folder}에서 불러오지 못한 CSV 파일: {n}개",
    "ds.left_out.help": "아래 파일은 적힌 이유 때문에 데이터 세트 목록에 없습니다. 파일을 고치거나 "
    "바꾸면 서버를 다시 시작하지 않아도 몇 초 안에 목록에 나타납니다.",
    "ds.file": "**{name}**: {reason}",
    "ds.too_large": "학습 전부터 비용이 유한한 숫자가 아닙니다: 입력 값이 {max}에 이르러 신경망의 "
    "`float64` 계산에는 너무 큽니다 (가장 큰 수가 약 1.8e308).",
    "ds.too_large.none": "스케일러를 고르지 않았으므로 값이 그대로 신경망에 들어갑니다.",
    "ds.too_large.standard": "StandardScaler로는 해결되지 않습니다: 퍼진 정도를 재려고 값을 "
    "제곱하는데, 약 1.3e154보다 큰 값의 제곱은 `float64`에 담기지 않습니다.",
    "ds.too_large.other": "고른 스케일러({scaler})로는 신경망이 계산할 수 있는 범위로 값이 "
    "옮겨지지 않습니다.",
    "ds.too_large.try": "{scalers:을/를} 써 보세요.",
    "ds.either": "{a:이나/나} {b}",
    "ds.too_large.rescale": "여기 있는 스케일러로는 범위를 맞출 수 없습니다: 파일의 특성 값을 10의 "
    "거듭제곱으로 나누세요 (예: 1e{exp}).",
}
