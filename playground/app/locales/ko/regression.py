"""회귀 문제: Huber 비용, 회귀 데이터 세트, R² 지표, 예측값 지도, 분류 전용 페이지의 안내."""

MESSAGES = {
    "loss.huber": "잔차가 작을 때(|r| ≤ δ = 1)는 제곱 오차(½r²), 그보다 크면 절댓값 오차"
    "(δ(|r| − ½δ))입니다. 이상치가 커져도 당기는 힘이 일정합니다. 목표값이 숫자인 회귀용이며 "
    "`torch.nn.HuberLoss()`와 같습니다.",
    "reg.note": "회귀: 각 점의 목표값은 클래스가 아니라 숫자(점의 색)입니다. 신경망의 끝은 선형 "
    "출력 노드 하나이고 MSE나 Huber 비용으로 학습하며, 정확도 대신 R²를 봅니다.",
    "reg.loss_changed": "비용함수를 {loss}{loss:으로/로} 바꿨습니다: {dataset}{dataset:은/는} 회귀 "
    "데이터 세트이고, 교차 엔트로피와 Hinge는 클래스가 있어야 합니다.",
    "reg.loss.help": "회귀 데이터 세트에는 MSE와 Huber만 쓸 수 있습니다. 다른 비용함수는 클래스가 "
    "있어야 합니다.",
    "metric.train_r2": "학습 R²",
    "metric.test_r2": "테스트 R²",
    "metric.test_mse": "테스트 MSE",
    "metric.r2.help": "R² = 1 − $SS_{res} / SS_{tot}$: 1이면 완벽하게 맞고, 0이면 평균으로 예측한 것과 "
    "같으며, 0보다 작으면 그보다 못합니다.",
    "heatmap.title": "예측값",
    "chart.r2": "R²",
    "chart.best_r2": "최고 테스트 R²",
    "chart.target_value": "목표값",
    "chart.predicted": "예측값",
    "heatmap.caption": "배경: 평면 위 신경망의 예측값(0보다 작으면 주황, 크면 파랑, 0이면 흰색). "
    "점: 같은 색 척도의 목표값. 배경과 색이 다른 점은 잘못 예측된 점입니다.",
    "reg.classification_only": "{page}{page:은/는} 분류용입니다: {dataset}{dataset:은/는} 회귀 "
    "데이터 세트입니다(점마다 클래스가 아니라 숫자). 사이드바에서 moons 같은 분류 데이터 세트을 "
    "고르세요.",
    "diag.healthy.r2": "문제는 보이지 않습니다: 레이어 1에 닿는 오차 신호 δ가 출력에서의 {ratio}배로 "
    "건강한 범위({low}배 ~ {high}배) 안에 있습니다. 테스트 R²: {r2}.",
    "diag.healthy.one.r2": "문제는 보이지 않습니다. 테스트 R²: {r2}.",
    "cmp.col.train_r2": "학습 R²",
    "cmp.col.test_r2": "테스트 R²",
    "sw.metric.test_r2": "테스트 R²",
    "sw.metric.train_r2": "학습 R²",
    "sw.col.test_r2": "테스트 R²",
    "sw.col.train_r2": "학습 R²",
    "reg.cmp.no_classes": "회귀 실행은 클래스가 아니라 숫자를 예측하므로 두 실행이 다른 클래스를 "
    "예측하는 곳의 지도는 없습니다. 아래에서 예측값을 비교하세요.",
    "reg.cmp.maps": "예측값",
    "reg.url.loss": "데이터 세트 {dataset}에는 맞지 않습니다. 쓸 수 있는 비용함수: {losses}",
    "sw.boundaries.r2": "예측값 (설정마다 첫 시드, 테스트 R²와 함께)",
}
