"""진단 메시지 (playground/diagnosis.py의 코드별)."""

MESSAGES = {
    "diag.title": "진단",
    "diag.diverged": "에포크 {epoch}에서 학습이 발산했습니다: 비용이 {what}. 학습률({lr})이 "
    "{optimizer}에 너무 큰 것 같습니다{scale}. 10배 작게 해 보세요. 차트는 그 시점까지의 기록입니다.",
    "diag.what.nan": "NaN(숫자가 아님)이 되었습니다",
    "diag.what.inf": "무한대가 되었습니다",
    "diag.what.exploded": "처음 값의 100배 넘게 폭주했습니다",
    "diag.scale": ". 또는 초기 가중치가 너무 큽니다 (×{s})",
    "diag.vanishing": "기울기 소실: 처음에 레이어 1의 기울기가 마지막 레이어의 {ratio}배뿐이라 앞쪽 "
    "레이어가 거의 배우지 못합니다. ReLU, He 또는 Glorot 초기화, 더 적은 레이어를 써 보세요.",
    "diag.exploding": "기울기 폭주: 처음에 레이어 1의 기울기가 마지막 레이어의 {ratio}배입니다. 더 "
    "작은 초기 가중치(배율 1, Glorot/He)나 더 작은 학습률을 써 보세요.",
    "diag.saturated": "포화된 노드: 레이어 {layer} 출력의 {share}가 기울기가 거의 0인 활성화 함수의 "
    "평평한 끝에 있습니다. 표준화 스케일러, 더 작은 가중치, 또는 ReLU를 써 보세요.",
    "diag.dead": "죽은 ReLU: 레이어 {layer} 노드의 {share}가 모든 샘플에 0을 내보내 더 이상 배우지 "
    "않습니다. 더 작은 학습률, Leaky ReLU나 ELU를 써 보세요.",
    "diag.overfitting": "과대적합: 테스트 비용은 에포크 {best}에서 가장 낮았고 그 뒤로 올랐지만 학습 "
    "비용은 계속 내려갔습니다. 노드를 줄이거나 L2, 더 많은 데이터를 써 보세요.",
    "diag.underfitting": "과소적합: 학습 정확도조차 {acc}입니다. 노드나 레이어, 에포크를 늘리거나 "
    "학습률을 키워 보세요.",
    "diag.normalizer": "Normalizer는 각 점(행)의 길이를 1로 만들어 원점까지의 거리가 사라집니다: "
    "학습 정확도가 {acc}뿐입니다. 원 데이터에서는 그 거리가 신호의 전부입니다. 버그가 아니라 "
    "배울 거리입니다: StandardScaler를 써 보세요.",
    "diag.start_nan": "학습 전부터 비용이 유한한 숫자가 아닙니다: 입력 값이 신경망이 계산하기에 너무 큽니다 (최대 {max}). StandardScaler나 MinMaxScaler를 써 보세요.",
    "diag.symmetry": "대칭 문제: 은닉층의 모든 노드가 같은 가중치를 가져 모두 같은 값을 계산하고 같은 만큼 갱신됩니다 (0으로 초기화하면 이렇게 됩니다). 층 전체가 노드 하나처럼 움직입니다. Glorot이나 He 같은 무작위 초기화를 쓰세요.",
    "diag.healthy": "기울기 문제는 보이지 않습니다: 모든 레이어로 기울기가 잘 흐릅니다. 테스트 정확도: {acc}.",
}
