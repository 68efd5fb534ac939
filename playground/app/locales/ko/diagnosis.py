"""진단 메시지 (playground/diagnosis.py의 코드별). 글 속의 숫자는 모두 진단 결과의 params에서
채워지며, params에는 진단이 쓴 상수(VANISH_RATIO, EXPLODE_RATIO, TINY_STEP, …)가 들어 있습니다."""

MESSAGES = {
    "diag.title": "진단",
    "diag.diverged": "에포크 {epoch}에서 학습이 발산했습니다: 비용이 {what}. 학습률({lr})이 "
    "{optimizer}에 너무 큰 것 같습니다{scale}. 10배 작게 해 보세요. 차트는 그 시점까지의 기록입니다.",
    "diag.what.nan": "NaN(숫자가 아님)이 되었습니다",
    "diag.what.inf": "무한대가 되었습니다",
    "diag.what.exploded": "처음 값보다 훨씬 크게 치솟았습니다",
    "diag.scale": ". 또는 초기 가중치가 너무 큽니다 (×{s})",
    "diag.unstable": "불안정한 학습: 학습 비용이 처음 {start}에서 에포크 {peak_epoch}에 {peak}까지 "
    "올랐고 마지막에는 {end}입니다. 비용이 처음 값의 {rise}배를 넘거나 처음보다 높게 끝나면 걸음이 "
    "최솟값을 지나쳐 버린다는 뜻입니다: 학습률({lr})이 너무 큽니다.",
    "diag.vanishing": "기울기 소실: 처음에 오차 역전파가 레이어 1까지 전하는 오차 신호 δ가 출력 "
    "레이어에서의 크기의 {ratio}배뿐입니다 ({limit}배 미만이면 소실). δ는 거꾸로 가며 레이어마다 "
    "f′(z)·W가 곱해지므로 보통의 경사하강법 걸음으로는 앞쪽 레이어가 거의 배우지 못합니다.",
    "diag.vanishing.step": "기울기 소실: 처음에 모든 레이어의 기울기가 그 가중치 크기의 {step}배 "
    "이하이고 ({step_limit}배 미만이면 소실), 레이어 1에 닿는 δ는 출력에서의 {ratio}배입니다. "
    "가중치가 너무 작아 신호가 앞으로도 뒤로도 약해지고, 신경망 전체가 거의 움직이지 않습니다.",
    "diag.vanishing.compensates": "그래도 학습되는 까닭은 {optimizer:이/가} 파라미터마다 최근 "
    "기울기의 크기로 걸음을 나누기 때문입니다: 기울기는 소실되지만 적응형 학습률이 이를 "
    "메워 줍니다. 보통의 SGD는 여기서 멈춰 버립니다.",
    "diag.exploding": "기울기 폭주: 처음에 오차 역전파가 레이어 1까지 전하는 오차 신호 δ가 출력 "
    "레이어에서의 크기의 {ratio}배입니다 ({limit}배를 넘으면 폭주). 거꾸로 가며 레이어마다 "
    "커지므로 앞쪽 레이어가 지나치게 큰 걸음을 내딛습니다.",
    "diag.exploding.step": "기울기 폭주: 처음에 모든 레이어의 기울기가 그 가중치 크기의 {step}배 "
    "이상입니다 ({step_limit}배를 넘으면 폭주). 순전파 값이 이미 터져 있어서 한 걸음만으로도 "
    "가중치가 멀리 날아갑니다.",
    "diag.saturated": "포화된 노드: 레이어 {layer}에서 활성화 함수의 평평한 끝, 곧 기울기가 거의 "
    "0인 곳에 놓인 출력이 {share}입니다. 그런 노드로는 기울기가 거의 지나가지 못합니다.",
    "diag.saturated.start": "처음부터 포화된 노드: 레이어 {layer}에서 활성화 함수의 평평한 끝, 곧 "
    "기울기가 거의 0인 곳에 놓인 출력이 {share}입니다. 그런 노드로는 기울기가 거의 지나가지 "
    "못합니다: 초기 가중치나 입력 값이 너무 큽니다.",
    "diag.dead": "죽은 ReLU: 레이어 {layer}에서 모든 샘플에 0을 내보내는 노드가 {share}입니다. "
    "거기서 기울기가 0이라 더 이상 배우지 않습니다.",
    "diag.overfitting": "과대적합: 테스트 비용은 에포크 {best}에서 가장 낮았고 그 뒤로 올랐지만 "
    "학습 비용은 계속 내려갔습니다.",
    "diag.underfitting": "과소적합: 학습 정확도가 {acc}인데, 간단한 기준 모델(최근접 이웃 {k}개)은 "
    "같은 학습 데이터에서 {ref}에 이릅니다 ({gap}%p 차이).",
    "diag.underfitting.bouncing": "학습 중에 비용이 처음 값의 {bounce}만큼 다시 뛰어올랐습니다: "
    "걸음이 너무 커서 최솟값에 자리 잡지 못합니다.",
    "diag.because": "원인은 위의 진단({cause})입니다: 그것부터 고치세요.",
    "diag.normalizer": "Normalizer는 각 점(행)의 길이를 1로 만들어 원점까지의 거리가 사라집니다: "
    "학습 정확도가 {acc}뿐이고, 기준 모델(최근접 이웃 {k}개)도 정규화된 데이터에서는 {seen}에 "
    "그칩니다 (표준화된 데이터에서는 {ref}). 원 데이터에서는 그 거리가 신호의 전부입니다. "
    "버그가 아니라 배울 거리입니다.",
    "diag.symmetry": "대칭 문제: 은닉층의 모든 노드가 같은 가중치를 가져 모두 같은 값을 계산하고 "
    "같은 만큼 갱신됩니다 (0으로 초기화하면 이렇게 됩니다). 레이어 전체가 노드 하나처럼 움직입니다.",
    "diag.healthy": "문제는 보이지 않습니다: 레이어 1에 닿는 오차 신호 δ가 출력에서의 {ratio}배로 "
    "건강한 범위({low}배 ~ {high}배) 안에 있고, 데이터가 허락하는 만큼 잘 맞춥니다. "
    "테스트 정확도: {acc}.",
    "diag.healthy.one": "문제는 보이지 않습니다: 데이터가 허락하는 만큼 잘 맞춥니다. "
    "테스트 정확도: {acc}.",
    "diag.name.diverged": "발산",
    "diag.name.unstable": "불안정한 학습",
    "diag.name.symmetry": "대칭 문제",
    "diag.name.exploding": "기울기 폭주",
    "diag.name.vanishing": "기울기 소실",
    "diag.name.dead": "죽은 ReLU",
    "diag.name.saturated": "포화된 노드",
    "diag.try": "이렇게 해 보세요: {items}.",
    "diag.or": ", ",
    "diag.advice.lr_down": "학습률 줄이기 (지금 {lr})",
    "diag.advice.lr_up": "학습률 키우기 (지금 {lr})",
    "diag.advice.scale_down": "초기 가중치 배율 줄이기 (지금 ×{scale})",
    "diag.advice.scale_up": "초기 가중치 배율 키우기 (지금 ×{scale})",
    "diag.advice.init": "Glorot/He 초기화 쓰기",
    "diag.advice.relu": "은닉층에 ReLU 계열 활성화 함수 쓰기 (ReLU, Leaky ReLU)",
    "diag.advice.leaky": "0 아래에도 기울기가 있는 활성화 함수 쓰기 (Leaky ReLU, ELU)",
    "diag.advice.standard": "StandardScaler 쓰기",
    "diag.advice.cross_entropy": "비용함수로 교차 엔트로피 쓰기",
    "diag.advice.depth_down": "은닉층 줄이기 (지금 {depth}개)",
    "diag.advice.depth_up": "은닉층 늘리기 (지금 {depth}개)",
    "diag.advice.width_up": "은닉층당 노드 늘리기 (지금 {width}개)",
    "diag.advice.width_down": "은닉층당 노드 줄이기 (지금 {width}개)",
    "diag.advice.epochs_up": "에포크 늘리기 (지금 {epochs})",
    "diag.advice.batch_down": "전체 배치 대신 미니배치 쓰기",
    "diag.advice.l2_up": "L2 규제 키우기 (지금 {l2})",
    "diag.advice.more_data": "샘플 늘리기 (지금 {n}개)",
    "diag.advice.adaptive": "Adam 같은 적응형 최적화 알고리즘 쓰기",
}
